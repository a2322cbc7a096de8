package dev.tandem.security;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.AuthenticationFailureLockedEvent;
import org.springframework.security.authentication.event.InteractiveAuthenticationSuccessEvent;
import org.springframework.security.authentication.event.LogoutSuccessEvent;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;

/**
 * Sign-ins (success and failure), sign-outs and lockouts in the audit log. Attempts refused during
 * a lock are not written one by one (they are bounded only by the attacker's patience): the lock
 * itself is, and each refusal is one WARN line.
 */
@Component
class SignInAudit {

  private final AuditService audit;

  SignInAudit(AuditService audit) {
    this.audit = audit;
  }

  /** Form sign-ins only: HTTP basic (actuator scrapes) would write a row per request. */
  @EventListener
  void on(InteractiveAuthenticationSuccessEvent event) {
    Authentication auth = event.getAuthentication();
    audit.recordSignIn(auth.getName(), "sign-in", null, details(auth, null));
  }

  @EventListener
  void on(AbstractAuthenticationFailureEvent event) {
    if (event instanceof AuthenticationFailureLockedEvent) {
      return;
    }
    Authentication auth = event.getAuthentication();
    audit.recordSignIn(
        auth.getName(),
        "sign-in-failed",
        null,
        details(auth, event.getException().getClass().getSimpleName()));
  }

  @EventListener
  void on(LogoutSuccessEvent event) {
    Authentication auth = event.getAuthentication();
    audit.recordSignIn(auth.getName(), "sign-out", null, details(auth, null));
  }

  @EventListener
  void on(LoginThrottle.Locked event) {
    String key = event.key();
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("failures", event.failures());
    details.put("lockedUntil", event.until().toString());
    audit.recordSignIn(key.substring(key.indexOf(':') + 1), "sign-in-locked", key, details);
  }

  private static Map<String, Object> details(Authentication auth, String reason) {
    Map<String, Object> details = new LinkedHashMap<>();
    if (auth.getDetails() instanceof WebAuthenticationDetails web) {
      details.put("address", web.getRemoteAddress());
    }
    if (reason != null) {
      details.put("reason", reason);
    }
    return details;
  }
}

package dev.tandem.alerts;

import dev.tandem.security.Role;
import java.util.List;
import java.util.function.Supplier;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Runs work as someone, so the services apply that person's access and small-group suppression
 * exactly as on their screens; restores whoever was acting before.
 */
final class RunAs {

  /** Evaluating the rules: sees everything, like an admin; no user account has this name. */
  static final String SYSTEM = "system:alerts";

  private RunAs() {}

  static <T> T call(String username, Role role, Supplier<T> work) {
    SecurityContext previous = SecurityContextHolder.getContext();
    SecurityContext as = SecurityContextHolder.createEmptyContext();
    as.setAuthentication(
        new UsernamePasswordAuthenticationToken(
            username, null, List.of(new SimpleGrantedAuthority("ROLE_" + role.name()))));
    SecurityContextHolder.setContext(as);
    try {
      return work.get();
    } finally {
      SecurityContextHolder.setContext(previous);
    }
  }

  static <T> T system(Supplier<T> work) {
    return call(SYSTEM, Role.ADMIN, work);
  }
}

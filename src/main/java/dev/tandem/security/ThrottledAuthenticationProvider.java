package dev.tandem.security;

import dev.tandem.base.LogSafe;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;

/**
 * Password sign-ins (login form and HTTP basic), refused altogether when {@code
 * tandem.sso.local-sign-in} is false, and refused while {@link LoginThrottle} holds a lock for the
 * user name or the address. The refusal is an ordinary failed sign-in with one WARN line; thrown
 * from the user lookup it was wrapped as an internal error and logged with a stack trace.
 */
@Component
class ThrottledAuthenticationProvider implements AuthenticationProvider {

  private static final Logger log = LoggerFactory.getLogger(ThrottledAuthenticationProvider.class);

  private final DaoAuthenticationProvider passwords;
  private final LoginThrottle throttle;
  private final boolean localSignIn;

  ThrottledAuthenticationProvider(
      TandemUserDetailsService users,
      PasswordEncoder encoder,
      LoginThrottle throttle,
      SsoProperties sso) {
    this.passwords = new DaoAuthenticationProvider(encoder);
    this.passwords.setUserDetailsService(users);
    this.throttle = throttle;
    this.localSignIn = sso.localSignIn();
  }

  @Override
  public Authentication authenticate(Authentication attempt) {
    if (!localSignIn) {
      throw new DisabledException("Local sign-in is switched off: use single sign-on.");
    }
    String address =
        attempt.getDetails() instanceof WebAuthenticationDetails web
            ? web.getRemoteAddress()
            : null;
    long locked = throttle.secondsLocked(attempt.getName(), address);
    if (locked > 0) {
      log.warn(
          "Sign-in refused while locked: user '{}' from {}, {} s left",
          LogSafe.clip(attempt.getName(), 100),
          address,
          locked);
      throw new LockedException("Too many failed sign-ins. Try again in " + locked + " seconds.");
    }
    return passwords.authenticate(attempt);
  }

  @Override
  public boolean supports(Class<?> authentication) {
    return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
  }
}

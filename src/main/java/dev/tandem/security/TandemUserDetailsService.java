package dev.tandem.security;

import java.util.List;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/** Loads users from the database; passwords are BCrypt hashes. */
@Service
class TandemUserDetailsService implements UserDetailsService {

  private final UserRepository users;
  private final LoginThrottle throttle;

  TandemUserDetailsService(UserRepository users, LoginThrottle throttle) {
    this.users = users;
    this.throttle = throttle;
  }

  @Override
  public UserDetails loadUserByUsername(String username) {
    long locked = throttle.secondsLocked(username, currentAddress());
    if (locked > 0) {
      throw new LockedException("Too many failed sign-ins. Try again in " + locked + " seconds.");
    }
    UserRepository.AccountWithHash found =
        users
            .findForLogin(username)
            .orElseThrow(() -> new UsernameNotFoundException("unknown user"));
    return User.withUsername(found.account().username())
        .password(found.passwordHash())
        .disabled(!found.account().enabled())
        .authorities(List.of(new SimpleGrantedAuthority("ROLE_" + found.account().role().name())))
        .build();
  }

  private static String currentAddress() {
    return RequestContextHolder.getRequestAttributes()
            instanceof ServletRequestAttributes attributes
        ? attributes.getRequest().getRemoteAddr()
        : null;
  }
}

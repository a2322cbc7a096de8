package dev.tandem.security;

import java.util.List;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;

/**
 * Loads users from the database; passwords are BCrypt hashes. Locks are checked before, by {@link
 * ThrottledAuthenticationProvider}.
 */
@Service
class TandemUserDetailsService implements UserDetailsService {

  private final UserRepository users;

  TandemUserDetailsService(UserRepository users) {
    this.users = users;
  }

  @Override
  public UserDetails loadUserByUsername(String username) {
    UserRepository.AccountWithHash found =
        users
            .findForLogin(username)
            .filter(account -> account.passwordHash() != null)
            // People who sign in with single sign-on have no password.
            .orElseThrow(() -> new UsernameNotFoundException("unknown user"));
    return User.withUsername(found.account().username())
        .password(found.passwordHash())
        .disabled(!found.account().enabled())
        .authorities(List.of(new SimpleGrantedAuthority("ROLE_" + found.account().role().name())))
        .build();
  }
}

package dev.tandem.security;

import java.util.List;
import java.util.function.Supplier;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;

/** Runs test set-up as an admin, then restores whoever was signed in. */
public final class AsAdmin {

  private AsAdmin() {}

  public static <T> T call(Supplier<T> work) {
    SecurityContext previous = SecurityContextHolder.getContext();
    SecurityContext admin = SecurityContextHolder.createEmptyContext();
    admin.setAuthentication(
        new UsernamePasswordAuthenticationToken(
            "test-admin", null, List.of(new SimpleGrantedAuthority("ROLE_ADMIN"))));
    SecurityContextHolder.setContext(admin);
    try {
      return work.get();
    } finally {
      SecurityContextHolder.setContext(previous);
    }
  }
}

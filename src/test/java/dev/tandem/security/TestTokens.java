package dev.tandem.security;

import java.util.List;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;

/** Creates API tokens in tests as an admin would, without leaving the test signed in. */
public final class TestTokens {

  private TestTokens() {}

  public static String create(ApiTokenService tokens, String name, Role role, Long teamId) {
    SecurityContext previous = SecurityContextHolder.getContext();
    SecurityContext admin = SecurityContextHolder.createEmptyContext();
    admin.setAuthentication(
        new UsernamePasswordAuthenticationToken(
            "test-admin", null, List.of(new SimpleGrantedAuthority("ROLE_ADMIN"))));
    SecurityContextHolder.setContext(admin);
    try {
      return tokens.create(name, role, teamId).token();
    } finally {
      SecurityContextHolder.setContext(previous);
    }
  }
}

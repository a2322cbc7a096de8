package dev.tandem.security;

import dev.tandem.base.DatabaseBusy;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates {@code Authorization: Bearer <token>} against the stored token hashes. Not a bean:
 * only the API chains use it.
 */
class ApiTokenFilter extends OncePerRequestFilter {

  private final ApiTokenService tokens;

  ApiTokenFilter(ApiTokenService tokens) {
    this.tokens = tokens;
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String header = request.getHeader("Authorization");
    if (header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)) {
      String value = header.substring(7).trim();
      java.util.Optional<ApiToken> found;
      try {
        found = tokens.authenticate(value);
      } catch (RuntimeException e) {
        if (DatabaseBusy.causedBy(e)) {
          ProblemResponses.busy(response, request.getRequestURI());
          return;
        }
        throw e;
      }
      found.ifPresent(
          token -> {
            var auth =
                new UsernamePasswordAuthenticationToken(
                    "token:" + token.name(),
                    null,
                    List.of(new SimpleGrantedAuthority("ROLE_" + token.role().name())));
            auth.setDetails(token);
            SecurityContextHolder.getContext().setAuthentication(auth);
          });
    }
    chain.doFilter(request, response);
  }
}

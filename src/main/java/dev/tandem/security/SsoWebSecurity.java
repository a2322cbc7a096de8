package dev.tandem.security;

import com.vaadin.flow.spring.security.UidlRedirectStrategy;
import dev.tandem.base.LogSafe;
import dev.tandem.security.ui.SsoRefusedView;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.client.oidc.web.logout.OidcClientInitiatedLogoutSuccessHandler;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.web.authentication.logout.LogoutSuccessHandler;

/**
 * The UI chain's OpenID Connect sign-in and sign-out, present only when single sign-on is
 * configured. A refused sign-in goes to the page that says whom to ask; sign-out ends the
 * provider's session too where the provider offers an end-session endpoint.
 */
final class SsoWebSecurity {

  private static final Logger log = LoggerFactory.getLogger(SsoWebSecurity.class);

  private final SsoClientRegistration registration;
  private final SsoOidcUserService users;

  SsoWebSecurity(SsoClientRegistration registration, SsoOidcUserService users) {
    this.registration = registration;
    this.users = users;
  }

  void configure(HttpSecurity http) throws Exception {
    http.oauth2Login(
        o ->
            o.loginPage("/login")
                .clientRegistrationRepository(registration)
                .userInfoEndpoint(u -> u.oidcUserService(users))
                .failureHandler(SsoWebSecurity::failed));
  }

  /** Local users go back to the start page; people signed in with the provider end its session. */
  LogoutSuccessHandler logoutSuccessHandler() {
    OidcClientInitiatedLogoutSuccessHandler handler =
        new OidcClientInitiatedLogoutSuccessHandler(registration);
    handler.setPostLogoutRedirectUri("{baseUrl}/login");
    handler.setRedirectStrategy(new UidlRedirectStrategy());
    return handler;
  }

  private static void failed(
      HttpServletRequest request, HttpServletResponse response, AuthenticationException failure)
      throws IOException {
    if (failure instanceof OAuth2AuthenticationException oauth
        && SsoOidcUserService.NO_ACCESS.equals(oauth.getError().getErrorCode())) {
      request.getSession().setAttribute(SsoRefusedView.REFUSAL, oauth.getError().getDescription());
      response.sendRedirect(request.getContextPath() + "/sso-refused");
      return;
    }
    log.warn("Single sign-on failed: {}", LogSafe.describe(failure));
    response.sendRedirect(request.getContextPath() + "/login?sso-error");
  }
}

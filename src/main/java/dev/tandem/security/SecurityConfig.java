package dev.tandem.security;

import com.vaadin.flow.spring.security.RequestUtil;
import com.vaadin.flow.spring.security.VaadinAwareSecurityContextHolderStrategyConfiguration;
import com.vaadin.flow.spring.security.VaadinSecurityConfigurer;
import dev.tandem.security.ui.LoginView;
import jakarta.servlet.DispatcherType;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;

/**
 * Three chains: the stateless bearer-token API, actuator (health public, the rest admin), and the
 * Vaadin UI with a login form and, when configured, single sign-on (OpenID Connect).
 */
@Configuration
@EnableWebSecurity
@EnableMethodSecurity
@Import(VaadinAwareSecurityContextHolderStrategyConfiguration.class)
@EnableConfigurationProperties(SsoProperties.class)
class SecurityConfig {

  /**
   * What Vaadin needs (inline bootstrap script and styles, websocket/XHR to itself), nothing from
   * elsewhere.
   */
  static final String CONTENT_SECURITY_POLICY =
      "default-src 'self'; script-src 'self' 'unsafe-inline' 'unsafe-eval'; "
          + "style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self' data:; connect-src 'self' ws: wss:; "
          + "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

  @Bean
  PasswordEncoder passwordEncoder() {
    return new BCryptPasswordEncoder();
  }

  /**
   * A person's own alert subscription: an API token belongs to no person, so these two requests
   * also take HTTP basic with a user's name and password (as actuator does), read as that user.
   */
  @Bean
  @Order(0)
  SecurityFilterChain ownSubscriptionChain(HttpSecurity http, ApiTokenService tokens)
      throws Exception {
    return stateless(http, tokens, "/api/v1/alerts/subscriptions/me")
        .authorizeHttpRequests(a -> a.anyRequest().authenticated())
        .httpBasic(b -> b.authenticationEntryPoint(ProblemResponses.unauthorizedPerson()))
        .exceptionHandling(
            e ->
                e.authenticationEntryPoint(ProblemResponses.unauthorizedPerson())
                    .accessDeniedHandler(ProblemResponses.forbidden()))
        .build();
  }

  @Bean
  @Order(1)
  SecurityFilterChain apiChain(HttpSecurity http, ApiTokenService tokens) throws Exception {
    return stateless(http, tokens, "/api/**")
        .authorizeHttpRequests(
            a ->
                a.requestMatchers(
                        "/api/v1/openapi",
                        "/api/v1/openapi/**",
                        "/api/v1/openapi.json",
                        "/api/v1/docs",
                        "/api/v1/swagger-ui/**")
                    .permitAll()
                    .anyRequest()
                    .authenticated())
        .exceptionHandling(
            e ->
                e.authenticationEntryPoint(ProblemResponses.unauthorized())
                    .accessDeniedHandler(ProblemResponses.forbidden()))
        .build();
  }

  /**
   * A chain for the API's {@code paths}: API tokens (and the chain's own sign-in), no CSRF, no
   * session and no saved request.
   */
  private static HttpSecurity stateless(HttpSecurity http, ApiTokenService tokens, String paths)
      throws Exception {
    return http.securityMatcher(paths)
        .csrf(c -> c.disable())
        .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        .requestCache(c -> c.disable())
        .addFilterBefore(new ApiTokenFilter(tokens), UsernamePasswordAuthenticationFilter.class);
  }

  @Bean
  @Order(2)
  SecurityFilterChain actuatorChain(HttpSecurity http, ApiTokenService tokens) throws Exception {
    return http.securityMatcher("/actuator/**")
        .csrf(c -> c.disable())
        .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        .addFilterBefore(new ApiTokenFilter(tokens), UsernamePasswordAuthenticationFilter.class)
        .authorizeHttpRequests(
            a ->
                a.requestMatchers("/actuator/health", "/actuator/health/**")
                    .permitAll()
                    .anyRequest()
                    .hasRole(Role.ADMIN.name()))
        .httpBasic(b -> b.authenticationEntryPoint(ProblemResponses.unauthorized()))
        .exceptionHandling(
            e ->
                e.authenticationEntryPoint(ProblemResponses.unauthorized())
                    .accessDeniedHandler(ProblemResponses.forbidden()))
        .build();
  }

  @Bean
  @Order(3)
  SecurityFilterChain uiChain(
      HttpSecurity http, RequestUtil vaadinRequests, ObjectProvider<SsoWebSecurity> ssoProvider)
      throws Exception {
    http.headers(
        h ->
            h.contentTypeOptions(c -> {})
                .frameOptions(f -> f.deny())
                .contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                .referrerPolicy(
                    r ->
                        r.policy(
                            ReferrerPolicyHeaderWriter.ReferrerPolicy
                                .STRICT_ORIGIN_WHEN_CROSS_ORIGIN)));
    // Spring's error page (details switched off) answers any failed request; without this an API
    // client whose request failed outside the API's handler was redirected to the login page.
    http.authorizeHttpRequests(a -> a.dispatcherTypeMatchers(DispatcherType.ERROR).permitAll());
    // Vaadin exempts its own requests (they carry Vaadin's CSRF token) and also the login form's
    // POST /login. That POST must carry Spring's token too (the login form reads it from the page's
    // _csrf meta tags), so a cross-site form cannot sign anyone in: only Vaadin's requests are
    // exempt.
    http.csrf(c -> c.ignoringRequestMatchers(vaadinRequests::isFrameworkInternalRequest));
    // Single sign-on, when configured, beside the login form (which may be switched off).
    SsoWebSecurity sso = ssoProvider.getIfAvailable();
    if (sso != null) {
      sso.configure(http);
    }
    http.with(
        VaadinSecurityConfigurer.vaadin(),
        vaadin -> {
          vaadin.loginView(LoginView.class).enableCsrfConfiguration(false);
          if (sso != null) {
            vaadin.logoutSuccessHandler(sso.logoutSuccessHandler());
          }
        });
    return http.build();
  }
}

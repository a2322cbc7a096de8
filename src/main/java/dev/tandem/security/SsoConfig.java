package dev.tandem.security;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.util.StringUtils;

/** Single sign-on's beans, made only when {@code tandem.sso.issuer-uri} is set. */
@Configuration
@Conditional(SsoConfig.Configured.class)
class SsoConfig {

  private static final Logger log = LoggerFactory.getLogger(SsoConfig.class);

  @Bean
  SsoClientRegistration ssoClientRegistration(SsoProperties properties) {
    log.info(
        "Single sign-on with {} ({}); local sign-in {}",
        properties.name(),
        properties.issuerUri(),
        properties.localSignIn() ? "allowed" : "switched off");
    return new SsoClientRegistration(properties);
  }

  @Bean
  SsoWebSecurity ssoWebSecurity(
      SsoClientRegistration registration, SsoAccounts accounts, SsoProperties properties) {
    return new SsoWebSecurity(
        registration, new SsoOidcUserService(accounts, properties.groupsClaim()));
  }

  static final class Configured implements Condition {
    @Override
    public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
      return StringUtils.hasText(context.getEnvironment().getProperty("tandem.sso.issuer-uri"));
    }
  }
}

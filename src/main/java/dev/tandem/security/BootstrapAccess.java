package dev.tandem.security;

import java.security.SecureRandom;
import java.util.Base64;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.stereotype.Component;

/**
 * On an empty database: outside the demo profile, one admin from {@code TANDEM_ADMIN_PASSWORD} (or
 * a random password logged once); in any profile, an admin API token from {@code
 * TANDEM_BOOTSTRAP_TOKEN} if it is set.
 */
@Component
@Order(Ordered.LOWEST_PRECEDENCE)
class BootstrapAccess implements ApplicationRunner {

  private static final Logger log = LoggerFactory.getLogger(BootstrapAccess.class);

  private final UserService users;
  private final ApiTokenService tokens;
  private final Environment environment;
  private final String adminPassword;
  private final String bootstrapToken;

  BootstrapAccess(
      UserService users,
      ApiTokenService tokens,
      Environment environment,
      @Value("${TANDEM_ADMIN_PASSWORD:}") String adminPassword,
      @Value("${TANDEM_BOOTSTRAP_TOKEN:}") String bootstrapToken) {
    this.users = users;
    this.tokens = tokens;
    this.environment = environment;
    this.adminPassword = adminPassword;
    this.bootstrapToken = bootstrapToken;
  }

  @Override
  public void run(ApplicationArguments args) {
    if (!environment.acceptsProfiles(Profiles.of("demo")) && !users.anyUsers()) {
      boolean generated = adminPassword.isBlank();
      String password = generated ? randomPassword() : adminPassword;
      users.createUser(
          new UserAccount(null, "admin", "Administrator", Role.ADMIN, null, null, true), password);
      if (generated) {
        log.warn(
            "Created user 'admin' with the generated password {} (shown once; set TANDEM_ADMIN_PASSWORD to choose it)",
            password);
      } else {
        log.info("Created user 'admin' with the password from TANDEM_ADMIN_PASSWORD");
      }
    }
    if (!bootstrapToken.isBlank() && !tokens.anyTokens()) {
      tokens.bootstrap(bootstrapToken);
      log.info("Created the admin API token 'bootstrap' from TANDEM_BOOTSTRAP_TOKEN");
    }
  }

  private static String randomPassword() {
    byte[] bytes = new byte[18];
    new SecureRandom().nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }
}

package dev.tandem.security;

import dev.tandem.base.LogSafe;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.ClientRegistrations;
import org.springframework.security.oauth2.core.oidc.IdTokenClaimNames;

/**
 * The one provider, read from its discovery document at the first sign-in rather than at start-up,
 * so Tandem starts (and local accounts and the API work) while the provider is unreachable; a
 * failed read is tried again at the next sign-in.
 */
final class SsoClientRegistration implements ClientRegistrationRepository {

  private static final Logger log = LoggerFactory.getLogger(SsoClientRegistration.class);

  private final SsoProperties properties;
  private volatile ClientRegistration registration;

  SsoClientRegistration(SsoProperties properties) {
    this.properties = properties;
  }

  @Override
  public ClientRegistration findByRegistrationId(String registrationId) {
    if (!SsoProperties.REGISTRATION_ID.equals(registrationId)) {
      return null;
    }
    ClientRegistration found = registration;
    if (found == null) {
      synchronized (this) {
        if (registration == null) {
          registration = discover();
        }
        found = registration;
      }
    }
    return found;
  }

  private ClientRegistration discover() {
    try {
      return register();
    } catch (RuntimeException unreachable) {
      // Spring Security answers the sign-in with a bare 500; the reason belongs in the log.
      log.warn(
          "Single sign-on: cannot read the discovery document of {}: {}",
          properties.issuerUri(),
          LogSafe.describe(unreachable));
      throw unreachable;
    }
  }

  private ClientRegistration register() {
    return ClientRegistrations.fromIssuerLocation(properties.issuerUri())
        .registrationId(SsoProperties.REGISTRATION_ID)
        .clientId(properties.clientId())
        .clientSecret(properties.clientSecret())
        .scope(properties.scopes())
        .clientName(properties.name())
        .redirectUri("{baseUrl}/login/oauth2/code/{registrationId}")
        .userNameAttributeName(IdTokenClaimNames.SUB)
        .build();
  }
}

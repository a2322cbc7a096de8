package dev.tandem.security;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.StringUtils;

/**
 * Single sign-on with the organisation's OpenID Connect provider ({@code tandem.sso.*}, e.g. {@code
 * TANDEM_SSO_ISSUER_URI}). Nothing is switched on while the issuer is unset.
 *
 * @param issuerUri the provider's issuer; its discovery document is read on the first sign-in
 * @param clientId the client registered at the provider for Tandem
 * @param clientSecret that client's secret
 * @param name the provider as people know it: "Sign in with {name}"
 * @param scopes the scopes asked for
 * @param groupsClaim the claim (ID token or user info) holding the groups
 * @param roles the group mapping, see {@link SsoRoleMapping}
 * @param contact whom a person without a mapped group should ask, shown on the refusal page
 * @param localSignIn whether local accounts (user name and password) may sign in
 */
@ConfigurationProperties("tandem.sso")
public record SsoProperties(
    String issuerUri,
    String clientId,
    String clientSecret,
    @DefaultValue("your organisation's account") String name,
    @DefaultValue({"openid", "profile", "email"}) List<String> scopes,
    @DefaultValue("groups") String groupsClaim,
    @DefaultValue(SsoRoleMapping.DEFAULT) String roles,
    @DefaultValue("an administrator of Tandem") String contact,
    @DefaultValue("true") boolean localSignIn) {

  /** The registration's id, part of the redirect URI {@code /login/oauth2/code/sso}. */
  public static final String REGISTRATION_ID = "sso";

  public SsoProperties {
    if (enabled(issuerUri) && !StringUtils.hasText(clientId)) {
      throw new IllegalStateException(
          "tandem.sso.issuer-uri is set but tandem.sso.client-id is not (TANDEM_SSO_CLIENT_ID)");
    }
    if (!localSignIn && !enabled(issuerUri)) {
      throw new IllegalStateException(
          "tandem.sso.local-sign-in=false needs single sign-on (tandem.sso.issuer-uri): nobody could sign in");
    }
    SsoRoleMapping.parse(roles);
  }

  public boolean enabled() {
    return enabled(issuerUri);
  }

  private static boolean enabled(String issuerUri) {
    return StringUtils.hasText(issuerUri);
  }

  SsoRoleMapping mapping() {
    return SsoRoleMapping.parse(roles);
  }
}

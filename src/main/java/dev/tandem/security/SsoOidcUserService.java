package dev.tandem.security;

import java.util.Collection;
import java.util.List;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserService;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;

/**
 * Turns the provider's answer (ID token, and user info where the provider offers it) into a Tandem
 * account: {@link SsoAccounts} creates or refreshes it from the groups claim.
 */
final class SsoOidcUserService implements OAuth2UserService<OidcUserRequest, OidcUser> {

  /** The error of a sign-in refused for want of a mapped group (or a disabled account). */
  static final String NO_ACCESS = "tandem_no_access";

  private final OidcUserService provider = new OidcUserService();
  private final SsoAccounts accounts;
  private final String groupsClaim;

  SsoOidcUserService(SsoAccounts accounts, String groupsClaim) {
    this.accounts = accounts;
    this.groupsClaim = groupsClaim;
  }

  @Override
  public OidcUser loadUser(OidcUserRequest request) {
    OidcUser user = provider.loadUser(request);
    SsoAccounts.Identity identity =
        new SsoAccounts.Identity(
            String.valueOf(user.getIdToken().getIssuer()),
            user.getSubject(),
            user.getEmail(),
            !Boolean.FALSE.equals(user.getEmailVerified()),
            user.getFullName(),
            user.getPreferredUsername(),
            groups(user.getClaims().get(groupsClaim)));
    UserAccount account;
    try {
      account = accounts.signIn(identity);
    } catch (SsoAccounts.Refused refused) {
      throw new OAuth2AuthenticationException(
          new OAuth2Error(NO_ACCESS, refused.getMessage(), null), refused.getMessage());
    }
    return new SsoUser(
        List.of(new SimpleGrantedAuthority("ROLE_" + account.role().name())),
        user.getIdToken(),
        user.getUserInfo(),
        account.username());
  }

  /** A list of names, or one name; nothing when the claim is missing. */
  static List<String> groups(Object claim) {
    if (claim instanceof Collection<?> values) {
      return values.stream().filter(v -> v != null).map(String::valueOf).toList();
    }
    return claim == null ? List.of() : List.of(String.valueOf(claim));
  }
}

package dev.tandem.security;

import java.util.Collection;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.core.oidc.OidcUserInfo;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;

/**
 * A person signed in with the identity provider, known by their Tandem user name (so the audit log,
 * {@link CurrentUser} and {@link UserService#principal()} treat them like a local user).
 */
final class SsoUser extends DefaultOidcUser {

  private static final long serialVersionUID = 1L;

  private final String username;

  SsoUser(
      Collection<? extends GrantedAuthority> authorities,
      OidcIdToken idToken,
      OidcUserInfo userInfo,
      String username) {
    super(authorities, idToken, userInfo);
    this.username = username;
  }

  @Override
  public String getName() {
    return username;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof SsoUser that && super.equals(that) && username.equals(that.username);
  }

  @Override
  public int hashCode() {
    return 31 * super.hashCode() + username.hashCode();
  }
}

package dev.tandem.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

class SsoPropertiesTest {

  private static SsoProperties sso(String issuer, String clientId, String roles, boolean local) {
    return new SsoProperties(
        issuer, clientId, "s", "Corp ID", List.of("openid"), "groups", roles, "us", local);
  }

  @Test
  void without_an_issuer_single_sign_on_is_off_and_local_sign_in_stays() {
    SsoProperties off = sso("", null, SsoRoleMapping.DEFAULT, true);
    assertThat(off.enabled()).isFalse();
    assertThat(off.localSignIn()).isTrue();
  }

  @Test
  void settings_that_would_lock_everyone_out_or_cannot_sign_in_stop_the_start() {
    assertThatThrownBy(() -> sso(null, null, SsoRoleMapping.DEFAULT, false))
        .hasMessageContaining("nobody could sign in");
    assertThatThrownBy(() -> sso("https://id.example.com", " ", SsoRoleMapping.DEFAULT, true))
        .hasMessageContaining("TANDEM_SSO_CLIENT_ID");
    assertThatThrownBy(() -> sso("https://id.example.com", "tandem", "leaders=CHIEF", true))
        .hasMessageContaining("'leaders=CHIEF' names no role");
  }

  @Test
  void with_local_sign_in_switched_off_no_password_is_even_checked() {
    ThrottledAuthenticationProvider passwords =
        new ThrottledAuthenticationProvider(
            new TandemUserDetailsService(new UserRepository(null)),
            new BCryptPasswordEncoder(),
            new LoginThrottle(Clock.systemUTC(), event -> {}),
            sso("https://id.example.com", "tandem", SsoRoleMapping.DEFAULT, false));
    // The repository has no database: reaching it would fail with another exception.
    assertThatThrownBy(
            () ->
                passwords.authenticate(
                    UsernamePasswordAuthenticationToken.unauthenticated("admin", "admin")))
        .isInstanceOf(DisabledException.class)
        .hasMessageContaining("Local sign-in is switched off");
  }

  @Test
  void a_groups_claim_is_a_list_or_a_single_name() {
    assertThat(SsoOidcUserService.groups(List.of("a", "team:b"))).containsExactly("a", "team:b");
    assertThat(SsoOidcUserService.groups("tandem-leaders")).containsExactly("tandem-leaders");
    assertThat(SsoOidcUserService.groups(null)).isEmpty();
  }
}

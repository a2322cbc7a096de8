package dev.tandem.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;

/** Sign-ins through the real login form (POST /login, as Vaadin's LoginForm posts it). */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(LoginThrottleIT.Clocks.class)
class LoginThrottleIT {

  private static final String ADDRESS = "127.0.0.1";
  private static final Pattern CSRF = Pattern.compile("<meta name=\"_csrf\" content=\"([^\"]+)\"");

  @TestConfiguration
  static class Clocks {
    @Bean
    @Primary
    MutableClock mutableClock() {
      return new MutableClock(Clock.systemUTC().instant());
    }
  }

  @LocalServerPort int port;
  @Autowired MutableClock clock;
  @Autowired LoginThrottle throttle;
  @Autowired UserService users;

  @BeforeEach
  void everyLockHasRunOut() {
    clock.advance(Duration.ofHours(1));
    throttle.succeeded("nobody", ADDRESS);
  }

  @Test
  void five_wrong_passwords_lock_the_user_even_against_the_right_one_until_the_lock_runs_out() {
    user("throttled-ana", "right-password");
    for (int i = 0; i < 5; i++) {
      assertThat(signIn("throttled-ana", "wrong-" + i)).isEqualTo("refused");
    }
    assertThat(signIn("throttled-ana", "right-password")).isEqualTo("refused");
    clock.advance(Duration.ofSeconds(29));
    assertThat(signIn("throttled-ana", "right-password")).isEqualTo("refused");
    clock.advance(Duration.ofSeconds(2));
    assertThat(signIn("throttled-ana", "right-password")).isEqualTo("signed in");
  }

  @Test
  void the_lock_doubles_with_each_further_failure_and_a_success_resets_it() {
    user("throttled-li", "right-password");
    for (int i = 0; i < 5; i++) {
      signIn("throttled-li", "wrong");
    }
    clock.advance(Duration.ofSeconds(31));
    assertThat(signIn("throttled-li", "wrong")).isEqualTo("refused");
    assertThat(throttle.secondsLocked("throttled-li", "10.9.9.9")).isBetween(59L, 61L);
    clock.advance(Duration.ofSeconds(45));
    assertThat(signIn("throttled-li", "right-password")).isEqualTo("refused");
    clock.advance(Duration.ofSeconds(16));
    assertThat(signIn("throttled-li", "right-password")).isEqualTo("signed in");

    assertThat(signIn("throttled-li", "wrong")).isEqualTo("refused");
    assertThat(throttle.secondsLocked("throttled-li", "10.9.9.9")).isZero();
    assertThat(signIn("throttled-li", "right-password")).isEqualTo("signed in");
  }

  @Test
  void five_failures_from_one_address_lock_that_address_for_every_user() {
    user("throttled-omar", "right-password");
    for (int i = 0; i < 5; i++) {
      assertThat(signIn("no-such-user-" + i, "guess")).isEqualTo("refused");
    }
    assertThat(signIn("throttled-omar", "right-password")).isEqualTo("refused");
    assertThat(throttle.secondsLocked("throttled-omar", "10.9.9.9")).isZero();
    clock.advance(Duration.ofSeconds(31));
    assertThat(signIn("throttled-omar", "right-password")).isEqualTo("signed in");
  }

  private void user(String name, String password) {
    users.createUser(new UserAccount(null, name, name, Role.LEADER, null, null, true), password);
  }

  /** Loads the login page for a session and CSRF token, then posts the form as the browser does. */
  private String signIn(String username, String password) {
    try {
      HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
      String page =
          http.send(
                  HttpRequest.newBuilder(url("/login")).GET().build(),
                  HttpResponse.BodyHandlers.ofString())
              .body();
      Matcher csrf = CSRF.matcher(page);
      assertThat(csrf.find()).as("CSRF token on the login page").isTrue();
      String form =
          "username="
              + encode(username)
              + "&password="
              + encode(password)
              + "&_csrf="
              + encode(csrf.group(1));
      HttpResponse<String> response =
          http.send(
              HttpRequest.newBuilder(url("/login"))
                  .header("Content-Type", "application/x-www-form-urlencoded")
                  .POST(HttpRequest.BodyPublishers.ofString(form))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(response.statusCode()).isEqualTo(302);
      String location = response.headers().firstValue("Location").orElse("");
      return location.contains("/login") ? "refused" : "signed in";
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private URI url(String path) {
    return URI.create("http://" + ADDRESS + ":" + port + path);
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}

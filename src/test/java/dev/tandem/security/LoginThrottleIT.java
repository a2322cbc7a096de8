package dev.tandem.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;

/**
 * Sign-ins through the real login form (POST /login, as Vaadin's LoginForm posts it): the throttle,
 * CSRF protection of the form, the audit trail of sign-ins, sign-outs and lockouts, and what a
 * refused sign-in writes to the log.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(LoginThrottleIT.Clocks.class)
@ExtendWith(OutputCaptureExtension.class)
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
  @Autowired AuditService audit;

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

  @Test
  void a_cross_site_form_post_to_login_without_the_csrf_token_does_not_sign_in() throws Exception {
    user("csrf-target", "right-password");
    HttpClient victim = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
    // The victim's browser has a session with Tandem (it loaded a page before)...
    victim.send(HttpRequest.newBuilder(url("/login")).GET().build(), BodyHandlers.ofString());
    // ...and another site's page posts the login form to Tandem: no _csrf field.
    HttpResponse<String> forged =
        victim.send(
            HttpRequest.newBuilder(url("/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Origin", "https://evil.example")
                .POST(BodyPublishers.ofString("username=csrf-target&password=right-password"))
                .build(),
            BodyHandlers.ofString());
    assertThat(forged.statusCode()).isEqualTo(403);
    // Still signed out: the next page asks for the login.
    HttpResponse<String> next =
        victim.send(HttpRequest.newBuilder(url("/my-team")).GET().build(), BodyHandlers.ofString());
    assertThat(next.statusCode()).isEqualTo(302);
    assertThat(next.headers().firstValue("Location").orElse("")).endsWith("/login");
    assertThat(auditOf("csrf-target")).isEmpty();
    // A wrong token is refused the same way; the form's own token signs in.
    assertThat(post(victim, "csrf-target", "right-password", "not-the-token").statusCode())
        .isEqualTo(403);
    assertThat(signIn("csrf-target", "right-password")).isEqualTo("signed in");
  }

  @Test
  void sign_ins_failures_sign_outs_and_lockouts_are_written_to_the_audit_log() throws Exception {
    user("audited-eve", "right-password");
    HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
    assertThat(location(post(browser, "audited-eve", "wrong", token(browser)))).contains("/login");
    assertThat(location(post(browser, "audited-eve", "right-password", token(browser))))
        .doesNotContain("/login");
    // Sign out as the app's logout does (POST /logout with the page's token).
    String page =
        browser
            .send(HttpRequest.newBuilder(url("/")).GET().build(), BodyHandlers.ofString())
            .body();
    Matcher csrf = CSRF.matcher(page);
    assertThat(csrf.find()).isTrue();
    HttpResponse<String> out =
        browser.send(
            HttpRequest.newBuilder(url("/logout"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(BodyPublishers.ofString("_csrf=" + encode(csrf.group(1))))
                .build(),
            BodyHandlers.ofString());
    assertThat(out.statusCode()).isEqualTo(302);

    List<AuditEntry> entries = auditOf("audited-eve");
    assertThat(entries)
        .extracting(AuditEntry::action)
        .containsExactly("sign-out", "sign-in", "sign-in-failed");
    assertThat(entries).allSatisfy(e -> assertThat(e.entity()).isEqualTo("sign-in"));
    assertThat(entries.get(2).after()).contains("BadCredentialsException", ADDRESS);
    assertThat(entries.get(1).after()).contains(ADDRESS);

    for (int i = 0; i < 5; i++) {
      signIn("audited-eve", "wrong-" + i);
    }
    List<AuditEntry> afterLock = auditOf("audited-eve");
    assertThat(afterLock).extracting(AuditEntry::action).contains("sign-in-locked");
    AuditEntry lock =
        afterLock.stream().filter(e -> e.action().equals("sign-in-locked")).findFirst().get();
    assertThat(lock.entityId()).isEqualTo("user:audited-eve");
    assertThat(lock.after()).contains("\"failures\":5");
    // A refused attempt during the lock is one log line, not an audit row each.
    int rows = afterLock.size();
    signIn("audited-eve", "right-password");
    assertThat(auditOf("audited-eve")).hasSize(rows);
  }

  @Test
  void a_sign_in_refused_by_the_lock_logs_one_warn_line_and_no_stack_trace(CapturedOutput output) {
    user("quiet-kim", "right-password");
    for (int i = 0; i < 5; i++) {
      signIn("quiet-kim", "wrong-" + i);
    }
    int before = output.getOut().length();
    assertThat(signIn("quiet-kim", "right-password")).isEqualTo("refused");
    String logged = output.getOut().substring(before);
    List<String> lines = logged.lines().filter(l -> !l.isBlank()).toList();
    assertThat(lines).hasSize(1);
    assertThat(lines.get(0))
        .contains("WARN", "Sign-in refused while locked", "quiet-kim")
        .doesNotContain("ERROR");
    assertThat(logged).doesNotContain("InternalAuthenticationServiceException", "\tat ");
  }

  @Test
  void a_huge_user_name_is_neither_logged_nor_audited_whole(CapturedOutput output) {
    String huge = "u".repeat(200_000);
    int before = output.getOut().length();
    for (int i = 0; i < 6; i++) {
      assertThat(signIn(huge, "guess")).isEqualTo("refused");
    }
    String logged = output.getOut().substring(before);
    assertThat(logged.length()).isLessThan(5_000);
    assertThat(logged).doesNotContain("u".repeat(1_000));
    assertThat(auditOf("uuuuu"))
        .isNotEmpty()
        .allSatisfy(e -> assertThat(e.actor().length()).isLessThanOrEqualTo(100));
  }

  private List<AuditEntry> auditOf(String actor) {
    return AsAdmin.call(
        () -> audit.search(new AuditFilter(actor, "sign-in", null, null, null), 0, 100));
  }

  private String token(HttpClient http) throws Exception {
    String page =
        http.send(HttpRequest.newBuilder(url("/login")).GET().build(), BodyHandlers.ofString())
            .body();
    Matcher csrf = CSRF.matcher(page);
    assertThat(csrf.find()).as("CSRF token on the login page").isTrue();
    return csrf.group(1);
  }

  private HttpResponse<String> post(HttpClient http, String user, String password, String token)
      throws Exception {
    String form =
        "username=" + encode(user) + "&password=" + encode(password) + "&_csrf=" + encode(token);
    return http.send(
        HttpRequest.newBuilder(url("/login"))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(BodyPublishers.ofString(form))
            .build(),
        BodyHandlers.ofString());
  }

  private static String location(HttpResponse<String> response) {
    assertThat(response.statusCode()).isEqualTo(302);
    return response.headers().firstValue("Location").orElse("");
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

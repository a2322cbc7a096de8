package dev.tandem.alerts;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static dev.tandem.db.Tables.ALERT_CHANNEL;
import static dev.tandem.db.Tables.ALERT_DELIVERY;
import static dev.tandem.db.Tables.ALERT_FIRED;
import static dev.tandem.db.Tables.ALERT_RULE;
import static dev.tandem.db.Tables.ALERT_SUBSCRIPTION;
import static dev.tandem.db.Tables.ALERT_SUBSCRIPTION_MUTED;
import static dev.tandem.db.Tables.APP_USER;
import static dev.tandem.db.Tables.AUDIT_LOG;
import static dev.tandem.db.Tables.DEVELOPER;
import static dev.tandem.db.Tables.IMPORT_BATCH;
import static dev.tandem.db.Tables.INCIDENT;
import static dev.tandem.db.Tables.TEAM;
import static dev.tandem.db.Tables.USAGE_WEEK;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import dev.tandem.alerts.ui.AlertsView;
import dev.tandem.base.AiInvolvement;
import dev.tandem.base.IsoWeek;
import dev.tandem.base.Scope;
import dev.tandem.base.Severity;
import dev.tandem.base.ValidationException;
import dev.tandem.rollup.RollupFixture;
import dev.tandem.security.AsAdmin;
import dev.tandem.security.Role;
import dev.tandem.ui.KaribuSupport;
import jakarta.mail.Message.RecipientType;
import jakarta.mail.internet.MimeMessage;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Alerts and the digest end to end: a real SMTP server (GreenMail) and a real HTTP receiver
 * (WireMock). "Now" is Wednesday 18 March 2026 12:00 UTC (2026-W12); the last complete week is
 * 2026-W11.
 *
 * <p>The organisation, worked by hand (k = 5, goal 80%): ALPHA 8 developers, 2 use AI in W10 and
 * W11 (25%); BETA 6 developers, all use AI in W10 and W11 (100%); TINY 3 developers, 1 uses AI in
 * W11 (33.3%). Before W10 nobody used AI, so ALPHA and TINY have been below goal all 12 weeks of
 * the trend. The organisation in W11: 2 + 6 + 1 = 9 of 17 (52.9%); in W10 8 of 17 (47.1%): +5.9
 * points. For a leader TINY is a small group (3 < 5) and, as the one hidden sibling, it hides the
 * next smallest sibling BETA too (6 < 8); its manager sees it. ALPHA's two Copilot incidents in
 * W11, neither peer reviewed, against none without AI: Copilot's adjusted verdict is "higher" (the
 * only tool compared), and 2 of 2 AI-involved incidents (100%) lacked peer review (threshold 30%).
 */
@SpringBootTest
class AlertsIT {

  static final Instant NOW = Instant.parse("2026-03-18T12:00:00Z");
  static final String SECRET = "a-secret-of-24-characters";

  static final GreenMail MAIL = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
  static final WireMockServer HOOKS = new WireMockServer(options().dynamicPort());

  static {
    MAIL.start();
    HOOKS.start();
  }

  @DynamicPropertySource
  static void channels(DynamicPropertyRegistry registry) {
    registry.add("spring.mail.host", () -> "localhost");
    registry.add("spring.mail.port", () -> MAIL.getSmtp().getPort());
    registry.add("tandem.alerts.retry-attempts", () -> "3");
    registry.add("tandem.alerts.retry-delay", () -> "5ms");
    registry.add("tandem.alerts.base-url", () -> "https://tandem.example/");
    registry.add("tandem.secret-key", () -> "alerts-test-key");
  }

  @TestConfiguration
  static class FixedClock {
    @Bean
    @Primary
    Clock fixedClock() {
      return Clock.fixed(NOW, ZoneOffset.UTC);
    }
  }

  @AfterAll
  static void stop() {
    MAIL.stop();
    HOOKS.stop();
  }

  @Autowired AlertService alerts;
  @Autowired AlertChannelService channelAdmin;
  @Autowired AlertSubscriptionService subscriptions;
  @Autowired DSLContext db;
  @Autowired ApplicationContext context;
  @Autowired AlertSchedule schedule;

  @BeforeEach
  void organisation() throws Exception {
    db.deleteFrom(ALERT_DELIVERY).execute();
    db.deleteFrom(ALERT_CHANNEL).execute();
    db.deleteFrom(ALERT_FIRED).execute();
    db.deleteFrom(AUDIT_LOG).execute();
    db.update(ALERT_RULE).set(ALERT_RULE.ENABLED, true).execute();
    MAIL.purgeEmailFromAllMailboxes();
    HOOKS.resetAll();
    db.deleteFrom(ALERT_SUBSCRIPTION_MUTED).execute();
    db.deleteFrom(ALERT_SUBSCRIPTION).execute();
    if (db.fetchCount(TEAM) == 0) {
      build();
    }
    long member =
        db.select(APP_USER.ID)
            .from(APP_USER)
            .where(APP_USER.USERNAME.eq("mem@example.com"))
            .fetchOne(APP_USER.ID);
    db.insertInto(ALERT_SUBSCRIPTION)
        .set(ALERT_SUBSCRIPTION.USER_ID, member)
        .set(ALERT_SUBSCRIPTION.TEAM_KEY, "alpha")
        .set(ALERT_SUBSCRIPTION.ALERTS, true)
        .set(ALERT_SUBSCRIPTION.DIGEST, true)
        .execute();
  }

  private void build() {
    long alpha = team("alpha", 8, 2, 2);
    team("beta", 6, 6, 6);
    long tiny = team("tiny", 3, 0, 1);
    RollupFixture.refresh(db);
    user("root@example.com", "ADMIN", null);
    user("lead@example.com", "LEADER", null);
    user("boss@example.com", "MANAGER", tiny);
    user("mem@example.com", "MEMBER", alpha);
    // Two AI-assisted incidents of ALPHA in W11, neither peer reviewed: 2 of 2 (100%) > 30%.
    for (int i = 1; i <= 2; i++) {
      db.insertInto(INCIDENT)
          .set(INCIDENT.EXTERNAL_ID, "inc-" + i)
          .set(INCIDENT.SOURCE, "test")
          .set(INCIDENT.TITLE, "incident " + i)
          .set(INCIDENT.SEVERITY, Severity.SEV3)
          .set(INCIDENT.STARTED_AT, OffsetDateTime.parse("2026-03-10T10:00:00Z"))
          .set(INCIDENT.TEAM_ID, alpha)
          .set(INCIDENT.AI_INVOLVEMENT, AiInvolvement.ASSISTED)
          .set(INCIDENT.TOOL_KEY, "copilot")
          .set(INCIDENT.PEER_REVIEWED, false)
          .set(INCIDENT.UPDATED_AT, OffsetDateTime.now())
          .execute();
    }
    // Usage imported 20 days ago (stale after 8 days) and a refused import yesterday.
    batch("tandem-usage-csv", "applied", NOW.minusSeconds(20 * 86400));
    batch("tandem-changes-csv", "refused", NOW.minusSeconds(86400));
  }

  @Test
  void an_alert_reaches_each_role_with_what_their_screens_show_and_small_groups_stay_hidden()
      throws Exception {
    int fired = AsAdmin.call(alerts::evaluateNow);

    // ALPHA and TINY below goal, Copilot turned higher and unreviewed AI incidents for the
    // organisation and for ALPHA (the member's subscribed scope), one stale source, one refused
    // import.
    assertThat(fired).isEqualTo(8);
    assertThat(subjects("lead@example.com"))
        .containsExactlyInAnyOrder(
            "[Tandem] ALPHA: adoption below goal for 3 weeks in a row",
            "[Tandem] GitHub Copilot: incidents more common than without AI",
            "[Tandem] AI-involved incidents without peer review above 30%");
    assertThat(body("lead@example.com", "Copilot"))
        .contains("GitHub Copilot: 2 incidents against none in the baseline")
        .contains("https://tandem.example/reliability?from=2025-W52&to=2026-W11");
    assertThat(body("lead@example.com", "ALPHA"))
        .contains("25.0% (2 of 8 developers), goal 80%")
        .contains("Below goal 12 complete weeks in a row")
        .contains("https://tandem.example/adoption?team=alpha&from=2025-W52&to=2026-W11");
    assertThat(body("lead@example.com", "peer review")).contains("2 of 2 (100%)");
    assertThat(subjects("boss@example.com"))
        .containsExactly("[Tandem] TINY: adoption below goal for 3 weeks in a row");
    assertThat(body("boss@example.com", "TINY")).contains("33.3% (1 of 3 developers)");
    // ALPHA's own safeguard gap reaches its member; ALPHA's Copilot verdict does not: 2 Copilot
    // users are fewer than k = 5, so the member's Reliability screen hides that tool too.
    assertThat(subjects("mem@example.com"))
        .containsExactlyInAnyOrder(
            "[Tandem] ALPHA: adoption below goal for 3 weeks in a row",
            "[Tandem] AI-involved incidents without peer review above 30% in ALPHA");
    assertThat(body("mem@example.com", "peer review"))
        .contains("2 of 2 (100%) AI-involved incidents of ALPHA")
        .contains("https://tandem.example/reliability?team=alpha&from=2025-W52&to=2026-W11");
    assertThat(subjects("root@example.com"))
        .containsExactlyInAnyOrder(
            "[Tandem] ALPHA: adoption below goal for 3 weeks in a row",
            "[Tandem] TINY: adoption below goal for 3 weeks in a row",
            "[Tandem] GitHub Copilot: incidents more common than without AI",
            "[Tandem] AI-involved incidents without peer review above 30%",
            "[Tandem] An import source stale",
            "[Tandem] An import refused");
    assertThat(body("root@example.com", "stale"))
        .contains("No import of tandem-usage-csv since 2026-02-26 (8 days allowed)");
  }

  @Test
  void a_condition_holding_for_three_evaluations_sends_one_alert() throws Exception {
    List<Integer> fired =
        List.of(
            AsAdmin.call(alerts::evaluateNow),
            AsAdmin.call(alerts::evaluateNow),
            AsAdmin.call(alerts::evaluateNow));

    assertThat(fired).containsExactly(8, 0, 0);
    assertThat(subjects("lead@example.com")).filteredOn(s -> s.contains("ALPHA")).hasSize(1);
    assertThat(
            db.fetchCount(
                AUDIT_LOG,
                AUDIT_LOG
                    .ENTITY
                    .eq("alert")
                    .and(AUDIT_LOG.ENTITY_ID.eq("adoption-below-goal:alpha"))))
        .isEqualTo(1);
  }

  @Test
  void a_webhook_is_signed_and_a_failing_one_is_retried_then_shown_failing() throws Exception {
    HOOKS.stubFor(post(urlEqualTo("/hook")).willReturn(aResponse().withStatus(204)));
    HOOKS.stubFor(post(urlEqualTo("/slack")).willReturn(aResponse().withStatus(200)));
    HOOKS.stubFor(post(urlEqualTo("/broken")).willReturn(aResponse().withStatus(500)));
    AsAdmin.call(
        () -> {
          channelAdmin.addWebhook("hook", "webhook", HOOKS.baseUrl() + "/hook", SECRET);
          channelAdmin.addWebhook("chat", "slack", HOOKS.baseUrl() + "/slack", null);
          return channelAdmin.addWebhook("broken", "webhook", HOOKS.baseUrl() + "/broken", SECRET);
        });

    AsAdmin.call(alerts::evaluateNow);

    // A channel reads as a leader: ALPHA (not TINY), Copilot, unreviewed incidents, and both
    // import alerts.
    List<LoggedRequest> hook = HOOKS.findAll(postRequestedFor(urlEqualTo("/hook")));
    assertThat(hook).hasSize(5);
    for (LoggedRequest r : hook) {
      assertThat(r.getHeader(WebhookChannel.SIGNATURE))
          .isEqualTo("sha256=" + WebhookChannel.hmac(SECRET, r.getBody()));
      assertThat(r.getHeader(WebhookChannel.SIGNATURE))
          .isNotEqualTo("sha256=" + WebhookChannel.hmac("another-secret-entirely", r.getBody()));
    }
    assertThat(hook.stream().map(LoggedRequest::getBodyAsString))
        .anySatisfy(b -> assertThat(b).contains("\"title\":\"[Tandem] ALPHA: adoption below goal"))
        .noneSatisfy(b -> assertThat(b).contains("TINY"));
    assertThat(HOOKS.findAll(postRequestedFor(urlEqualTo("/slack"))))
        .allSatisfy(r -> assertThat(r.getBodyAsString()).startsWith("{\"text\":\"*[Tandem]"));
    // 5 messages × 3 attempts each, then logged as failed and the channel shown failing.
    assertThat(HOOKS.findAll(postRequestedFor(urlEqualTo("/broken")))).hasSize(15);
    List<Delivery> broken =
        AsAdmin.call(() -> alerts.deliveries(100)).stream()
            .filter(d -> d.channel().equals("webhook:broken"))
            .toList();
    assertThat(broken).hasSize(5).allSatisfy(d -> assertThat(d.attempts()).isEqualTo(3));
    assertThat(broken.get(0).error()).contains("HTTP 500");
    List<ChannelStatus> statuses = AsAdmin.call(channelAdmin::channelStatuses);
    assertThat(statuses)
        .filteredOn(ChannelStatus::failing)
        .extracting(ChannelStatus::channel)
        .containsExactly("webhook:broken");
  }

  @Test
  void a_manager_subscribed_to_a_team_gets_its_tool_verdict_and_a_muted_rule_reaches_nobody()
      throws Exception {
    long manager = user("alphaboss@example.com", "MANAGER", teamId("alpha"));
    try {
      RunAs.call(
          "mem@example.com",
          Role.MEMBER,
          () ->
              subscriptions.subscribeMe(
                  "mem@example.com",
                  Scope.team("alpha"),
                  true,
                  true,
                  Set.of(AlertRule.UNREVIEWED_AI_INCIDENTS)));

      assertThat(AsAdmin.call(alerts::evaluateNow)).isEqualTo(8);

      // ALPHA's manager may see its developers, so ALPHA's Copilot comparison (2 incidents over 4
      // Copilot developer-weeks against none over 92 without AI) is shown to them, as on their
      // Reliability screen; the organisation's verdict goes to organisation subscribers only.
      assertThat(subjects("alphaboss@example.com"))
          .containsExactlyInAnyOrder(
              "[Tandem] ALPHA: adoption below goal for 3 weeks in a row",
              "[Tandem] GitHub Copilot: incidents more common than without AI in ALPHA",
              "[Tandem] AI-involved incidents without peer review above 30% in ALPHA");
      assertThat(body("alphaboss@example.com", "Copilot"))
          .contains("GitHub Copilot: 2 incidents against none in the baseline")
          .contains("(2025-W52 to 2026-W11, ALPHA; the verdict turned higher this week)")
          .contains("https://tandem.example/reliability?team=alpha&from=2025-W52&to=2026-W11");
      // The member switched the peer-review rule off: only the adoption alert is left.
      assertThat(subjects("mem@example.com"))
          .containsExactly("[Tandem] ALPHA: adoption below goal for 3 weeks in a row");
      assertThat(RunAs.call("mem@example.com", Role.MEMBER, subscriptions::mySubscription))
          .get()
          .satisfies(s -> assertThat(s.muted()).containsExactly(AlertRule.UNREVIEWED_AI_INCIDENTS));
    } finally {
      db.deleteFrom(APP_USER).where(APP_USER.ID.eq(manager)).execute();
    }
  }

  @Test
  void webhook_secrets_are_stored_sealed_and_a_plain_one_from_before_still_signs_then_is_sealed()
      throws Exception {
    HOOKS.stubFor(post(urlEqualTo("/hook")).willReturn(aResponse().withStatus(204)));
    HOOKS.stubFor(post(urlEqualTo("/legacy")).willReturn(aResponse().withStatus(204)));
    AsAdmin.call(
        () -> channelAdmin.addWebhook("hook", "webhook", HOOKS.baseUrl() + "/hook", SECRET));
    // A channel stored before V37: its secret in plain text.
    db.insertInto(ALERT_CHANNEL)
        .set(ALERT_CHANNEL.NAME, "legacy")
        .set(ALERT_CHANNEL.KIND, "webhook")
        .set(ALERT_CHANNEL.URL, HOOKS.baseUrl() + "/legacy")
        .set(ALERT_CHANNEL.SECRET, SECRET)
        .set(ALERT_CHANNEL.DIGEST, true)
        .execute();

    var hook = db.selectFrom(ALERT_CHANNEL).where(ALERT_CHANNEL.NAME.eq("hook")).fetchOne();
    assertThat(hook.getSecret()).isNull();
    assertThat(hook.getSecretCipher()).isNotBlank().doesNotContain(SECRET);
    assertThat(AsAdmin.call(channelAdmin::channelStatuses))
        .filteredOn(c -> c.channel().equals("webhook:legacy"))
        .singleElement()
        .satisfies(c -> assertThat(c.description()).contains("secret stored unencrypted"));

    // A channel sealed under another key (TANDEM_SECRET_KEY changed): it fails, visibly, alone.
    db.insertInto(ALERT_CHANNEL)
        .set(ALERT_CHANNEL.NAME, "rekeyed")
        .set(ALERT_CHANNEL.KIND, "webhook")
        .set(ALERT_CHANNEL.URL, HOOKS.baseUrl() + "/rekeyed")
        .set(ALERT_CHANNEL.SECRET_CIPHER, "deadbeef".repeat(12))
        .set(ALERT_CHANNEL.SECRET_SALT, "0123456789abcdef")
        .execute();

    AsAdmin.call(alerts::evaluateNow);
    assertThat(HOOKS.findAll(postRequestedFor(urlEqualTo("/rekeyed")))).isEmpty();
    assertThat(AsAdmin.call(channelAdmin::channelStatuses))
        .filteredOn(c -> c.channel().equals("webhook:rekeyed"))
        .singleElement()
        .satisfies(
            c -> {
              assertThat(c.failing()).isTrue();
              assertThat(c.lastError()).contains("signing secret cannot be read");
            });
    assertThat(HOOKS.findAll(postRequestedFor(urlEqualTo("/hook")))).hasSize(5);
    assertThat(HOOKS.findAll(postRequestedFor(urlEqualTo("/legacy"))))
        .hasSize(5)
        .allSatisfy(
            r ->
                assertThat(r.getHeader(WebhookChannel.SIGNATURE))
                    .isEqualTo("sha256=" + WebhookChannel.hmac(SECRET, r.getBody())));

    assertThat(channelAdmin.sealPlainSecrets()).isEqualTo(1);
    var legacy = db.selectFrom(ALERT_CHANNEL).where(ALERT_CHANNEL.NAME.eq("legacy")).fetchOne();
    assertThat(legacy.getSecret()).isNull();
    assertThat(legacy.getSecretCipher()).isNotBlank().doesNotContain(SECRET);
    HOOKS.resetRequests();
    AsAdmin.call(alerts::sendDigestNow);
    assertThat(HOOKS.findAll(postRequestedFor(urlEqualTo("/legacy"))))
        .singleElement()
        .satisfies(
            r ->
                assertThat(r.getHeader(WebhookChannel.SIGNATURE))
                    .isEqualTo("sha256=" + WebhookChannel.hmac(SECRET, r.getBody())));
    // Never shown back: not in the statuses, not in the audit log.
    assertThat(AsAdmin.call(channelAdmin::channelStatuses))
        .allSatisfy(c -> assertThat(c.description()).doesNotContain(SECRET));
    assertThat(db.select(AUDIT_LOG.AFTER_VALUE).from(AUDIT_LOG).fetch(AUDIT_LOG.AFTER_VALUE))
        .allSatisfy(a -> assertThat(String.valueOf(a)).doesNotContain(SECRET));
  }

  @Test
  void the_digest_goes_to_webhooks_as_signed_json_and_as_slack_text_once_a_week() throws Exception {
    HOOKS.stubFor(post(urlEqualTo("/hook")).willReturn(aResponse().withStatus(204)));
    HOOKS.stubFor(post(urlEqualTo("/slack")).willReturn(aResponse().withStatus(200)));
    AsAdmin.call(
        () -> {
          channelAdmin.addWebhook(
              "hook", "webhook", HOOKS.baseUrl() + "/hook", SECRET, false, true);
          return channelAdmin.addWebhook(
              "chat", "slack", HOOKS.baseUrl() + "/slack", null, false, true);
        });

    // 4 people and 2 channels; the second call finds every digest of the week sent.
    assertThat(AsAdmin.call(alerts::sendDigestNow)).isEqualTo(6);
    assertThat(AsAdmin.call(alerts::sendDigestNow)).isZero();
    AsAdmin.call(alerts::evaluateNow);

    // The channels asked for the digest only: no alert reached them.
    LoggedRequest hook =
        assertThat(HOOKS.findAll(postRequestedFor(urlEqualTo("/hook")))).singleElement().actual();
    assertThat(hook.getHeader(WebhookChannel.SIGNATURE))
        .isEqualTo("sha256=" + WebhookChannel.hmac(SECRET, hook.getBody()));
    var json = new com.fasterxml.jackson.databind.ObjectMapper().readTree(hook.getBody());
    assertThat(json.get("type").asText()).isEqualTo("digest");
    assertThat(json.get("week").asText()).isEqualTo("2026-W12");
    assertThat(json.get("title").asText())
        .isEqualTo("[Tandem] Weekly digest 2026-W11 — the organisation");
    // Read as a leader of the organisation: TINY (3 developers) and BETA, hidden beside it, are
    // not named.
    assertThat(json.get("text").asText())
        .contains("Adoption 52.9% (9 of 17 developers), goal 80%, +5.9 points on the week before.")
        .contains("Teams below goal: ALPHA 25.0% (2 of 8).")
        .doesNotContain("TINY")
        .doesNotContain("BETA");
    assertThat(HOOKS.findAll(postRequestedFor(urlEqualTo("/slack"))))
        .singleElement()
        .satisfies(
            r ->
                assertThat(r.getBodyAsString())
                    .startsWith("{\"text\":\"*[Tandem] Weekly digest 2026-W11 — the organisation*")
                    .contains("Adoption 52.9% (9 of 17 developers)"));
  }

  @Test
  void the_weekly_digest_shows_each_role_their_scope_once_a_week() throws Exception {
    int sent = AsAdmin.call(alerts::sendDigestNow);
    int again = AsAdmin.call(alerts::sendDigestNow);

    // root, lead, boss by their role's default; mem by choice.
    assertThat(sent).isEqualTo(4);
    assertThat(again).isZero();
    String lead = body("lead@example.com", "digest");
    assertThat(lead)
        .contains("Tandem weekly digest for the organisation, week 2026-W11")
        .contains("Adoption 52.9% (9 of 17 developers), goal 80%, +5.9 points on the week before.")
        .contains("Teams below goal: ALPHA 25.0% (2 of 8).")
        .contains("2 teams have fewer than 5 developers to show.")
        .contains("https://tandem.example/reliability?from=2025-W52&to=2026-W11")
        .doesNotContain("TINY")
        .doesNotContain("BETA");
    assertThat(body("boss@example.com", "digest"))
        .contains("Adoption 33.3% (1 of 3 developers)")
        .contains("Teams below goal: TINY 33.3% (1 of 3).")
        .contains("https://tandem.example/adoption?team=tiny&from=2025-W52&to=2026-W11");
    assertThat(body("mem@example.com", "digest"))
        .contains("Adoption 25.0% (2 of 8 developers)")
        .doesNotContain("TINY");
    assertThat(body("root@example.com", "digest"))
        .contains("Teams below goal: ALPHA 25.0% (2 of 8), TINY 33.3% (1 of 3).")
        .doesNotContain("fewer than 5");
  }

  @Test
  void the_schedule_evaluates_the_rules_and_sends_the_digest_once_its_moment_has_passed()
      throws Exception {
    schedule.tick();
    schedule.tick();

    // Wednesday 12:00 is past Monday 07:00: each of the 4 subscribers gets one digest, and the
    // 8 conditions fire once.
    assertThat(subjects("lead@example.com"))
        .filteredOn(s -> s.contains("Weekly digest"))
        .containsExactly("[Tandem] Weekly digest 2026-W11 — the organisation");
    assertThat(
            Arrays.stream(MAIL.getReceivedMessages())
                .filter(m -> subjectOf(m).contains("Weekly digest")))
        .hasSize(4);
    assertThat(db.fetchCount(ALERT_FIRED, ALERT_FIRED.RULE_KEY.ne("digest"))).isEqualTo(8);
  }

  @Test
  void a_member_chooses_the_organisation_and_gets_its_digest_with_only_the_teams_they_may_see()
      throws Exception {
    assertThatThrownBy(
            () ->
                RunAs.call(
                    "mem@example.com",
                    Role.MEMBER,
                    () ->
                        subscriptions.subscribeMe(
                            "mem@example.com", Scope.team("beta"), true, true)))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("own team");
    RunAs.call(
        "mem@example.com",
        Role.MEMBER,
        () ->
            subscriptions.subscribeMe("Mem.Private@Example.com", Scope.ORGANISATION, false, true));

    AsAdmin.call(alerts::sendDigestNow);
    AsAdmin.call(alerts::evaluateNow);

    assertThat(subjects("mem@example.com")).isEmpty();
    assertThat(subjects("mem.private@example.com"))
        .containsExactly("[Tandem] Weekly digest 2026-W11 — the organisation");
    assertThat(body("mem.private@example.com", "digest"))
        .contains("Adoption 52.9% (9 of 17 developers)")
        // The team table of a member lists only their own team's scope, as on their screen.
        .contains("Teams below goal: ALPHA 25.0% (2 of 8).")
        .doesNotContain("TINY")
        .doesNotContain("BETA");
  }

  @Test
  void admins_switch_rules_off_and_see_a_failing_channel_on_the_alerts_screen() throws Exception {
    HOOKS.stubFor(post(urlEqualTo("/broken")).willReturn(aResponse().withStatus(503)));
    KaribuSupport.setUp(context);
    try {
      KaribuSupport.signIn("alerts-admin", "ADMIN");
      UI.getCurrent().navigate(AlertsView.class);
      @SuppressWarnings("unchecked")
      Grid<RuleSetting> rules = _get(Grid.class, spec -> spec.withId("alerts-rules"));
      Checkbox refusedOn =
          (Checkbox)
              GridKt._getCellComponent(
                  rules,
                  GridKt._findAll(rules).stream()
                      .map(RuleSetting::rule)
                      .toList()
                      .indexOf(AlertRule.IMPORT_REFUSED),
                  "on");
      refusedOn.setValue(false);
      _get(TextField.class, spec -> spec.withLabel("Name")).setValue("broken");
      _get(TextField.class, spec -> spec.withLabel("URL")).setValue(HOOKS.baseUrl() + "/broken");
      _get(PasswordField.class, spec -> spec.withLabel("Signing secret")).setValue(SECRET);
      _click(_get(Button.class, spec -> spec.withText("Add webhook")));
      _click(_get(Button.class, spec -> spec.withId("alerts-evaluate")));

      assertThat(GridKt._findAll(rules))
          .filteredOn(r -> r.rule() == AlertRule.IMPORT_REFUSED)
          .singleElement()
          .satisfies(r -> assertThat(r.enabled()).isFalse());
      @SuppressWarnings("unchecked")
      Grid<ChannelStatus> channels = _get(Grid.class, spec -> spec.withId("alerts-channels"));
      assertThat(GridKt._findAll(channels))
          .filteredOn(c -> c.channel().equals("webhook:broken"))
          .singleElement()
          .satisfies(c -> assertThat(c.lastError()).isEqualTo("IllegalStateException: HTTP 503"));
      int brokenRow =
          GridKt._findAll(channels).stream()
              .map(ChannelStatus::channel)
              .toList()
              .indexOf("webhook:broken");
      assertThat(((Span) GridKt._getCellComponent(channels, brokenRow, "status")).getText())
          .isEqualTo("failing: IllegalStateException: HTTP 503");
      // The refused import's rule is off: 7 conditions, not 8.
      assertThat(db.fetchCount(ALERT_FIRED)).isEqualTo(7);
    } finally {
      KaribuSupport.tearDown();
    }
  }

  // --- fixture ---

  private long team(String key, int developers, int aiUsersW10, int aiUsersW11) {
    long team =
        db.insertInto(TEAM)
            .set(TEAM.TEAM_KEY, key)
            .set(TEAM.NAME, key.toUpperCase())
            .returning(TEAM.ID)
            .fetchOne(TEAM.ID);
    for (int i = 0; i < developers; i++) {
      long dev =
          db.insertInto(DEVELOPER)
              .set(DEVELOPER.EMAIL, key + i + "@dev.example.com")
              .set(DEVELOPER.NAME, key + " " + i)
              .set(DEVELOPER.TEAM_ID, team)
              .set(DEVELOPER.STARTED_ON, LocalDate.of(2020, 1, 1))
              .set(DEVELOPER.EXCLUDED, false)
              .returning(DEVELOPER.ID)
              .fetchOne(DEVELOPER.ID);
      if (i < aiUsersW10) {
        usage(dev, "2026-W10");
      }
      if (i < aiUsersW11) {
        usage(dev, "2026-W11");
      }
    }
    return team;
  }

  private void usage(long developer, String week) {
    db.insertInto(USAGE_WEEK)
        .set(USAGE_WEEK.DEVELOPER_ID, developer)
        .set(USAGE_WEEK.TOOL_KEY, "copilot")
        .set(USAGE_WEEK.WEEK_START, IsoWeek.parse(week).monday())
        .set(USAGE_WEEK.SOURCE, "test")
        .set(USAGE_WEEK.ACTIVE_DAYS, (short) 2)
        .execute();
  }

  private long teamId(String key) {
    return db.select(TEAM.ID).from(TEAM).where(TEAM.TEAM_KEY.eq(key)).fetchOne(TEAM.ID);
  }

  private long user(String username, String role, Long team) {
    return db.insertInto(APP_USER)
        .set(APP_USER.USERNAME, username)
        .set(APP_USER.DISPLAY_NAME, username)
        .set(APP_USER.ROLE, role)
        .set(APP_USER.TEAM_ID, team)
        .set(APP_USER.CREATED_AT, OffsetDateTime.now())
        .returning(APP_USER.ID)
        .fetchOne(APP_USER.ID);
  }

  private void batch(String format, String outcome, Instant at) {
    db.insertInto(IMPORT_BATCH)
        .set(IMPORT_BATCH.FORMAT, format)
        .set(IMPORT_BATCH.FILE_NAME, format + ".csv")
        .set(IMPORT_BATCH.SHA256, "0".repeat(64))
        .set(IMPORT_BATCH.MODE, "all-or-nothing")
        .set(IMPORT_BATCH.CREATED_BY, "importer")
        .set(IMPORT_BATCH.CREATED_AT, OffsetDateTime.ofInstant(at, ZoneOffset.UTC))
        .set(IMPORT_BATCH.OUTCOME, outcome)
        .execute();
  }

  private static List<MimeMessage> mailTo(String address) throws Exception {
    return Arrays.stream(MAIL.getReceivedMessages())
        .filter(
            m -> {
              try {
                return m.getRecipients(RecipientType.TO)[0].toString().equals(address);
              } catch (jakarta.mail.MessagingException e) {
                throw new IllegalStateException(e);
              }
            })
        .toList();
  }

  private static String subjectOf(MimeMessage m) {
    try {
      return m.getSubject();
    } catch (jakarta.mail.MessagingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static List<String> subjects(String address) throws Exception {
    return mailTo(address).stream()
        .map(
            m -> {
              try {
                return m.getSubject();
              } catch (jakarta.mail.MessagingException e) {
                throw new IllegalStateException(e);
              }
            })
        .toList();
  }

  /** The body of the one message to {@code address} whose subject holds {@code subjectPart}. */
  private static String body(String address, String subjectPart) throws Exception {
    List<MimeMessage> found =
        mailTo(address).stream()
            .filter(
                m -> {
                  try {
                    return m.getSubject().contains(subjectPart);
                  } catch (jakarta.mail.MessagingException e) {
                    throw new IllegalStateException(e);
                  }
                })
            .toList();
    assertThat(found).as("mail to %s about %s", address, subjectPart).hasSize(1);
    return ((String) found.get(0).getContent()).replace("\r\n", "\n");
  }
}

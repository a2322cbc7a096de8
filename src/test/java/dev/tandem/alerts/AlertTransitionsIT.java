package dev.tandem.alerts;

import static dev.tandem.db.Tables.ALERT_FIRED;
import static dev.tandem.db.Tables.ALERT_RULE;
import static dev.tandem.db.Tables.APP_USER;
import static dev.tandem.db.Tables.DEVELOPER;
import static dev.tandem.db.Tables.INCIDENT;
import static dev.tandem.db.Tables.TEAM;
import static dev.tandem.db.Tables.USAGE_WEEK;
import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import dev.tandem.base.AiInvolvement;
import dev.tandem.base.IsoWeek;
import dev.tandem.base.Severity;
import dev.tandem.rollup.RollupFixture;
import dev.tandem.security.AsAdmin;
import dev.tandem.security.MutableClock;
import jakarta.mail.Message.RecipientType;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The two rules that fire when something turns, evaluated week after week with the clock moved on:
 * each fires in the week its condition starts to hold, not in the weeks it goes on holding.
 *
 * <p>The organisation: one team CORE of 10 developers (started 2020); a leader subscribed to the
 * organisation and CORE's manager subscribed to CORE (their role's defaults). Each test writes its
 * own usage and incidents and switches every other rule off.
 */
@SpringBootTest
class AlertTransitionsIT {

  static final GreenMail MAIL = new GreenMail(ServerSetupTest.SMTP.dynamicPort());

  static {
    MAIL.start();
  }

  static final MutableClock CLOCK = new MutableClock(Instant.parse("2026-03-04T12:00:00Z"));

  @DynamicPropertySource
  static void mail(DynamicPropertyRegistry registry) {
    registry.add("spring.mail.host", () -> "localhost");
    registry.add("spring.mail.port", () -> MAIL.getSmtp().getPort());
  }

  @TestConfiguration
  static class Clocks {
    @Bean
    @Primary
    java.time.Clock movableClock() {
      return CLOCK;
    }
  }

  @AfterAll
  static void stop() {
    MAIL.stop();
  }

  @Autowired AlertService alerts;
  @Autowired DSLContext db;

  private final List<Long> developers = new ArrayList<>();

  @BeforeEach
  void organisation() throws Exception {
    MAIL.purgeEmailFromAllMailboxes();
    db.deleteFrom(ALERT_FIRED).execute();
    db.deleteFrom(INCIDENT).execute();
    db.deleteFrom(USAGE_WEEK).execute();
    if (db.fetchCount(TEAM) == 0) {
      long core =
          db.insertInto(TEAM)
              .set(TEAM.TEAM_KEY, "core")
              .set(TEAM.NAME, "CORE")
              .returning(TEAM.ID)
              .fetchOne(TEAM.ID);
      for (int i = 0; i < 10; i++) {
        db.insertInto(DEVELOPER)
            .set(DEVELOPER.EMAIL, "core" + i + "@dev.example.com")
            .set(DEVELOPER.NAME, "core " + i)
            .set(DEVELOPER.TEAM_ID, core)
            .set(DEVELOPER.STARTED_ON, LocalDate.of(2020, 1, 1))
            .set(DEVELOPER.EXCLUDED, false)
            .execute();
      }
      user("lead@example.com", "LEADER", null);
      user("boss@example.com", "MANAGER", core);
    }
    developers.clear();
    developers.addAll(
        db.select(DEVELOPER.ID).from(DEVELOPER).orderBy(DEVELOPER.ID).fetch(DEVELOPER.ID));
  }

  /**
   * Adoption (AI users of 10) by week of 2026: W1–W7 5, W8 6, W9–W11 4. The forecast is the
   * least-squares line through 8 complete weeks (x = 0..7, Sxx = 42, slope = Sxy / 42 with Sxy = Σ
   * (x − 3.5)·y):
   *
   * <ul>
   *   <li>as of W8 (W1–W8: y = .5 ×7, .6): Sxy = .5·(−3.5) + .6·3.5 = +0.35 → on track;
   *   <li>as of W9 (W2–W9: .5 ×6, .6, .4): Sxy = .5·(−6) + .6·2.5 + .4·3.5 = −0.10 → not on track
   *       (fell 0.10 / 42 · 7 = 1.7 points over 8 weeks): it turns, the alert fires;
   *   <li>as of W10 (W3–W10: .5 ×5, .6, .4, .4): Sxy = .5·(−7.5) + .9 + 1.0 + 1.4 = −0.45 → not on
   *       track, and it was not the week before: nothing fires.
   * </ul>
   */
  @Test
  void the_organisations_forecast_alert_fires_in_the_week_it_turns_not_on_track() throws Exception {
    only(AlertRule.FORECAST_NOT_ON_TRACK, 0);
    int[] users = {0, 5, 5, 5, 5, 5, 5, 5, 6, 4, 4, 4};
    for (int w = 1; w <= 11; w++) {
      for (int i = 0; i < users[w]; i++) {
        usage(developers.get(i), IsoWeek.parse("2026-W" + String.format("%02d", w)));
      }
    }
    RollupFixture.refresh(db);

    // Wednesdays of W9, W10 and W11: the last complete weeks are W8, W9 and W10.
    List<Integer> fired = new ArrayList<>();
    for (String now : List.of("2026-02-25", "2026-03-04", "2026-03-11")) {
      at(now);
      fired.add(AsAdmin.call(alerts::evaluateNow));
    }

    assertThat(fired).containsExactly(0, 1, 0);
    assertThat(subjects("lead@example.com"))
        .containsExactly("[Tandem] The organisation's adoption forecast is no longer on track");
    assertThat(body("lead@example.com"))
        .contains("Forecast as of 2026-W09")
        .contains("Not on track: adoption fell 1.7 points over 8 weeks.")
        .contains("/adoption?from=2025-W50&to=2026-W09");
    // The rule is about the organisation's goal: the manager subscribed to CORE is not told.
    assertThat(subjects("boss@example.com")).isEmpty();
  }

  /**
   * Copilot, 4 weeks compared: developers 1–5 of CORE use it every week, the other 5 no AI (5
   * users, so the leader, who may not see individuals, is shown the tool: k = 5); six Copilot
   * incidents start on Tuesday of W10. Any 4-week window holding W10: Copilot 6 incidents over 5 ×
   * 4 = 20 developer-weeks, the baseline none over 5 × 4 = 20. Clopper–Pearson lower bound for 6 of
   * 6: 0.025^(1/6) = 0.5407, so RR_L = 0.5407 / 0.4593 × 20 / 20 = 1.18 > 1; p = 2 · 0.5^6 = 0.031
   * (p0 = 20 / 40), one tool compared, so the adjusted verdict is higher in the windows ending W10,
   * W11, W12 and W13, and "no incidents" in the one ending W9.
   */
  @Test
  void a_tools_verdict_that_stays_higher_for_weeks_fires_only_in_the_week_it_turns()
      throws Exception {
    only(AlertRule.TOOL_VERDICT_HIGHER, 4);
    for (int w = 1; w <= 14; w++) {
      for (int i = 0; i < 5; i++) {
        usage(developers.get(i), IsoWeek.parse("2026-W" + String.format("%02d", w)));
      }
    }
    for (int i = 1; i <= 6; i++) {
      db.insertInto(INCIDENT)
          .set(INCIDENT.EXTERNAL_ID, "turn-" + i)
          .set(INCIDENT.SOURCE, "test")
          .set(INCIDENT.TITLE, "incident " + i)
          .set(INCIDENT.SEVERITY, Severity.SEV3)
          .set(INCIDENT.STARTED_AT, OffsetDateTime.parse("2026-03-03T10:00:00Z"))
          .set(
              INCIDENT.TEAM_ID,
              db.select(TEAM.ID).from(TEAM).where(TEAM.TEAM_KEY.eq("core")).fetchOne(TEAM.ID))
          .set(INCIDENT.AI_INVOLVEMENT, AiInvolvement.ASSISTED)
          .set(INCIDENT.TOOL_KEY, "copilot")
          .set(INCIDENT.PEER_REVIEWED, true)
          .set(INCIDENT.UPDATED_AT, OffsetDateTime.now())
          .execute();
    }
    RollupFixture.refresh(db);

    // Wednesdays of W10 to W14: the windows end W9 to W13.
    List<Integer> fired = new ArrayList<>();
    for (String now :
        List.of("2026-03-04", "2026-03-11", "2026-03-18", "2026-03-25", "2026-04-01")) {
      at(now);
      fired.add(AsAdmin.call(alerts::evaluateNow));
    }

    // In W11 for the organisation and for CORE (the manager's subscribed scope), then never again.
    assertThat(fired).containsExactly(0, 2, 0, 0, 0);
    assertThat(subjects("lead@example.com"))
        .containsExactly("[Tandem] GitHub Copilot: incidents more common than without AI");
    assertThat(body("lead@example.com"))
        .contains("GitHub Copilot: 6 incidents against none in the baseline")
        .contains("(2026-W07 to 2026-W10, the organisation; the verdict turned higher this week)");
    assertThat(subjects("boss@example.com"))
        .containsExactly("[Tandem] GitHub Copilot: incidents more common than without AI in CORE");
  }

  // --- fixture ---

  /** Only {@code rule} is on, with {@code threshold}. */
  private void only(AlertRule rule, int threshold) {
    db.update(ALERT_RULE).set(ALERT_RULE.ENABLED, false).execute();
    db.update(ALERT_RULE)
        .set(ALERT_RULE.ENABLED, true)
        .set(ALERT_RULE.THRESHOLD, BigDecimal.valueOf(threshold))
        .where(ALERT_RULE.RULE_KEY.eq(rule.key()))
        .execute();
  }

  /** Moves the clock to noon UTC of {@code day}. */
  private static void at(String day) {
    Instant target = Instant.parse(day + "T12:00:00Z");
    CLOCK.advance(Duration.between(CLOCK.instant(), target));
  }

  private void usage(long developer, IsoWeek week) {
    db.insertInto(USAGE_WEEK)
        .set(USAGE_WEEK.DEVELOPER_ID, developer)
        .set(USAGE_WEEK.TOOL_KEY, "copilot")
        .set(USAGE_WEEK.WEEK_START, week.monday())
        .set(USAGE_WEEK.SOURCE, "test")
        .set(USAGE_WEEK.ACTIVE_DAYS, (short) 2)
        .execute();
  }

  private void user(String username, String role, Long team) {
    db.insertInto(APP_USER)
        .set(APP_USER.USERNAME, username)
        .set(APP_USER.DISPLAY_NAME, username)
        .set(APP_USER.ROLE, role)
        .set(APP_USER.TEAM_ID, team)
        .set(APP_USER.CREATED_AT, OffsetDateTime.now())
        .execute();
  }

  private static List<MimeMessage> mailTo(String address) {
    return Arrays.stream(MAIL.getReceivedMessages())
        .filter(
            m -> {
              try {
                return m.getRecipients(RecipientType.TO)[0].toString().equals(address);
              } catch (MessagingException e) {
                throw new IllegalStateException(e);
              }
            })
        .toList();
  }

  private static List<String> subjects(String address) {
    return mailTo(address).stream()
        .map(
            m -> {
              try {
                return m.getSubject();
              } catch (MessagingException e) {
                throw new IllegalStateException(e);
              }
            })
        .toList();
  }

  private static String body(String address) throws Exception {
    List<MimeMessage> found = mailTo(address);
    assertThat(found).hasSize(1);
    return ((String) found.get(0).getContent()).replace("\r\n", "\n");
  }
}

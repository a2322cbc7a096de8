package dev.tandem.adoption;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.tandem.base.IsoWeek;
import dev.tandem.base.Ratio;
import dev.tandem.base.Scope;
import dev.tandem.base.WeekRange;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.test.context.support.WithMockUser;

/**
 * DESIGN §3.1 with numbers worked out by hand. "Now" is Wednesday 18 March 2026 12:00 UTC
 * (2026-W12).
 */
@SpringBootTest
@WithMockUser(username = "adoption-admin", roles = "ADMIN")
class AdoptionServiceIT {

  static final Instant NOW = Instant.parse("2026-03-18T12:00:00Z");

  @TestConfiguration
  static class FixedClock {
    @Bean
    @Primary
    Clock fixedClock() {
      return Clock.fixed(NOW, ZoneOffset.UTC);
    }
  }

  @Autowired AdoptionService adoption;
  @Autowired DSLContext db;
  AdoptionFixture fx;

  @BeforeEach
  void clean() {
    fx = new AdoptionFixture(db);
    fx.clear();
  }

  /**
   * 2026-W10 is Mon 2 – Sun 8 March; W11 is 9–15 March.
   *
   * <p>W10 headcount: A, B (joins Fri 6), C (leaves Tue 3), F = 4; D excluded, E and G start in
   * W11. AI users: A (two tools, counted once), C = 2. Adoption 2/4 = 50%. W11 headcount: A, B, E,
   * F, G = 5; AI users A, G = 2 → 40%. Pooled (2+2)/(4+5) = 44.4%, whereas the average of the
   * weekly percentages would be 45%.
   */
  @Test
  void adoption_counts_joiners_leavers_and_multi_tool_users_once_and_pools_over_developer_weeks() {
    long t = fx.team("core", null);
    long a = fx.developer(t, "a");
    fx.developer(t, "b", LocalDate.of(2026, 3, 6), null, false);
    long c = fx.developer(t, "c", LocalDate.of(2020, 1, 1), LocalDate.of(2026, 3, 3), false);
    long d = fx.developer(t, "d", LocalDate.of(2020, 1, 1), null, true);
    long e = fx.developer(t, "e", LocalDate.of(2026, 3, 9), null, false);
    long f = fx.developer(t, "f");
    long g = fx.developer(t, "g", LocalDate.of(2026, 3, 9), null, false);
    fx.usage(a, "copilot", "2026-W10", 3);
    fx.usage(a, "cursor", "2026-W10", 2);
    fx.usage(c, "kiro", "2026-W10", 1);
    fx.usage(d, "copilot", "2026-W10", 5); // excluded: never counted
    fx.usage(e, "copilot", "2026-W10", 2); // before their first day: not counted, reported
    fx.usage(f, "copilot", "2026-W10", 0); // a seat without activity is not use
    fx.usage(a, "copilot", "2026-W11", 1);
    fx.usage(g, "claude-code", "2026-W11", 2);
    fx.unmatchedUsageDay("ghost-login", LocalDate.of(2026, 3, 4)); // not on the roster: reported

    AdoptionReport report =
        adoption.weeklyAdoption(
            Scope.ORGANISATION,
            new WeekRange(IsoWeek.parse("2026-W10"), IsoWeek.parse("2026-W11")));

    AdoptionReport.Week w10 = report.weeks().get(0);
    assertThat(w10.headcount()).isEqualTo(4);
    assertThat(w10.aiUsers()).isEqualTo(2);
    assertThat(w10.adoption().value()).isEqualTo(0.5);
    assertThat(w10.toolUsers())
        .containsOnly(
            java.util.Map.entry("copilot", 1),
            java.util.Map.entry("cursor", 1),
            java.util.Map.entry("kiro", 1));
    assertThat(w10.reach("copilot")).isEqualTo(new Ratio(1, 4));
    AdoptionReport.Week w11 = report.weeks().get(1);
    assertThat(w11.headcount()).isEqualTo(5);
    assertThat(w11.aiUsers()).isEqualTo(2);
    assertThat(report.period()).isEqualTo(new Ratio(4, 9));
    double averaged = (0.5 + 0.4) / 2;
    assertThat(report.period().value())
        .isCloseTo(0.4444, org.assertj.core.data.Offset.offset(1e-4))
        .isNotEqualTo(averaged);
    assertThat(report.dataQuality().unmatchedUsageRows()).isEqualTo(1);
    assertThat(report.dataQuality().usageOutsideHeadcount())
        .isEqualTo(2); // d (excluded) and e (not started)
  }

  /**
   * DESIGN §3.1 agent users, worked by hand. W10: headcount a, b, c, d = 4; AI users a, b, c = 3;
   * agent users a (Copilot agent day) and b (Kiro) = 2 → 50%; c's Copilot data cannot tell (NULL),
   * so c is an AI user but not an agent user; e is excluded. W11: f joins, headcount 5; agent users
   * b and d = 2 → 40%. Pooled agent adoption (2+2)/(4+5) = 44.4%, not the average 45%. Copilot's
   * user-weeks: a W10, c W10, a W11; one of them (c) cannot tell → 1/3. Team table, 4 weeks ending
   * W11: agent user-weeks 0+0+2+2 over developer-weeks 4+4+4+5 = 4/17.
   */
  @Test
  void agent_users_are_counted_apart_pooled_and_tools_whose_data_cannot_tell_are_named() {
    long t = fx.team("agents", null);
    long a = fx.developer(t, "a");
    long b = fx.developer(t, "b");
    long c = fx.developer(t, "c");
    long d = fx.developer(t, "d");
    long e = fx.developer(t, "e", LocalDate.of(2020, 1, 1), null, true);
    fx.developer(t, "f", LocalDate.of(2026, 3, 9), null, false);
    fx.usage(a, "copilot", "2026-W10", 3, 1);
    fx.usage(a, "cursor", "2026-W10", 2, 0);
    fx.usage(b, "kiro", "2026-W10", 2, 2);
    fx.usage(c, "copilot", "2026-W10", 4, null);
    fx.usage(e, "kiro", "2026-W10", 3, 3); // excluded: never counted
    fx.usage(a, "copilot", "2026-W11", 1, 0);
    fx.usage(b, "kiro", "2026-W11", 1, 1);
    fx.usage(d, "claude-code", "2026-W11", 2, 2);

    AdoptionReport report =
        adoption.weeklyAdoption(
            Scope.team("agents"),
            new WeekRange(IsoWeek.parse("2026-W10"), IsoWeek.parse("2026-W11")));

    AdoptionReport.Week w10 = report.weeks().get(0);
    assertThat(w10.headcount()).isEqualTo(4);
    assertThat(w10.aiUsers()).isEqualTo(3);
    assertThat(w10.agentUsers()).isEqualTo(2);
    assertThat(w10.agentAdoption()).isEqualTo(new Ratio(2, 4));
    assertThat(w10.toolAgentUsers())
        .containsOnly(
            java.util.Map.entry("copilot", 1),
            java.util.Map.entry("cursor", 0),
            java.util.Map.entry("kiro", 1));
    assertThat(w10.agentReach("copilot")).isEqualTo(new Ratio(1, 4));
    AdoptionReport.Week w11 = report.weeks().get(1);
    assertThat(w11.headcount()).isEqualTo(5);
    assertThat(w11.agentUsers()).isEqualTo(2);
    assertThat(report.agentPeriod()).isEqualTo(new Ratio(4, 9));
    assertThat(report.agentPeriod().value())
        .isCloseTo(0.4444, org.assertj.core.data.Offset.offset(1e-4))
        .isNotEqualTo((0.5 + 0.4) / 2);
    assertThat(report.period()).isEqualTo(new Ratio(6, 9));
    assertThat(report.agentUnknown()).containsOnly(java.util.Map.entry("copilot", new Ratio(1, 3)));
    assertThat(adoption.teamAdoption(Scope.team("agents"), IsoWeek.parse("2026-W11")))
        .singleElement()
        .satisfies(row -> assertThat(row.agentPooled4Weeks()).isEqualTo(new Ratio(4, 17)));
  }

  @Test
  void intensity_cohorts_sum_active_days_over_tools() {
    long t = fx.team("cohort", null);
    long light = fx.developer(t, "light");
    long moderate = fx.developer(t, "moderate");
    long heavy = fx.developer(t, "heavy");
    fx.usage(light, "copilot", "2026-W11", 1);
    fx.usage(moderate, "copilot", "2026-W11", 1);
    fx.usage(moderate, "kiro", "2026-W11", 1); // 1 + 1 = 2 days: moderate
    fx.usage(heavy, "copilot", "2026-W11", 3);
    fx.usage(heavy, "cursor", "2026-W11", 1); // 3 + 1 = 4 days: heavy

    List<Cohorts> cohorts =
        adoption.cohorts(
            Scope.team("cohort"),
            new WeekRange(IsoWeek.parse("2026-W11"), IsoWeek.parse("2026-W11")));

    assertThat(cohorts).containsExactly(new Cohorts(IsoWeek.parse("2026-W11"), 1, 1, 1, false));
  }

  @Test
  void a_team_scope_includes_its_sub_teams_and_the_team_table_rolls_them_up() {
    long parent = fx.team("parent", null);
    long child = fx.team("child", parent);
    long p1 = fx.developer(parent, "p1");
    fx.developer(child, "c1");
    long c2 = fx.developer(child, "c2");
    fx.usage(p1, "copilot", "2026-W11", 2);
    fx.usage(c2, "copilot", "2026-W11", 2);
    IsoWeek w11 = IsoWeek.parse("2026-W11");

    assertThat(adoption.adoption(Scope.team("parent"), w11)).isEqualTo(new Ratio(2, 3));
    assertThat(adoption.adoption(Scope.team("child"), w11)).isEqualTo(new Ratio(1, 2));
    List<TeamAdoption> rows = adoption.teamAdoption(Scope.team("parent"), w11);
    assertThat(rows)
        .singleElement()
        .satisfies(
            row -> {
              assertThat(row.teamKey()).isEqualTo("child");
              assertThat(row.thisWeek()).isEqualTo(new Ratio(1, 2));
              assertThat(row.pooled4Weeks())
                  .isEqualTo(new Ratio(1, 8)); // 4 weeks × 2 developers, one AI user-week
              assertThat(row.status()).isEqualTo(TeamAdoption.Status.BELOW_GOAL);
            });
  }

  @Test
  void weeks_cross_the_year_boundary_through_week_53() {
    long t = fx.team("newyear", null);
    long a = fx.developer(t, "a");
    fx.developer(t, "b");
    fx.usage(a, "copilot", "2026-W53", 1);

    AdoptionReport report =
        adoption.weeklyAdoption(
            Scope.team("newyear"),
            new WeekRange(IsoWeek.parse("2026-W52"), IsoWeek.parse("2027-W01")));

    assertThat(report.weeks())
        .extracting(w -> w.week().toString())
        .containsExactly("2026-W52", "2026-W53", "2027-W01");
    assertThat(report.weeks()).extracting(AdoptionReport.Week::aiUsers).containsExactly(0, 1, 0);
    assertThat(report.period()).isEqualTo(new Ratio(1, 6));
  }

  @Test
  void this_week_follows_the_organisations_time_zone() {
    // 18 March 2026 12:00 UTC is a Wednesday everywhere relevant: the last complete week is W11.
    assertThat(adoption.lastCompleteWeek()).hasToString("2026-W11");
    AdoptionService sundayNight =
        serviceAt(Instant.parse("2026-03-22T23:30:00Z")); // Sunday in UTC, Monday in Auckland
    assertThat(sundayNight.lastCompleteWeek()).hasToString("2026-W11");
    fx.zone("Pacific/Auckland");
    assertThat(sundayNight.lastCompleteWeek()).hasToString("2026-W12");
  }

  @Test
  void an_empty_scope_has_no_adoption_rather_than_zero() {
    fx.team("empty", null);
    AdoptionReport report =
        adoption.weeklyAdoption(
            Scope.team("empty"), WeekRange.ending(IsoWeek.parse("2026-W11"), 4));
    assertThat(report.weeks()).allSatisfy(w -> assertThat(w.adoption().value()).isNull());
    assertThat(report.period().value()).isNull();
    assertThat(report.forecast().onTrack()).isFalse();
    assertThat(report.forecast().goalWeek()).isNull();
    assertThat(adoption.teamAdoption(Scope.team("empty"), IsoWeek.parse("2026-W11")))
        .singleElement()
        .extracting(TeamAdoption::status)
        .isEqualTo(TeamAdoption.Status.NO_DATA);
  }

  /** 20 developers; AI users 2, 3, …, 9 over W04–W11: adoption 10% + 5 points a week. */
  @Test
  void a_rising_trend_forecasts_the_first_week_the_line_reaches_the_goal() {
    seedTrend("rising", new int[] {2, 3, 4, 5, 6, 7, 8, 9});
    AdoptionReport.Forecast forecast =
        adoption.weeklyAdoption(Scope.team("rising"), adoption.defaultRange()).forecast();
    // line: 0.10 + 0.05·x with x = 0 at W04; 0.80 is reached at x = 14, i.e. W04 + 14 = W18.
    assertThat(forecast.onTrack()).isTrue();
    assertThat(forecast.slopePerWeek()).isCloseTo(0.05, org.assertj.core.data.Offset.offset(1e-9));
    assertThat(forecast.goalWeek()).hasToString("2026-W18");
  }

  @Test
  void a_flat_or_falling_trend_is_not_on_track() {
    seedTrend("flat", new int[] {10, 10, 10, 10, 10, 10, 10, 10});
    seedTrend("falling", new int[] {9, 8, 7, 6, 5, 4, 3, 2});
    AdoptionReport.Forecast flat =
        adoption.weeklyAdoption(Scope.team("flat"), adoption.defaultRange()).forecast();
    AdoptionReport.Forecast falling =
        adoption.weeklyAdoption(Scope.team("falling"), adoption.defaultRange()).forecast();
    assertThat(flat.onTrack()).isFalse();
    assertThat(flat.goalWeek()).isNull();
    assertThat(falling.onTrack()).isFalse();
    assertThat(falling.slopePerWeek()).isCloseTo(-0.05, org.assertj.core.data.Offset.offset(1e-9));
  }

  @Test
  void the_streak_counts_consecutive_weeks_at_or_above_the_goal() {
    seedTrend(
        "streak", new int[] {2, 2, 2, 2, 17, 16, 18, 20}); // W08 at 85%, W09 80%, W10 90%, W11 100%
    assertThat(adoption.streak(Scope.team("streak"), IsoWeek.parse("2026-W11"))).isEqualTo(4);
    assertThat(adoption.streak(Scope.team("streak"), IsoWeek.parse("2026-W07"))).isZero();
  }

  @Test
  void developers_without_ai_use_in_four_weeks_are_listed_for_admins_only_within_scope() {
    long t = fx.team("quiet", null);
    long active = fx.developer(t, "active");
    long lapsed = fx.developer(t, "lapsed");
    fx.developer(t, "never");
    fx.usage(active, "copilot", "2026-W10", 1);
    fx.usage(lapsed, "copilot", "2026-W07", 1); // before the 4 weeks W08–W11

    List<InactiveDeveloper> inactive =
        adoption.withoutAiUse(Scope.team("quiet"), IsoWeek.parse("2026-W11"));

    assertThat(inactive).extracting(InactiveDeveloper::name).containsExactly("lapsed", "never");
    assertThat(inactive.get(0).lastAiWeek()).isEqualTo(IsoWeek.parse("2026-W07").monday());
  }

  @Test
  void the_list_without_ai_use_pages_in_team_and_name_order_and_counts_only_the_four_weeks() {
    long a = fx.team("paged-a", null);
    long b = fx.team("paged-b", null);
    long zeroDays = fx.developer(b, "b-zero-days");
    long later = fx.developer(b, "b-later");
    long recent = fx.developer(a, "a-recent");
    fx.developer(a, "a-never");
    fx.developer(b, "b-never");
    fx.usage(zeroDays, "copilot", "2026-W09", 0); // a row, but no active day: not AI use
    fx.usage(later, "copilot", "2026-W12", 3); // after the week asked about
    fx.usage(recent, "copilot", "2026-W08", 1); // first of the 4 weeks W08–W11
    IsoWeek asOf = IsoWeek.parse("2026-W11");
    Scope scope = Scope.team("paged-a");

    assertThat(adoption.withoutAiUse(scope, asOf, 0, 10).total()).isEqualTo(1);
    assertThat(adoption.withoutAiUse(scope, asOf))
        .extracting(InactiveDeveloper::name)
        .containsExactly("a-never");
    InactiveDevelopers page = adoption.withoutAiUse(Scope.team("paged-b"), asOf, 1, 2);
    assertThat(page.total()).isEqualTo(3);
    assertThat(page.rows())
        .extracting(InactiveDeveloper::name, InactiveDeveloper::lastAiWeek)
        .containsExactly(tuple("b-never", null), tuple("b-zero-days", null));
    assertThat(adoption.withoutAiUse(Scope.team("paged-b"), asOf, 0, 1).rows())
        .extracting(InactiveDeveloper::name)
        .containsExactly("b-later");
    assertThat(adoption.withoutAiUse(Scope.team("paged-b"), asOf, 5, 2))
        .isEqualTo(new InactiveDevelopers(List.of(), 3)); // past the end: still the total
  }

  @Test
  @WithMockUser(username = "a-leader", roles = "LEADER")
  void leaders_do_not_see_individual_developers() {
    fx.team("private", null);
    assertThatThrownBy(
            () -> adoption.withoutAiUse(Scope.team("private"), IsoWeek.parse("2026-W11")))
        .isInstanceOf(AccessDeniedException.class);
  }

  private void seedTrend(String key, int[] aiUsersPerWeek) {
    long t = fx.team(key, null);
    long[] developers = new long[20];
    for (int i = 0; i < developers.length; i++) {
      developers[i] = fx.developer(t, key + i);
    }
    IsoWeek first = IsoWeek.parse("2026-W04");
    for (int w = 0; w < aiUsersPerWeek.length; w++) {
      for (int i = 0; i < aiUsersPerWeek[w]; i++) {
        fx.usage(developers[i], "copilot", first.plus(w).toString(), 1);
      }
    }
  }

  @Autowired org.springframework.context.ApplicationContext context;

  private AdoptionService serviceAt(Instant instant) {
    return new AdoptionService(
        context.getBean(AdoptionQuery.class),
        context.getBean(dev.tandem.roster.RosterService.class),
        context.getBean(dev.tandem.settings.SettingsService.class),
        context.getBean(dev.tandem.access.AccessPolicy.class),
        Clock.fixed(instant, ZoneOffset.UTC),
        context.getBean(TeamTable.class),
        context.getBean(DeveloperLists.class),
        context.getBean(WeeklyReport.class));
  }
}

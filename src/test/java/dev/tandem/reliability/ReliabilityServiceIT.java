package dev.tandem.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.tandem.base.AiInvolvement;
import dev.tandem.base.IsoWeek;
import dev.tandem.base.RootCause;
import dev.tandem.base.Scope;
import dev.tandem.base.WeekRange;
import dev.tandem.stats.Verdict;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.test.context.support.WithMockUser;

/**
 * DESIGN §3.3 on a small organisation worked by hand. Range 2026-W10 (Mon 2 – Sun 8 March 2026) to
 * 2026-W11 (9 – 15 March), zone UTC unless a test says otherwise.
 *
 * <pre>
 * team parent ⊃ child; team other is outside the scope.
 * d1 child  since 2025        usage: cursor W10 (3 days), cursor W11 (1), copilot W11 (2)
 * d2 child  since 2025        usage: copilot W10 with 0 active days (a seat, not use)
 * d3 child  joins Mon W11     no usage
 * d4 parent leaves Sun W10    usage: copilot W10 (1)
 * d5 child  excluded          usage: cursor W10 (5) — never counts
 * dx other                    usage: cursor W10 (4) — outside the scope
 * headcount W10 = d1 d2 d4 = 3, W11 = d1 d2 d3 = 3 → 6 developer-weeks
 * AI user-weeks: d1 W10, d4 W10, d1 W11 = 3 → baseline (no AI at all) = 6 − 3 = 3
 * cursor user-weeks = 2 (d1 W10, W11); copilot = 2 (d4 W10, d1 W11)
 * changes: cursor 40 + 20 = 60; copilot 30 + 25 = 55; none 10 + 5 + 100 + 50 = 165
 *          (dx's 1,500 are outside the scope, d1's 999 in W09 outside the range)
 * incidents: baseline I1 (SEV2, 60 min), I2 (SEV3, 120 min), I10 (SEV4, 90 min) = 3
 *            cursor I3 (parent team, SEV1, 30 min), I4 (SEV3, open), I5 (SEV2, Sun 23:59 UTC) = 3
 *            unknown I6 = 1 not classified; outside: I7 (W12), I8 (W09), I9 (team other)
 * </pre>
 */
@SpringBootTest
@WithMockUser(username = "reliability-admin", roles = "ADMIN")
class ReliabilityServiceIT {

  private static final WeekRange RANGE =
      new WeekRange(IsoWeek.parse("2026-W10"), IsoWeek.parse("2026-W11"));

  @Autowired ReliabilityService reliability;
  @Autowired IncidentService incidents;
  @Autowired DSLContext db;

  ReliabilityFixtures f;
  long parent;
  long child;
  long other;

  @BeforeEach
  void organisation() {
    f = new ReliabilityFixtures(db, incidents);
    f.defer();
    parent = f.team("parent", null);
    child = f.team("child", parent);
    other = f.team("other", null);
    LocalDate longAgo = LocalDate.of(2025, 1, 1);
    long d1 = f.developer(child, longAgo, null, false);
    long d2 = f.developer(child, longAgo, null, false);
    long d3 = f.developer(child, LocalDate.of(2026, 3, 9), null, false);
    long d4 = f.developer(parent, longAgo, LocalDate.of(2026, 3, 8), false);
    long d5 = f.developer(child, longAgo, null, true);
    long dx = f.developer(other, longAgo, null, false);

    f.usage(d1, "cursor", "2026-W10", 3);
    f.usage(d1, "cursor", "2026-W11", 1, 1); // an agent day
    f.usage(d1, "copilot", "2026-W11", 2);
    f.usage(d1, "cursor", "2026-W12", 5);
    f.usage(d2, "copilot", "2026-W10", 0);
    f.usage(d4, "copilot", "2026-W10", 1);
    f.usage(d5, "cursor", "2026-W10", 5);
    f.usage(dx, "cursor", "2026-W10", 4);

    f.changes(d1, "2026-W10", "cursor", 40);
    f.changes(d1, "2026-W10", "none", 10);
    f.changes(d1, "2026-W11", "cursor", 20);
    f.changes(d1, "2026-W11", "copilot", 30);
    f.changes(d1, "2026-W11", "none", 5);
    f.changes(d2, "2026-W10", "none", 100);
    f.changes(d2, "2026-W11", "none", 50);
    f.changes(d4, "2026-W10", "copilot", 25);
    f.changes(d1, "2026-W09", "cursor", 999);
    f.changes(dx, "2026-W10", "none", 1000);
    f.changes(dx, "2026-W10", "cursor", 500);
    f.changes(d3, "2026-W11", "none", 0);
    f.flush();

    Incident i1 = f.incident(child, "none", null, "SEV2", "2026-03-03T10:00:00Z", 60);
    Incident i2 = f.incident(child, "none", null, "SEV3", "2026-03-10T00:30:00Z", 120);
    Incident i3 = f.incident(parent, "assisted", "cursor", "SEV1", "2026-03-04T09:00:00Z", 30);
    Incident i4 = f.incident(child, "agent", "cursor", "SEV3", "2026-03-12T14:00:00Z", null);
    Incident i5 = f.incident(child, "assisted", "cursor", "SEV2", "2026-03-15T23:59:00Z", 45);
    f.incident(child, "unknown", null, "SEV4", "2026-03-05T08:00:00Z", 10);
    f.incident(child, "assisted", "copilot", "SEV2", "2026-03-16T00:00:00Z", 5);
    f.incident(child, "none", null, "SEV3", "2026-03-01T23:59:00Z", 5);
    f.incident(other, "assisted", "cursor", "SEV1", "2026-03-04T09:00:00Z", 5);
    Incident i10 = f.incident(child, "none", null, "SEV4", "2026-03-11T12:00:00Z", 90);

    incidents.triage(
        i1.id(), new Triage(AiInvolvement.NONE, null, RootCause.INFRASTRUCTURE, true, true, false));
    incidents.triage(
        i2.id(), new Triage(AiInvolvement.NONE, null, RootCause.PROCESS, false, true, false));
    incidents.triage(i10.id(), new Triage(AiInvolvement.NONE, null, null, null, null, null));
    incidents.triage(
        i3.id(),
        new Triage(AiInvolvement.ASSISTED, "cursor", RootCause.AI_ERROR, false, false, true));
    incidents.triage(
        i4.id(),
        new Triage(AiInvolvement.AGENT, "cursor", RootCause.USER_ERROR, true, null, false));
    incidents.triage(
        i5.id(),
        new Triage(AiInvolvement.ASSISTED, "cursor", RootCause.AI_ERROR, false, true, false));
  }

  @Test
  void changes_exposure_compares_each_tool_with_the_baseline_as_worked_by_hand() {
    Comparison c = reliability.comparison(RANGE, Scope.team(f.key("parent")), Exposure.CHANGES);

    assertThat(c.exposure()).isEqualTo(Exposure.CHANGES);
    assertThat(c.baseline().incidents()).isEqualTo(3);
    assertThat(c.baseline().exposure()).isEqualTo(165);
    assertThat(c.baseline().rate()).isCloseTo(3 * 1000.0 / 165, within(1e-9));
    assertThat(c.unclassifiedIncidents()).isEqualTo(1);

    ToolFigures cursor = c.tool("cursor").orElseThrow();
    assertThat(cursor.figures().incidents()).isEqualTo(3);
    assertThat(cursor.figures().exposure()).isEqualTo(60);
    assertThat(cursor.figures().rate()).isCloseTo(50.0, within(1e-9));
    // RR = (3/60)/(3/165) = 2.75; SciPy: CI 0.368328–20.531951, central p 0.393306.
    assertThat(cursor.comparison().rateRatio()).isCloseTo(2.75, within(1e-9));
    assertThat(cursor.comparison().ciLow()).isCloseTo(0.36832836748875797, within(1e-7));
    assertThat(cursor.comparison().ciHigh()).isCloseTo(20.53195101849118, within(1e-6));
    assertThat(cursor.comparison().pValue()).isCloseTo(0.39330589849108366, within(1e-9));
    assertThat(cursor.comparison().verdict()).isEqualTo(Verdict.NO_DIFFERENCE);
    assertThat(cursor.comparison().unstable()).isTrue();
    // All AI tools together: cursor's 3 incidents (copilot has none here) over 60 + 55 = 115
    // AI-attributed changes against 3 over 165: RR 165/115 = 1.4348; I4 was executed by an agent.
    ToolFigures all = c.allAi();
    assertThat(all.figures().incidents()).isEqualTo(3);
    assertThat(all.figures().exposure()).isEqualTo(115);
    assertThat(all.comparison().rateRatio()).isCloseTo(165 / 115.0, within(1e-9));
    assertThat(all.agentIncidents()).isEqualTo(1);
    assertThat(all.pAdjusted()).isNaN();
    assertThat(cursor.figures().incidentsBySeverity())
        .containsExactly(
            Map.entry("SEV1", 1L),
            Map.entry("SEV2", 1L),
            Map.entry("SEV3", 1L),
            Map.entry("SEV4", 0L));
  }

  @Test
  void change_exposure_leaves_out_changes_of_a_leaver_after_leaving_and_of_an_excluded_developer() {
    // A leaver who leaves on Wednesday of W10: their W10 changes count (in headcount that week),
    // their W11 ones do not; an excluded developer's never count.
    f.defer();
    long leaver = f.developer(child, LocalDate.of(2025, 1, 1), LocalDate.of(2026, 3, 4), false);
    long excluded = f.developer(child, LocalDate.of(2025, 1, 1), null, true);
    f.changes(leaver, "2026-W10", "none", 4);
    f.changes(leaver, "2026-W11", "cursor", 7);
    f.changes(excluded, "2026-W10", "none", 11);
    f.changes(excluded, "2026-W11", "copilot", 2);
    f.flush();

    Comparison c = reliability.comparison(RANGE, Scope.team(f.key("parent")), Exposure.CHANGES);

    // Baseline 165 + the leaver's 4 in W10; cursor and copilot as before (60, 55); all AI 115.
    assertThat(c.baseline().exposure()).isEqualTo(169);
    assertThat(c.tool("cursor").orElseThrow().figures().exposure()).isEqualTo(60);
    assertThat(c.tool("copilot").orElseThrow().figures().exposure()).isEqualTo(55);
    assertThat(c.allAi().figures().exposure()).isEqualTo(115);
    // Left out: the leaver's 7 in W11 and the excluded developer's 11 + 2 = 20.
    assertThat(c.changesNotCounted()).isEqualTo(20);
    // Outside the scope (team other) the figure is its own: none there.
    assertThat(
            reliability
                .comparison(RANGE, Scope.team(f.key("other")), Exposure.CHANGES)
                .changesNotCounted())
        .isZero();
  }

  @Test
  void a_tool_without_incidents_gets_a_zero_ratio_and_an_exact_upper_bound() {
    ToolFigures copilot =
        reliability
            .comparison(RANGE, Scope.team(f.key("parent")), Exposure.CHANGES)
            .tool("copilot")
            .orElseThrow();
    assertThat(copilot.figures().incidents()).isZero();
    assertThat(copilot.figures().exposure()).isEqualTo(55);
    assertThat(copilot.comparison().rateRatio()).isZero();
    assertThat(copilot.comparison().ciLow()).isZero();
    // By hand: pU = 1 − 0.025^(1/3) = 0.70760; odds 2.41995 × 165/55 = 7.25986.
    assertThat(copilot.comparison().ciHigh()).isCloseTo(7.259855680060177, within(1e-7));
    // By hand: p0 = 55/220 = 0.25, P(X = 0 | n = 3) = 0.75³ = 0.421875, doubled 0.84375.
    assertThat(copilot.comparison().pValue()).isCloseTo(0.84375, within(1e-12));
    assertThat(copilot.comparison().verdict()).isEqualTo(Verdict.NO_DIFFERENCE);
  }

  @Test
  void a_tool_without_exposure_says_so_instead_of_a_rate() {
    Comparison c = reliability.comparison(RANGE, Scope.team(f.key("parent")), Exposure.CHANGES);
    ToolFigures kiro = c.tool("kiro").orElseThrow();
    assertThat(kiro.figures().exposure()).isZero();
    assertThat(kiro.figures().rate()).isNaN();
    assertThat(kiro.comparison().verdict()).isEqualTo(Verdict.NO_EXPOSURE);
    assertThat(kiro.comparison().rateRatio()).isNaN();
  }

  @Test
  void developer_weeks_exposure_follows_the_headcount_rules() {
    Comparison c =
        reliability.comparison(RANGE, Scope.team(f.key("parent")), Exposure.DEVELOPER_WEEKS);

    assertThat(c.developerWeeks()).isEqualTo(6);
    assertThat(c.baseline().exposure()).isEqualTo(3);
    assertThat(c.baseline().rate()).isCloseTo(100.0, within(1e-9));
    ToolFigures cursor = c.tool("cursor").orElseThrow();
    assertThat(cursor.figures().exposure()).isEqualTo(2);
    assertThat(cursor.figures().rate()).isCloseTo(150.0, within(1e-9));
    assertThat(cursor.comparison().rateRatio()).isCloseTo(1.5, within(1e-9));
    // By hand: p0 = 2/5, P(X >= 3 | n = 6) = 1 − 0.54432 = 0.45568, doubled 0.91136.
    assertThat(cursor.comparison().pValue()).isCloseTo(0.91136, within(1e-9));
    assertThat(cursor.userWeeks()).isEqualTo(2);
    assertThat(cursor.reach()).isCloseTo(2 / 6.0, within(1e-12));
    // One of cursor's two user-weeks (d1 in W11) had an agent day: agent reach 1/6. Of its three
    // incidents (I3, I4, I5) an agent executed I4.
    assertThat(cursor.agentReach()).isCloseTo(1 / 6.0, within(1e-12));
    assertThat(cursor.agentIncidents()).isEqualTo(1);
    ToolFigures copilot = c.tool("copilot").orElseThrow();
    assertThat(copilot.figures().exposure()).isEqualTo(2);
  }

  @Test
  void scope_is_the_team_subtree() {
    Comparison child =
        reliability.comparison(RANGE, Scope.team(f.key("child")), Exposure.DEVELOPER_WEEKS);
    // Without d4 (parent team) and I3 (owned by the parent team).
    assertThat(child.developerWeeks()).isEqualTo(5);
    assertThat(child.tool("cursor").orElseThrow().figures().incidents()).isEqualTo(2);
    assertThat(child.tool("copilot").orElseThrow().figures().exposure()).isEqualTo(1);
    assertThat(child.baseline().exposure()).isEqualTo(5 - 2); // AI user-weeks: d1 W10, d1 W11

    Comparison otherTeam =
        reliability.comparison(RANGE, Scope.team(f.key("other")), Exposure.CHANGES);
    assertThat(otherTeam.tool("cursor").orElseThrow().figures().incidents()).isEqualTo(1);
    assertThat(otherTeam.tool("cursor").orElseThrow().figures().exposure()).isEqualTo(500);
    assertThat(otherTeam.baseline().exposure()).isEqualTo(1000);
  }

  @Test
  void incidents_belong_to_the_week_of_their_start_in_the_organisation_zone() {
    f.zone("Pacific/Auckland"); // UTC+13 in March 2026
    try {
      Comparison c = reliability.comparison(RANGE, Scope.team(f.key("parent")), Exposure.CHANGES);
      // I5 (Sun 23:59 UTC) is Monday of W12 in Auckland; I8 (Sun 1 March 23:59 UTC) is in W10.
      assertThat(c.tool("cursor").orElseThrow().figures().incidents()).isEqualTo(2);
      assertThat(c.baseline().incidents()).isEqualTo(4);
    } finally {
      f.zone("UTC");
    }
  }

  @Test
  void median_time_to_restore_is_over_resolved_incidents_per_group() {
    Comparison c = reliability.comparison(RANGE, Scope.team(f.key("parent")), Exposure.CHANGES);
    assertThat(c.baseline().medianTimeToRestore()).isEqualTo(Duration.ofMinutes(90));
    assertThat(c.baseline().resolvedIncidents()).isEqualTo(3);
    GroupFigures cursor = c.tool("cursor").orElseThrow().figures();
    assertThat(cursor.resolvedIncidents()).isEqualTo(2); // I4 is still open
    assertThat(cursor.medianTimeToRestore())
        .isEqualTo(Duration.ofMinutes((30 + 45) / 2).plusSeconds(30));
    assertThat(c.tool("copilot").orElseThrow().figures().medianTimeToRestore()).isNull();
  }

  @Test
  void root_causes_and_safeguard_gaps_split_ai_involved_from_other_incidents() {
    CausesAndSafeguards cs = reliability.causesAndSafeguards(RANGE, Scope.team(f.key("parent")));
    IncidentProfile ai = cs.aiInvolved();
    assertThat(ai.incidents()).isEqualTo(3);
    assertThat(ai.rootCauses()).containsEntry("ai-error", 2L).containsEntry("user-error", 1L);
    assertThat(ai.notPeerReviewed()).isEqualTo(new IncidentProfile.SafeguardGap(2, 3, 0));
    assertThat(ai.noApprovalRequired()).isEqualTo(new IncidentProfile.SafeguardGap(1, 3, 1));
    assertThat(ai.permissionsExceeded()).isEqualTo(new IncidentProfile.SafeguardGap(1, 3, 0));
    IncidentProfile other = cs.other();
    assertThat(other.incidents()).isEqualTo(3); // the unknown I6 is in neither group
    assertThat(other.rootCauses())
        .containsEntry("infrastructure", 1L)
        .containsEntry("process", 1L)
        .containsEntry("not recorded", 1L);
    assertThat(other.notPeerReviewed()).isEqualTo(new IncidentProfile.SafeguardGap(1, 3, 1));
  }

  /**
   * Safeguards by hand: AI-involved I3 (no review, no approval, permissions exceeded), I4 (agent:
   * reviewed, approval not recorded), I5 (no review); without AI I1 (reviewed), I2 (no review), I10
   * (nothing recorded). Not peer-reviewed 2 of 3 against 1 of 3: twice as often; Fisher's exact p
   * of [[2, 1], [1, 2]] is 1 (SciPy: 1.0). Permissions exceeded 1 of 3 against 0 of 3: infinitely
   * as often, p of [[1, 2], [0, 3]] = 1.0.
   */
  @Test
  void safeguard_gaps_compare_all_ai_agent_executed_and_each_tool_with_incidents_without_ai() {
    CausesAndSafeguards cs = reliability.causesAndSafeguards(RANGE, Scope.team(f.key("parent")));
    assertThat(cs.agent().incidents()).isEqualTo(1);
    assertThat(cs.agent().notPeerReviewed()).isEqualTo(new IncidentProfile.SafeguardGap(0, 1, 0));
    assertThat(cs.agent().noApprovalRequired())
        .isEqualTo(new IncidentProfile.SafeguardGap(0, 1, 1));
    assertThat(cs.tools()).hasSize(1);
    CausesAndSafeguards.ToolProfile cursor = cs.tools().get(0);
    assertThat(cursor.key()).isEqualTo("cursor");
    assertThat(cursor.name()).isEqualTo("Cursor");
    assertThat(cursor.profile().notPeerReviewed())
        .isEqualTo(new IncidentProfile.SafeguardGap(2, 3, 0));

    List<SafeguardComparison> headline = cs.headline();
    assertThat(headline)
        .extracting(SafeguardComparison::safeguard)
        .containsExactly(Safeguard.values());
    SafeguardComparison review = headline.get(0);
    assertThat(review.timesAsOften()).isCloseTo(2.0, within(1e-12));
    assertThat(review.p()).isCloseTo(1.0, within(1e-12));
    assertThat(review.significant()).isFalse();
    SafeguardComparison permissions = headline.get(2);
    assertThat(permissions.gap()).isEqualTo(new IncidentProfile.SafeguardGap(1, 3, 0));
    assertThat(permissions.other()).isEqualTo(new IncidentProfile.SafeguardGap(0, 3, 1));
    assertThat(permissions.timesAsOften()).isInfinite();
    assertThat(permissions.p()).isCloseTo(1.0, within(1e-12));
    // All AI, agent-executed, Cursor: three safeguards each.
    assertThat(cs.comparisons())
        .extracting(c -> c.group() + " " + c.safeguard().key())
        .startsWith("all-ai not-peer-reviewed")
        .contains("agent permissions-exceeded", "cursor no-approval")
        .hasSize(9);
  }

  @Test
  void incidents_filtered_by_a_safeguard_gap_are_those_the_counts_count() {
    // The Reliability screen links each count to these incidents (I3 and I5; I3; I2).
    assertThat(incidents.countIncidents(gaps(Safeguard.NOT_PEER_REVIEWED, "assisted", "agent")))
        .isEqualTo(2);
    assertThat(incidents.countIncidents(gaps(Safeguard.NO_APPROVAL_REQUIRED, "assisted", "agent")))
        .isEqualTo(1);
    assertThat(incidents.countIncidents(gaps(Safeguard.NOT_PEER_REVIEWED, "none"))).isEqualTo(1);
  }

  private IncidentFilter gaps(Safeguard gap, String... involvements) {
    return new IncidentFilter(
        null,
        java.util.Set.of(),
        java.util.Arrays.stream(involvements)
            .map(AiInvolvement::parse)
            .collect(java.util.stream.Collectors.toSet()),
        null,
        Scope.team(f.key("parent")),
        null,
        LocalDate.of(2026, 3, 2),
        LocalDate.of(2026, 3, 15),
        gap);
  }

  @Test
  void ai_and_baseline_rates_over_time_use_all_ai_exposure_per_window() {
    List<RateWindow> windows =
        reliability.overTime(RANGE, Scope.team(f.key("parent")), Exposure.CHANGES);
    assertThat(windows).hasSize(1);
    RateWindow w = windows.get(0);
    assertThat(w.aiIncidents()).isEqualTo(3);
    assertThat(w.aiExposure()).isEqualTo(60 + 55);
    assertThat(w.aiRate()).isCloseTo(3000.0 / 115, within(1e-9));
    assertThat(w.baselineIncidents()).isEqualTo(3);
    assertThat(w.baselineExposure()).isEqualTo(165);

    RateWindow dw =
        reliability.overTime(RANGE, Scope.team(f.key("parent")), Exposure.DEVELOPER_WEEKS).get(0);
    assertThat(dw.aiExposure()).isEqualTo(3); // developer-weeks with any AI use, counted once
    assertThat(dw.baselineExposure()).isEqualTo(3);
  }

  @Test
  void triaging_an_unknown_incident_moves_it_into_the_comparison() {
    Comparison before =
        reliability.comparison(RANGE, Scope.team(f.key("parent")), Exposure.CHANGES);
    Incident unknown =
        incidents
            .incidents(
                new IncidentFilter(
                    null,
                    null,
                    java.util.Set.of(AiInvolvement.UNKNOWN),
                    null,
                    Scope.team(f.key("parent")),
                    null,
                    null,
                    null),
                List.of(),
                0,
                10)
            .get(0);
    incidents.triage(
        unknown.id(),
        new Triage(AiInvolvement.AGENT, "copilot", RootCause.AI_ERROR, false, false, true));
    Comparison after = reliability.comparison(RANGE, Scope.team(f.key("parent")), Exposure.CHANGES);
    assertThat(before.unclassifiedIncidents()).isEqualTo(1);
    assertThat(after.unclassifiedIncidents()).isZero();
    assertThat(after.tool("copilot").orElseThrow().figures().incidents()).isEqualTo(1);
  }

  @Test
  void the_default_exposure_falls_back_to_developer_weeks_without_change_data() {
    assertThat(reliability.comparison(RANGE, Scope.team(f.key("parent")), null).exposure())
        .isEqualTo(Exposure.CHANGES);
    WeekRange noChanges = new WeekRange(IsoWeek.parse("2026-W20"), IsoWeek.parse("2026-W21"));
    assertThat(reliability.comparison(noChanges, Scope.team(f.key("parent")), null).exposure())
        .isEqualTo(Exposure.DEVELOPER_WEEKS);
  }
}

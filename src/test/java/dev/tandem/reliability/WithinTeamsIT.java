package dev.tandem.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.tandem.base.Scope;
import dev.tandem.stats.MantelHaenszel;
import dev.tandem.stats.Verdict;
import java.util.List;
import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.test.context.support.WithMockUser;

/** DESIGN §3.3 "within teams" on {@link WithinTeamsOrganisation}, worked by hand there. */
@SpringBootTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@WithMockUser(username = "within-admin", roles = "ADMIN")
class WithinTeamsIT {

  @Autowired ReliabilityService reliability;
  @Autowired IncidentService incidents;
  @Autowired DSLContext db;
  @Autowired org.springframework.context.ApplicationContext context;

  ReliabilityFixtures f;
  WithinTeamsOrganisation org;

  /** Built once: every fixture write refreshes the rollup. */
  @BeforeAll
  void organisation() {
    ReliabilityFixtures.asAdmin(
        context,
        () -> {
          f = new ReliabilityFixtures(db, incidents);
          org = new WithinTeamsOrganisation(f);
          smallTeams();
        });
  }

  @Test
  void with_changes_kiro_is_higher_crude_but_not_within_teams_and_data_drops_out() {
    Comparison c =
        reliability.comparison(
            WithinTeamsOrganisation.RANGE, Scope.team(f.key("parent")), Exposure.CHANGES);
    ToolFigures kiro = c.tool("kiro").orElseThrow();

    assertThat(kiro.figures().incidents()).isEqualTo(7);
    assertThat(kiro.figures().exposure()).isEqualTo(400);
    assertThat(c.baseline().incidents()).isEqualTo(7);
    assertThat(c.baseline().exposure()).isEqualTo(2800);
    assertThat(kiro.comparison().rateRatio()).isCloseTo(7.0, within(1e-9));
    assertThat(kiro.comparison().verdict()).isEqualTo(Verdict.HIGHER);

    WithinTeams w = kiro.withinTeams();
    assertThat(w.rateRatio()).isCloseTo(3.32, within(1e-9));
    assertThat(w.ciLow()).isCloseTo(0.862, within(0.0005));
    assertThat(w.ciHigh()).isCloseTo(12.785, within(0.0005));
    assertThat(w.result().verdict()).isEqualTo(Verdict.NO_DIFFERENCE);
    assertThat(w.teams()).isEqualTo(2);
    assertThat(w.dropped())
        .containsExactly(new WithinTeams.DroppedTeam("data", WithinTeams.Reason.NO_TOOL_EXPOSURE));
    assertThat(w.droppedUnnamed()).isZero();
    assertThat(w.disagreesWith(kiro.comparison())).isTrue();

    // All AI tools together add web's 100 Copilot changes: web (1·2,000/2,200, 4·200/2,200) with
    // platform (3, 1) gives (3 + 10/11)/(1 + 4/11) = 43/15.
    assertThat(c.allAi().withinTeams().rateRatio()).isCloseTo(43.0 / 15, within(1e-9));
    // A tool nobody used: no team has exposure on both sides.
    assertThat(c.tool("cursor").orElseThrow().withinTeams().result().undefined())
        .isEqualTo(MantelHaenszel.Undefined.NO_STRATUM_WITH_BOTH);
  }

  @Test
  void with_developer_weeks_a_team_where_everyone_used_kiro_has_no_baseline_and_drops_out() {
    Comparison c =
        reliability.comparison(
            WithinTeamsOrganisation.RANGE, Scope.team(f.key("parent")), Exposure.DEVELOPER_WEEKS);
    ToolFigures kiro = c.tool("kiro").orElseThrow();

    assertThat(kiro.figures().exposure()).isEqualTo(11);
    assertThat(c.baseline().exposure()).isEqualTo(19);
    assertThat(kiro.comparison().rateRatio()).isCloseTo(19.0 / 11, within(1e-9));

    WithinTeams w = kiro.withinTeams();
    assertThat(w.rateRatio()).isCloseTo(2.25, within(1e-9));
    double halfWidth = 1.959963984540054 * Math.sqrt(1.25);
    assertThat(w.ciLow()).isCloseTo(2.25 * Math.exp(-halfWidth), within(1e-9));
    assertThat(w.ciHigh()).isCloseTo(2.25 * Math.exp(halfWidth), within(1e-9));
    assertThat(w.teams()).isEqualTo(1);
    assertThat(w.dropped())
        .containsExactlyInAnyOrder(
            new WithinTeams.DroppedTeam("platform", WithinTeams.Reason.NO_BASELINE_EXPOSURE),
            new WithinTeams.DroppedTeam("data", WithinTeams.Reason.NO_TOOL_EXPOSURE));
  }

  @Test
  void within_one_leaf_team_the_ratio_is_that_teams_own() {
    Comparison platform =
        reliability.comparison(
            WithinTeamsOrganisation.RANGE, Scope.team(f.key("platform")), Exposure.CHANGES);
    ToolFigures kiro = platform.tool("kiro").orElseThrow();
    assertThat(kiro.withinTeams().rateRatio()).isCloseTo(3.0, within(1e-9)); // (6/300)/(2/300)
    assertThat(kiro.comparison().rateRatio()).isCloseTo(3.0, within(1e-9));
    assertThat(kiro.withinTeams().dropped()).isEmpty();
  }

  @Test
  void a_tool_without_incidents_in_the_teams_compared_has_no_ratio_within_teams() {
    Comparison c =
        reliability.comparison(
            WithinTeamsOrganisation.RANGE, Scope.team(f.key("parent")), Exposure.CHANGES);
    ToolFigures copilot = c.tool("copilot").orElseThrow();
    assertThat(copilot.comparison().verdict()).isEqualTo(Verdict.NO_DIFFERENCE); // 0 of 7
    WithinTeams w = copilot.withinTeams();
    assertThat(w.result().undefined()).isEqualTo(MantelHaenszel.Undefined.NO_TOOL_INCIDENTS);
    assertThat(w.defined()).isFalse();
    assertThat(w.rateRatio()).isNaN();
    assertThat(w.teams()).isEqualTo(1);
    assertThat(w.disagreesWith(copilot.comparison())).isFalse();
  }

  /**
   * Team "solo" above "big" (5 developers, 100 Kiro and 100 other changes, 2 Kiro incidents and 1
   * other) and "tiny" (2 developers, 50 changes without AI, 1 incident): tiny drops out. Team "mix"
   * above "trio" (3 developers, as big) and "quintet" (5 developers, Kiro changes only, so no
   * baseline): only trio compares, and it is a group below k.
   */
  private void smallTeams() {
    long solo = f.team("solo", null);
    long big = f.team("big", solo);
    long tiny = f.team("tiny", solo);
    long mix = f.team("mix", null);
    long trio = f.team("trio", mix);
    long quintet = f.team("quintet", mix);
    f.batch(
        () -> {
          for (long team : List.of(big, tiny, trio, quintet)) {
            int size = team == tiny ? 2 : team == trio ? 3 : 5;
            List<Long> devs = new java.util.ArrayList<>();
            for (int i = 0; i < size; i++) {
              devs.add(f.developer(team, java.time.LocalDate.of(2023, 1, 1), null, false));
            }
            if (team != tiny) {
              devs.forEach(d -> f.usage(d, "kiro", WithinTeamsOrganisation.W1, 1));
              f.changes(devs.get(0), WithinTeamsOrganisation.W1, "kiro", 100);
            }
            if (team != quintet) {
              f.changes(devs.get(0), WithinTeamsOrganisation.W1, "none", team == tiny ? 50 : 100);
            }
          }
        });
    for (long team : List.of(big, trio)) {
      f.incident(team, "assisted", "kiro", "SEV3", "2024-03-05T10:00:00Z", 30);
      f.incident(team, "assisted", "kiro", "SEV3", "2024-03-06T10:00:00Z", 30);
      f.incident(team, "none", null, "SEV3", "2024-03-07T10:00:00Z", 30);
    }
    f.incident(tiny, "none", null, "SEV3", "2024-03-07T10:00:00Z", 30);
  }

  @Test
  void an_admin_sees_a_small_team_left_out_by_name() {
    WithinTeams w =
        reliability
            .comparison(WithinTeamsOrganisation.RANGE, Scope.team(f.key("solo")), Exposure.CHANGES)
            .tool("kiro")
            .orElseThrow()
            .withinTeams();
    assertThat(w.dropped())
        .containsExactly(new WithinTeams.DroppedTeam("tiny", WithinTeams.Reason.NO_TOOL_EXPOSURE));
    assertThat(w.droppedUnnamed()).isZero();
    assertThat(w.rateRatio()).isCloseTo(2.0, within(1e-9)); // big alone: (2/100)/(1/100)
  }

  @Test
  @WithMockUser(username = "within-leader", roles = "LEADER")
  void a_leader_gets_a_small_team_left_out_counted_but_not_named() {
    WithinTeams w =
        reliability
            .comparison(WithinTeamsOrganisation.RANGE, Scope.team(f.key("solo")), Exposure.CHANGES)
            .tool("kiro")
            .orElseThrow()
            .withinTeams();
    assertThat(w.dropped()).isEmpty();
    assertThat(w.droppedUnnamed()).isEqualTo(1);
    assertThat(w.droppedTeams()).isEqualTo(1);
    assertThat(w.rateRatio()).isCloseTo(2.0, within(1e-9));
  }

  @Test
  @WithMockUser(username = "within-leader", roles = "LEADER")
  void a_leader_sees_no_ratio_within_teams_when_the_teams_compared_are_a_small_group() {
    ToolFigures kiro =
        reliability
            .comparison(WithinTeamsOrganisation.RANGE, Scope.team(f.key("mix")), Exposure.CHANGES)
            .tool("kiro")
            .orElseThrow();
    assertThat(kiro.suppressed()).isFalse(); // 8 Kiro developers in the scope
    assertThat(kiro.withinTeams().suppressed()).isTrue(); // but only trio's 3 compare
    assertThat(kiro.withinTeams().rateRatio()).isNaN();
  }
}

package dev.tandem.reliability.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tandem.base.IsoWeek;
import dev.tandem.base.Scope;
import dev.tandem.base.WeekRange;
import dev.tandem.reliability.Comparison;
import dev.tandem.reliability.Exposure;
import dev.tandem.reliability.GroupFigures;
import dev.tandem.reliability.ReliabilityFormat;
import dev.tandem.reliability.ToolFigures;
import dev.tandem.reliability.WithinTeams;
import dev.tandem.reliability.WithinTeams.DroppedTeam;
import dev.tandem.reliability.WithinTeams.Reason;
import dev.tandem.reliability.WithinTeamsFormat;
import dev.tandem.stats.MantelHaenszel;
import dev.tandem.stats.MantelHaenszel.Stratum;
import dev.tandem.stats.RateComparison;
import dev.tandem.stats.RateRatio;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** How the Reliability screen writes the comparison within teams (DESIGN §3.3). */
class WithinTeamsFormatTest {

  /**
   * Platform: 6 Kiro incidents over 300 changes, 2 over 300 without AI; web: 1 over 100, 4 over
   * 2,000; data: no Kiro, 1 over 500. Crude 7/400 against 7/2,800 = 7.0, exact CI 2.10–23.4
   * (higher); within teams 3.32, CI 0.862–12.79 (no evidence), data left out.
   */
  private static final List<Stratum> KIRO =
      List.of(new Stratum(6, 300, 2, 300), new Stratum(1, 100, 4, 2000), new Stratum(0, 0, 1, 500));

  @Test
  void when_crude_says_higher_and_within_teams_does_not_the_sentence_says_why() {
    ToolFigures kiro =
        tool(
            "Kiro",
            RateRatio.compare(7, 400, 7, 2800),
            within(KIRO, List.of(new DroppedTeam("data", Reason.NO_TOOL_EXPOSURE)), 0));
    assertThat(ReliabilityFormat.sentence(kiro, Exposure.CHANGES, 1))
        .isEqualTo(
            "Kiro: 7.0× the baseline rate, 95% CI 2.1–23; higher, and not likely to be chance."
                + " Crude 7.0× (2.1–23), within teams 3.3× (0.86–13): much of the difference comes"
                + " from which teams use Kiro."
                + " Fewer than 20 incidents in the comparison: unstable.");
    assertThat(WithinTeamsFormat.withinTeams(kiro.withinTeams())).isEqualTo("3.32 (0.86–12.79)");
  }

  @Test
  void when_both_agree_the_sentence_does_not_repeat_the_figures() {
    ToolFigures kiro =
        tool(
            "Kiro",
            RateRatio.compare(7, 400, 7, 2800),
            within(List.of(new Stratum(8, 200, 4, 400)), List.of(), 0)); // 4.0, 1.20–13.3
    assertThat(ReliabilityFormat.sentence(kiro, Exposure.CHANGES, 1)).doesNotContain("within");
  }

  @Test
  void when_within_teams_finds_a_difference_the_crude_figure_hides_it_says_that() {
    // Crude 7 vs 7 over 1,000 each: 1.0, SciPy exact CI 0.299–3.34 (no evidence); one team 8/200
    // vs 4/400: 4.0 (1.20–13.3).
    ToolFigures cursor =
        tool(
            "Cursor",
            RateRatio.compare(7, 1000, 7, 1000),
            within(List.of(new Stratum(8, 200, 4, 400)), List.of(), 0));
    assertThat(ReliabilityFormat.sentence(cursor, Exposure.CHANGES, 1))
        .contains(
            " Crude 1.0× (0.3–3.3), within teams 4.0× (1.2–13): within teams the rate is higher;"
                + " which teams use Cursor hides that in the crude figure.");
  }

  @Test
  void a_zero_sum_is_shown_as_undefined_and_the_reason_is_said() {
    WithinTeams w = within(List.of(new Stratum(0, 100, 4, 2000)), List.of(), 0);
    ToolFigures copilot = tool("GitHub Copilot", RateRatio.compare(0, 100, 7, 2800), w);
    assertThat(WithinTeamsFormat.withinTeams(w)).isEqualTo("undefined");
    assertThat(WithinTeamsFormat.withinTeamsReason(w, "GitHub Copilot"))
        .isEqualTo(
            "Undefined: no incident with GitHub Copilot in the teams compared (1 team compared).");
    assertThat(ReliabilityFormat.sentence(copilot, Exposure.CHANGES, 1)).doesNotContain("within");
  }

  @Test
  void the_details_name_the_teams_left_out_and_count_small_ones_without_naming_them() {
    ToolFigures kiro =
        tool(
            "Kiro",
            RateRatio.compare(7, 400, 7, 2800),
            new WithinTeams(
                MantelHaenszel.rateRatio(KIRO),
                List.of(
                    new DroppedTeam("data", Reason.NO_TOOL_EXPOSURE),
                    new DroppedTeam("billing", Reason.NO_TOOL_EXPOSURE),
                    new DroppedTeam("infra", Reason.NO_BASELINE_EXPOSURE)),
                2,
                3,
                false));
    assertThat(WithinTeamsDetails.line(kiro))
        .isEqualTo(
            "Kiro: 2 teams compared, 5 left out."
                + " Left out, no exposure with Kiro: billing, data."
                + " Left out, no exposure without AI: infra."
                + " 2 small teams left out, not named (too few developers to show)."
                + " 3 incidents have no owning team and count only in the crude comparison.");
  }

  @Test
  void the_forest_plot_draws_the_within_teams_interval_on_its_own_line_in_another_colour()
      throws Exception {
    ToolFigures kiro = tool("Kiro", RateRatio.compare(7, 400, 7, 2800), within(KIRO, List.of(), 0));
    ToolFigures copilot =
        tool(
            "GitHub Copilot",
            RateRatio.compare(0, 100, 7, 2800),
            within(List.of(new Stratum(0, 100, 4, 2000)), List.of(), 0));
    Comparison c =
        new Comparison(
            new WeekRange(IsoWeek.parse("2024-W10"), IsoWeek.parse("2024-W11")),
            Scope.ORGANISATION,
            Exposure.CHANGES,
            30,
            figures(7, 2800),
            null,
            List.of(kiro, copilot),
            2,
            0,
            0,
            false);
    JsonNode chart = new ObjectMapper().readTree(ReliabilityCharts.forest(c).toJson());
    assertThat(chart.get("yAxis").get("data").toString())
        .isEqualTo("[\"Kiro\",\"Kiro · within teams\",\"GitHub Copilot\"]");
    JsonNode crude = chart.get("series").get(0);
    JsonNode within = chart.get("series").get(1);
    assertThat(crude.get("name").asText()).isEqualTo("Crude");
    assertThat(within.get("name").asText()).isEqualTo("Within teams");
    assertThat(within.get("color").asText()).isEqualTo(ReliabilityCharts.WITHIN_TEAMS_COLOR);
    assertThat(crude.get("data")).hasSize(2);
    // Copilot's ratio within teams is undefined: no second line for it.
    assertThat(within.get("data")).hasSize(1);
    assertThat(within.get("data").get(0).get(1).asDouble())
        .isEqualTo(3.32, org.assertj.core.api.Assertions.within(1e-9));
    assertThat(within.get("data").get(0).get(3).asText()).isEqualTo("Kiro · within teams");
  }

  @Test
  void the_csv_export_carries_the_ratio_within_teams_and_the_teams_compared_and_left_out() {
    ToolFigures kiro =
        tool(
            "Kiro",
            RateRatio.compare(7, 400, 7, 2800),
            within(KIRO, List.of(new DroppedTeam("data", Reason.NO_TOOL_EXPOSURE)), 0));
    ComparisonGrid grid = new ComparisonGrid();
    grid.show(
        new Comparison(
            new WeekRange(IsoWeek.parse("2024-W10"), IsoWeek.parse("2024-W11")),
            Scope.ORGANISATION,
            Exposure.CHANGES,
            30,
            figures(7, 2800),
            null,
            List.of(kiro),
            1,
            0,
            0,
            false));
    List<String> header = ComparisonGrid.CSV_HEADER;
    List<String> row = grid.csvRows().get(1);
    assertThat(row.get(0)).isEqualTo("Kiro");
    assertThat(Double.parseDouble(row.get(header.indexOf("rate_ratio_within_teams"))))
        .isEqualTo(3.32, org.assertj.core.api.Assertions.within(1e-9));
    assertThat(Double.parseDouble(row.get(header.indexOf("ci_low_within_teams"))))
        .isEqualTo(0.862, org.assertj.core.api.Assertions.within(0.0005));
    assertThat(row.get(header.indexOf("teams_compared"))).isEqualTo("2");
    assertThat(row.get(header.indexOf("teams_left_out"))).isEqualTo("1");
    assertThat(grid.csvRows().get(0).get(header.indexOf("rate_ratio_within_teams"))).isEmpty();
  }

  private static WithinTeams within(List<Stratum> strata, List<DroppedTeam> dropped, int unnamed) {
    return new WithinTeams(MantelHaenszel.rateRatio(strata), dropped, unnamed, 0, false);
  }

  private static GroupFigures figures(long incidents, long exposure) {
    return new GroupFigures(
        incidents, exposure, Exposure.CHANGES.rate(incidents, exposure), Map.of(), null, 0);
  }

  private static ToolFigures tool(String name, RateComparison c, WithinTeams within) {
    return new ToolFigures(
        name.toLowerCase(),
        name,
        figures(0, 0),
        0,
        Double.NaN,
        Double.NaN,
        0,
        c,
        Double.NaN,
        c.verdict(),
        false,
        within);
  }
}

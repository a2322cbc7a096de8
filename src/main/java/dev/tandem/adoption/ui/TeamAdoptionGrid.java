package dev.tandem.adoption.ui;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.data.renderer.LitRenderer;
import com.vaadin.flow.theme.lumo.LumoUtility;
import dev.tandem.adoption.TeamAdoption;
import dev.tandem.base.Ratio;
import dev.tandem.base.ui.CsvExport;
import dev.tandem.base.ui.Sparkline;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.IntSupplier;

/**
 * The Adoption screen's team table and its CSV export: the answer first (who is below goal, by how
 * much, until when), the detail after it; a click opens the team.
 */
class TeamAdoptionGrid extends Grid<TeamAdoption> {

  /** Up to this many teams the table shows in full, beyond it it scrolls. */
  private final int allRowsUpTo;

  private final IntSupplier minGroupSize;

  TeamAdoptionGrid(
      double goal, IntSupplier minGroupSize, int allRowsUpTo, Consumer<String> openTeam) {
    this.minGroupSize = minGroupSize;
    this.allRowsUpTo = allRowsUpTo;
    setId("team-adoption");
    addColumn(TeamAdoption::teamName)
        .setHeader("Team")
        .setAutoWidth(true)
        .setFlexGrow(1)
        .setFrozen(true);
    // Templates rendered in the browser from a few values per row, not a server-side component per
    // cell: at 50 rows a page that was five component trees per row (about 200 KB of the screen's
    // first response at 20,000 developers).
    addColumn(ratio(TeamAdoption::thisWeek)).setHeader("This week").setAutoWidth(true);
    addColumn(
            LitRenderer.<TeamAdoption>of("<span theme=${item.theme}>${item.status}</span>")
                .withProperty("status", t -> t.status().label())
                .withProperty("theme", t -> AdoptionCards.badgeTheme(t.status())))
        .setHeader("Status")
        .setAutoWidth(true);
    addColumn(t -> AdoptionCards.gap(t.pointsBelowGoal()))
        .setHeader("Below goal by")
        .setAutoWidth(true);
    addColumn(AdoptionCards::teamForecast).setHeader("Reaches goal").setAutoWidth(true);
    addColumn(ratio(TeamAdoption::pooled4Weeks)).setHeader("4 weeks, pooled").setAutoWidth(true);
    addColumn(ratio(TeamAdoption::agentPooled4Weeks))
        .setHeader("Agent use, 4 weeks")
        .setAutoWidth(true);
    addColumn(
            LitRenderer.<TeamAdoption>of("<span .innerHTML=${item.svg}></span>")
                .withProperty(
                    "svg", t -> Sparkline.svg(t.trend().stream().map(Ratio::value).toList(), goal)))
        .setHeader("12 weeks")
        .setAutoWidth(true);
    addItemClickListener(e -> openTeam.accept(e.getItem().teamKey()));
    setEmptyStateText("No teams in this scope.");
  }

  /**
   * Shows the rows; a large organisation has hundreds of lowest-level teams: beyond a screenful the
   * grid scrolls (and renders only the rows in view).
   */
  void show(List<TeamAdoption> rows) {
    boolean allRows = rows.size() <= allRowsUpTo;
    setAllRowsVisible(allRows);
    setHeight(allRows ? null : "32rem");
    setItems(rows);
  }

  /**
   * A ratio's percentage with its fraction as the tooltip; for a group below the minimum size
   * "fewer than k" in the secondary colour, and no tooltip.
   */
  private LitRenderer<TeamAdoption> ratio(Function<TeamAdoption, Ratio> figure) {
    return LitRenderer.<TeamAdoption>of(
            "<span class=${item.hidden ? '"
                + LumoUtility.TextColor.SECONDARY
                + "' : ''} title=${item.title}>${item.text}</span>")
        .withProperty("hidden", TeamAdoption::suppressed)
        .withProperty(
            "text",
            t ->
                t.suppressed()
                    ? AdoptionCards.fewerThan(minGroupSize.getAsInt())
                    : figure.apply(t).percent())
        .withProperty(
            "title", t -> t.suppressed() ? "" : figure.apply(t).fraction() + " developers");
  }

  /** The rows as the {@code adoption-by-team.csv} export; hidden figures read "fewer than k". */
  static ByteArrayInputStream csv(List<TeamAdoption> teams, int minGroupSize) {
    String hidden = AdoptionCards.fewerThan(minGroupSize);
    List<List<String>> rows =
        teams.stream()
            .map(
                t ->
                    t.suppressed()
                        ? List.of(
                            t.teamKey(),
                            t.teamName(),
                            hidden,
                            hidden,
                            hidden,
                            hidden,
                            hidden,
                            hidden,
                            hidden,
                            hidden,
                            hidden,
                            hidden,
                            t.status().label())
                        : List.of(
                            t.teamKey(),
                            t.teamName(),
                            Objects.toString(t.thisWeek().numerator()),
                            Objects.toString(t.thisWeek().denominator()),
                            t.thisWeek().percent(),
                            Objects.toString(t.pooled4Weeks().numerator()),
                            Objects.toString(t.pooled4Weeks().denominator()),
                            t.pooled4Weeks().percent(),
                            Objects.toString(t.agentPooled4Weeks().numerator()),
                            t.agentPooled4Weeks().percent(),
                            AdoptionCards.gap(t.pointsBelowGoal()),
                            AdoptionCards.teamForecast(t),
                            t.status().label()))
            .toList();
    String csv =
        CsvExport.toCsv(
            List.of(
                "team",
                "name",
                "ai_users",
                "headcount",
                "adoption",
                "ai_user_weeks_4w",
                "developer_weeks_4w",
                "adoption_4w_pooled",
                "agent_user_weeks_4w",
                "agent_adoption_4w_pooled",
                "points_below_goal",
                "reaches_goal",
                "status"),
            rows);
    return new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8));
  }
}

package dev.tandem.adoption.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.router.QueryParameters;
import dev.tandem.adoption.TeamAdoption;
import dev.tandem.ui.KaribuSupport;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.ActiveProfiles;

/**
 * "Which teams are below goal?" at the organisation scope of the demo organisation (Engineering →
 * Platform, Commerce, Data → 4 teams each): the team table answers it without drilling down.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("demo")
class AdoptionTeamTableIT {

  private static final List<String> LEAF_TEAMS =
      List.of(
          "Infrastructure",
          "Observability",
          "Developer experience",
          "Security",
          "Payments",
          "Checkout",
          "Catalog",
          "Search",
          "Analytics",
          "Machine learning",
          "Pipelines",
          "Billing");

  @Autowired ApplicationContext context;

  @BeforeEach
  void setUp() {
    KaribuSupport.setUp(context);
  }

  @AfterEach
  void tearDown() {
    KaribuSupport.tearDown();
  }

  @Test
  void a_leader_at_the_organisation_scope_sees_every_lowest_level_team_lowest_adoption_first() {
    KaribuSupport.signIn("leader", "LEADER");
    UI.getCurrent().navigate("adoption");

    List<TeamAdoption> rows = teamRows();
    assertThat(rows)
        .extracting(TeamAdoption::teamName)
        // Other tests sharing this demo database may add teams of their own.
        .containsAll(LEAF_TEAMS)
        .doesNotContain("Engineering", "Platform", "Commerce", "Data");
    // Rows without a figure (small teams other tests may add) come last.
    List<Double> values =
        rows.stream().map(t -> t.suppressed() ? null : t.thisWeek().value()).toList();
    int withFigures = (int) values.stream().filter(java.util.Objects::nonNull).count();
    assertThat(values.subList(0, withFigures))
        .doesNotContainNull()
        .isSortedAccordingTo(Double::compare);
    // Teams below goal come before every team at goal, each with its gap in points.
    int firstAtGoal =
        rows.indexOf(
            rows.stream()
                .filter(t -> t.status() == TeamAdoption.Status.AT_GOAL)
                .findFirst()
                .orElse(null));
    assertThat(rows.subList(0, firstAtGoal < 0 ? rows.size() : firstAtGoal))
        .isNotEmpty()
        .allSatisfy(t -> assertThat(t.pointsBelowGoal()).isPositive());
    TeamAdoption lowest = rows.get(0);
    assertThat(lowest.pointsBelowGoal())
        .isCloseTo(
            (0.80 - lowest.thisWeek().value()) * 100, org.assertj.core.data.Offset.offset(1e-9));
  }

  @Test
  void one_level_down_from_the_organisation_skips_its_single_top_level_team() {
    KaribuSupport.signIn("leader", "LEADER");
    UI.getCurrent()
        .navigate(
            AdoptionView.class, new QueryParameters(Map.of("teams", List.of("one-level-down"))));

    assertThat(teamRows())
        .extracting(TeamAdoption::teamName)
        .contains("Platform", "Commerce", "Data")
        .doesNotContain("Engineering", "Payments", "Analytics");
  }

  @Test
  void the_adoption_screen_names_tools_and_teams_where_it_used_to_show_their_keys() {
    KaribuSupport.signIn("leader", "LEADER");
    UI.getCurrent().navigate("adoption");

    String trend =
        _get(dev.tandem.base.ui.chart.EChart.class, spec -> spec.withId("adoption-trend"))
            .optionJson();
    assertThat(trend)
        .contains("\"Reach: Claude Code\"", "\"Reach: GitHub Copilot\"")
        .doesNotContain("Reach: claude-code", "Reach: copilot");
    @SuppressWarnings("unchecked")
    com.vaadin.flow.component.combobox.ComboBox<dev.tandem.base.ui.ScopeRangePicker.ScopeOption>
        scope =
            _get(
                com.vaadin.flow.component.combobox.ComboBox.class,
                spec -> spec.withId("scope-picker"));
    assertThat(scope.getListDataView().getItems().map(o -> scope.getItemLabelGenerator().apply(o)))
        .contains(
            "Whole organisation", "Engineering", "Commerce (Engineering)", "Payments (Commerce)")
        .noneMatch(label -> label.contains("/"));
  }

  @SuppressWarnings("unchecked")
  private static List<TeamAdoption> teamRows() {
    Grid<TeamAdoption> grid = _get(Grid.class, spec -> spec.withId("team-adoption"));
    return grid.getListDataView().getItems().toList();
  }
}

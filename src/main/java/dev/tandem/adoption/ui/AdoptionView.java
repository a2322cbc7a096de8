package dev.tandem.adoption.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteAlias;
import com.vaadin.flow.server.StreamResource;
import com.vaadin.flow.theme.lumo.LumoUtility;
import dev.tandem.adoption.AdoptionReport;
import dev.tandem.adoption.AdoptionService;
import dev.tandem.adoption.InactiveDevelopers;
import dev.tandem.base.IsoWeek;
import dev.tandem.base.Scope;
import dev.tandem.base.ui.CsvExport;
import dev.tandem.base.ui.ScopeRangePicker;
import dev.tandem.base.ui.ScopeRangePicker.ScopeOption;
import dev.tandem.base.ui.ScopeRangePicker.Selection;
import dev.tandem.base.ui.chart.EChart;
import dev.tandem.roster.RosterService;
import dev.tandem.tools.Tool;
import dev.tandem.tools.ToolService;
import jakarta.annotation.security.PermitAll;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * The home screen: did at least 80% of my developers use AI for coding this week, who did not, and
 * when do we get there?
 */
@Route("adoption")
@RouteAlias("")
@PageTitle("Adoption · Tandem")
@Menu(title = "Adoption", order = 1, icon = "vaadin:trending-up")
@PermitAll
public class AdoptionView extends VerticalLayout implements BeforeEnterObserver {

  private final AdoptionService adoption;
  private final ScopeRangePicker picker;
  private final Div kpis = new Div();
  private final EChart trend =
      new EChart("Adoption and reach per tool over time, with the goal line");
  private final EChart cohorts = new EChart("AI user-weeks by intensity");
  private final TeamAdoptionGrid teams;
  private final InactiveDevelopersGrid inactive;
  private final VerticalLayout inactiveSection = new VerticalLayout();
  private final H2 inactiveTitle = new H2();
  private final RadioButtonGroup<AdoptionService.TeamRows> teamRows = new RadioButtonGroup<>();
  private Selection selection;
  private final java.util.Map<String, String> toolNames;
  private final java.util.Map<String, String> teamNames;

  /** The URL parameter of the team table's rows: absent = lowest-level teams. */
  static final String TEAMS_PARAMETER = "teams";

  static final String ONE_LEVEL_DOWN = "one-level-down";

  /**
   * Up to this many rows (teams, developers without AI use) a list shows in full, beyond it it
   * scrolls.
   */
  private static final int ALL_ROWS_UP_TO = 15;

  AdoptionView(AdoptionService adoption, RosterService roster, ToolService tools) {
    this.adoption = adoption;
    this.toolNames =
        tools.tools().stream()
            .collect(java.util.stream.Collectors.toMap(Tool::key, Tool::name, (a, b) -> a));
    addClassName("tandem-page");
    setWidthFull();
    List<ScopeOption> scopes = new ArrayList<>();
    scopes.add(new ScopeOption(Scope.ORGANISATION, "Whole organisation"));
    java.util.Map<Long, String> labels = roster.labels();
    teamNames = new java.util.HashMap<>();
    adoption
        .teamsWithAggregates()
        .forEach(
            t -> {
              scopes.add(new ScopeOption(Scope.team(t.key()), labels.get(t.id())));
              teamNames.put(t.key(), t.name());
            });
    picker = new ScopeRangePicker(scopes, adoption.period(), this::navigate);

    Paragraph explainer =
        new Paragraph(
            "Adoption = developers in headcount who used any AI coding tool on at least one day of "
                + "the week ÷ headcount. Ranges are pooled over developer-weeks, never averaged. ");
    explainer.addClassName("tandem-explainer");
    Button how =
        new Button("How is this computed?", e -> HowComputed.adoption(adoption.goal()).open());
    how.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE);
    how.setId("how-computed");
    explainer.add(how);

    Anchor export =
        new Anchor(new StreamResource("adoption-by-team.csv", this::teamCsv), "Export CSV");
    export.getElement().setAttribute("download", true);
    HorizontalLayout toolbar = new HorizontalLayout(picker, export);
    toolbar.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
    toolbar.setWrap(true);
    toolbar.setWidthFull();

    kpis.setId("adoption-kpis");
    kpis.addClassName("tandem-card-row");
    trend.setId("adoption-trend");
    cohorts.setId("adoption-cohorts");
    cohorts.setHeight("260px");
    teams =
        new TeamAdoptionGrid(
            adoption.goal(),
            adoption::minGroupSize,
            ALL_ROWS_UP_TO,
            team -> navigate(new Selection(Scope.team(team), selection.range())));
    inactive = new InactiveDevelopersGrid(teamNames, ALL_ROWS_UP_TO);

    teamRows.setId("team-rows");
    teamRows.setAriaLabel("Which teams");
    teamRows.setItems(AdoptionService.TeamRows.values());
    teamRows.setItemLabelGenerator(
        r ->
            r == AdoptionService.TeamRows.LEAVES
                ? "Lowest-level teams, furthest below goal first"
                : "One level down");
    teamRows.setValue(AdoptionService.TeamRows.LEAVES);
    teamRows.addValueChangeListener(
        e -> {
          if (e.isFromClient()) {
            navigate(selection);
          }
        });
    VerticalLayout teamSection = section("Teams", teamRows, teams);
    FlexLayout middle =
        new FlexLayout(
            // The whole width: the table has eight columns, and it is the screen's main answer.
            flexible(teamSection, "1 1 100%"),
            flexible(section("Intensity of AI use", cohorts), "1 1 28rem"));
    middle.setWidthFull();
    middle.setFlexWrap(FlexLayout.FlexWrap.WRAP);
    middle.addClassName(LumoUtility.Gap.MEDIUM);
    inactiveSection.setPadding(false);
    inactiveSection.add(
        inactiveTitle,
        CsvExport.link(
            "without-ai-use.csv",
            List.of("name", "email", "team", "last_ai_week"),
            () ->
                adoption.withoutAiUse(selection.scope(), selection.range().to()).stream()
                    .map(
                        d ->
                            List.of(
                                d.name(),
                                d.email(),
                                d.teamKey(),
                                d.lastAiWeek() == null
                                    ? "never"
                                    : IsoWeek.starting(d.lastAiWeek()).toString()))
                    .toList()),
        inactive);
    add(
        new H1("Adoption"),
        explainer,
        toolbar,
        kpis,
        section("Trend", trend),
        middle,
        inactiveSection);
  }

  @Override
  public void beforeEnter(BeforeEnterEvent event) {
    selection =
        Selection.from(
            event.getLocation().getQueryParameters(), adoption.period(), adoption.defaultScope());
    teamRows.setValue(
        event
                .getLocation()
                .getQueryParameters()
                .getParameters()
                .getOrDefault(TEAMS_PARAMETER, List.of())
                .contains(ONE_LEVEL_DOWN)
            ? AdoptionService.TeamRows.CHILDREN
            : AdoptionService.TeamRows.LEAVES);
    picker.show(selection);
    refresh();
  }

  private void navigate(Selection next) {
    QueryParameters query = next.toQueryParameters();
    if (teamRows.getValue() == AdoptionService.TeamRows.CHILDREN) {
      query = query.merging(TEAMS_PARAMETER, ONE_LEVEL_DOWN);
    }
    QueryParameters target = query;
    getUI().ifPresent(ui -> ui.navigate(AdoptionView.class, target));
  }

  private void refresh() {
    AdoptionService.Screen screen =
        adoption.screen(selection.scope(), selection.range(), teamRows.getValue());
    AdoptionReport report = screen.report();
    Integer streak = screen.streak();
    int k = adoption.minGroupSize();
    kpis.removeAll();
    kpis.add(
        AdoptionCards.thisWeek(report, streak, k),
        AdoptionCards.period(report, k),
        AdoptionCards.agents(report, k, toolNames),
        AdoptionCards.forecast(report, scopeName()));
    if (report.dataQuality().unmatchedUsageRows() + report.dataQuality().usageOutsideHeadcount()
        > 0) {
      kpis.add(AdoptionCards.dataQuality(report.dataQuality()));
    }
    trend.show(AdoptionCharts.trend(report, toolNames));
    cohorts.show(AdoptionCharts.cohorts(screen.cohorts()));
    teams.show(screen.teams());
    inactiveSection.setVisible(screen.individuals());
    if (screen.individuals()) {
      showInactive(screen.inactive());
    } else {
      inactive.setItems(List.of());
    }
  }

  /**
   * The developers without AI use: the first rows came with the screen's snapshot, further pages
   * are fetched as the grid scrolls (a whole organisation's list can run to thousands).
   */
  private void showInactive(InactiveDevelopers first) {
    int count = first.total();
    inactiveTitle.setText(
        "Developers without AI use in the last 4 weeks"
            + (count > 0 ? " (" + String.format("%,d", count) + ")" : ""));
    Scope scope = selection.scope();
    IsoWeek asOf = selection.range().to();
    inactive.show(
        first, (offset, limit) -> adoption.withoutAiUse(scope, asOf, offset, limit).rows());
  }

  /** "the organisation" or the team's name, for sentences. */
  private String scopeName() {
    return selection
        .scope()
        .teamKey()
        .map(key -> teamNames.getOrDefault(key, key))
        .orElse("the organisation");
  }

  private static VerticalLayout section(
      String title, com.vaadin.flow.component.Component... content) {
    VerticalLayout box = new VerticalLayout(new H2(title));
    box.add(content);
    box.addClassName("tandem-card");
    box.setPadding(true);
    return box;
  }

  private static VerticalLayout flexible(VerticalLayout box, String flex) {
    box.getStyle().set("flex", flex).set("min-width", "0");
    return box;
  }

  private ByteArrayInputStream teamCsv() {
    return TeamAdoptionGrid.csv(
        adoption.teamAdoption(selection.scope(), selection.range().to(), teamRows.getValue()),
        adoption.minGroupSize());
  }
}

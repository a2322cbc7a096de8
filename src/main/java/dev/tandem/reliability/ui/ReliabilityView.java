package dev.tandem.reliability.ui;

import static dev.tandem.reliability.ui.ReliabilityLayout.chart;
import static dev.tandem.reliability.ui.ReliabilityLayout.clickHint;
import static dev.tandem.reliability.ui.ReliabilityLayout.formula;
import static dev.tandem.reliability.ui.ReliabilityLayout.fullWidth;
import static dev.tandem.reliability.ui.ReliabilityLayout.row;
import static dev.tandem.reliability.ui.ReliabilityLayout.section;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.Location;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.theme.lumo.LumoUtility;
import dev.tandem.base.ConsistentRead;
import dev.tandem.base.RootCause;
import dev.tandem.base.Scope;
import dev.tandem.base.Vocabulary;
import dev.tandem.base.ui.CsvExport;
import dev.tandem.base.ui.ScopeRangePicker;
import dev.tandem.base.ui.ScopeRangePicker.ScopeOption;
import dev.tandem.base.ui.ScopeRangePicker.Selection;
import dev.tandem.base.ui.chart.EChart;
import dev.tandem.reliability.CausesAndSafeguards;
import dev.tandem.reliability.Comparison;
import dev.tandem.reliability.Exposure;
import dev.tandem.reliability.RateWindow;
import dev.tandem.reliability.ReliabilityFormat;
import dev.tandem.reliability.ReliabilityService;
import dev.tandem.roster.RosterService;
import dev.tandem.roster.Team;
import dev.tandem.security.CurrentUser;
import dev.tandem.security.Role;
import jakarta.annotation.security.PermitAll;
import java.util.List;
import java.util.Map;

/**
 * Leadership's question: are incidents more common with AI-assisted work, per tool, and is the
 * difference real or noise? Everything on it comes from {@link ReliabilityService}.
 */
@Route("reliability")
@PageTitle("Reliability · Tandem")
@Menu(title = "Reliability", order = 2, icon = "vaadin:shield")
@PermitAll
public class ReliabilityView extends VerticalLayout implements BeforeEnterObserver {

  private final ReliabilityService reliability;
  private final ConsistentRead consistent;

  /** The screen's figures, read from one snapshot. */
  private record Figures(
      Comparison comparison, List<RateWindow> overTime, CausesAndSafeguards causes) {}

  private final ScopeRangePicker scope;

  /** The picked team (null: the organisation) and weeks. */
  private Selection selection;

  private final java.util.Set<Scope> offered = new java.util.HashSet<>();
  private final RadioButtonGroup<Exposure> exposure = new RadioButtonGroup<>("Exposure");
  private final Paragraph unclassified = new Paragraph();
  private final Anchor triage = new Anchor("incidents/triage", "Triage them");
  private final Div sentences = new Div();
  private final ComparisonGrid grid = new ComparisonGrid();
  private final WithinTeamsDetails withinTeams = new WithinTeamsDetails();
  private final EChart forest =
      chart("forest-plot", "Rate ratio per tool with 95% confidence interval");
  private final EChart bubble = chart("bubble-chart", "Reach against incident rate per tool");
  private final EChart overTime =
      chart("over-time", "AI-involved and baseline incident rate over time");
  private final EChart rootCauses = chart("root-causes", "Root causes, AI-involved versus other");
  private final SafeguardsPanel safeguards = new SafeguardsPanel();
  private Exposure requestedExposure;
  private boolean quiet;

  /** The shown comparison's incident links, and its tools' keys by the names the charts show. */
  private IncidentLinks links;

  private final Map<String, String> toolKeys = new java.util.HashMap<>();

  ReliabilityView(ReliabilityService reliability, ConsistentRead consistent, RosterService roster) {
    this.reliability = reliability;
    this.consistent = consistent;
    addClassName("tandem-page");
    List<ScopeOption> scopes = new java.util.ArrayList<>();
    scopes.add(new ScopeOption(Scope.ORGANISATION, "Whole organisation"));
    Map<Long, String> labels = roster.labels();
    for (Team t : reliability.teamsWithAggregates()) {
      scopes.add(new ScopeOption(Scope.team(t.key()), labels.get(t.id())));
      offered.add(Scope.team(t.key()));
    }
    this.scope = new ScopeRangePicker(scopes, reliability.period(), this::changed);
    Paragraph explainer =
        new Paragraph(
            "Incidents per 1,000 changes (or per 100 developer-weeks) for work done with each AI tool,"
                + " against work done without AI, with exact 95% confidence intervals.");
    explainer.addClassName("tandem-explainer");
    Details formula = new Details("How is this computed?", formula());

    exposure.setId("exposure");
    exposure.setItems(Exposure.values());
    exposure.setItemLabelGenerator(e -> e == Exposure.CHANGES ? "Changes" : "Developer-weeks");
    exposure.addValueChangeListener(
        e -> {
          if (!quiet && e.isFromClient()
              || !quiet && e.getValue() != null && e.getOldValue() != null) {
            requestedExposure = e.getValue();
            changed();
          }
        });
    // A dot, an interval or a bar opens the incidents it counts (the table's tool names are the
    // same links for the keyboard).
    bubble.addClickListener(e -> openTool(e.seriesId()));
    forest.addClickListener(e -> openTool(toolKeys.get(e.name())));
    rootCauses.addClickListener(
        e -> {
          if (Vocabulary.fromStored(RootCause.class, e.name()).isPresent()) {
            open(
                links.with(
                    e.seriesIndex() == 0 ? IncidentLinks.AI_INVOLVED : IncidentLinks.NO_AI,
                    null,
                    null,
                    e.name()));
          }
        });
    HorizontalLayout controls = new HorizontalLayout(scope, exposure);
    controls.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
    controls.setWrap(true);

    unclassified.setId("unclassified");
    triage.setVisible(CurrentUser.hasRole(Role.ADMIN));
    sentences.setId("sentences");

    add(
        new H1("Reliability"),
        explainer,
        formula,
        controls,
        new HorizontalLayout(unclassified, triage),
        sentences,
        safeguards.headline,
        CsvExport.link("reliability.csv", ComparisonGrid.CSV_HEADER, grid::csvRows),
        grid,
        withinTeams,
        row(
            section("Rate ratio against no AI", clickHint(forest, "an interval")),
            section("Adoption against rate", clickHint(bubble, "a dot"))),
        section("Over time (4-week windows)", overTime),
        section(
            "Safeguard gaps: AI-involved, agent-executed and per tool",
            fullWidth(new Div(safeguards.export, safeguards.table))),
        section("Root causes", clickHint(rootCauses, "a bar")));
  }

  @Override
  public void beforeEnter(BeforeEnterEvent event) {
    QueryParameters params = event.getLocation().getQueryParameters();
    Selection asked = Selection.from(params, reliability.period(), Scope.ORGANISATION);
    // A team the user may not see, or does not exist, opens the organisation.
    selection =
        offered.contains(asked.scope()) ? asked : new Selection(Scope.ORGANISATION, asked.range());
    scope.show(selection);
    requestedExposure =
        params
            .getSingleParameter("exposure")
            .flatMap(
                key ->
                    java.util.Arrays.stream(Exposure.values())
                        .filter(e -> e.key().equals(key))
                        .findFirst())
            .orElse(null);
    refresh();
  }

  private void changed(Selection next) {
    selection = next;
    changed();
  }

  private void changed() {
    refresh();
    QueryParameters p = selection.toQueryParameters();
    if (requestedExposure != null) {
      p = p.merging("exposure", requestedExposure.key());
    }
    UI.getCurrent().getPage().getHistory().replaceState(null, new Location("reliability", p));
  }

  private void refresh() {
    Figures figures =
        consistent.read(
            () -> {
              Comparison read =
                  reliability.comparison(selection.range(), selection.scope(), requestedExposure);
              return read.suppressed()
                  ? new Figures(read, List.of(), null)
                  : new Figures(
                      read,
                      reliability.overTime(selection.range(), selection.scope(), read.exposure()),
                      reliability.causesAndSafeguards(selection.range(), selection.scope()));
            });
    Comparison c = figures.comparison();
    quiet = true;
    exposure.setValue(c.exposure());
    quiet = false;
    List.of(
            grid,
            withinTeams,
            forest,
            bubble,
            overTime,
            rootCauses,
            safeguards.headline,
            safeguards.table,
            safeguards.export)
        .forEach(part -> part.setVisible(!c.suppressed()));
    if (c.suppressed()) {
      sentences.removeAll();
      triage.setVisible(false);
      unclassified.setText(
          "Fewer than "
              + reliability.minGroupSize()
              + " developers in this scope: reliability figures are not "
              + "shown, so that no individual's incidents can be told apart.");
      return;
    }
    long n = c.unclassifiedIncidents();
    unclassified.setText(ReliabilityFormat.dataQuality(c));
    triage.setVisible(n > 0 && CurrentUser.hasRole(Role.ADMIN));
    sentences.removeAll();
    if (c.allAi() != null) {
      Paragraph first = new Paragraph(ReliabilityFormat.sentence(c.allAi(), c.exposure(), 1));
      first.setId("all-ai-sentence");
      first.addClassName(LumoUtility.FontWeight.SEMIBOLD);
      sentences.add(first);
    }
    c.tools()
        .forEach(
            t ->
                sentences.add(
                    new Paragraph(ReliabilityFormat.sentence(t, c.exposure(), c.comparedTools()))));
    links = new IncidentLinks(selection.range(), selection.scope());
    toolKeys.clear();
    java.util.stream.Stream.concat(
            java.util.stream.Stream.ofNullable(c.allAi()), c.tools().stream())
        .filter(t -> !t.suppressed())
        .forEach(
            t -> {
              toolKeys.put(t.name(), t.tool());
              toolKeys.put(ReliabilityCharts.withinTeamsLabel(t), t.tool());
            });
    grid.show(c);
    withinTeams.show(c);
    forest.show(ReliabilityCharts.forest(c));
    bubble.show(ReliabilityCharts.bubble(c));
    overTime.show(ReliabilityCharts.overTime(figures.overTime(), c));
    CausesAndSafeguards cs = figures.causes();
    rootCauses.show(ReliabilityCharts.rootCauses(cs));
    safeguards.show(cs, selection.range(), selection.scope());
  }

  /** The AI-involved incidents of a tool (all AI tools together: every AI-involved one). */
  private void openTool(String key) {
    if (key == null || key.isEmpty() || links == null) {
      return;
    }
    open(links.of(IncidentLinks.AI_INVOLVED, ReliabilityService.ALL_AI.equals(key) ? null : key));
  }

  private void open(String href) {
    Location location = new Location(href);
    UI.getCurrent().navigate(location.getPath(), location.getQueryParameters());
  }
}

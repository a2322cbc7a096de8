package dev.tandem.reliability.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.details.Details;
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
import com.vaadin.flow.router.Location;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.theme.lumo.LumoUtility;
import dev.tandem.base.ConsistentRead;
import dev.tandem.base.RootCause;
import dev.tandem.base.Vocabulary;
import dev.tandem.base.ui.CsvExport;
import dev.tandem.base.ui.chart.EChart;
import dev.tandem.reliability.CausesAndSafeguards;
import dev.tandem.reliability.Comparison;
import dev.tandem.reliability.Exposure;
import dev.tandem.reliability.RateWindow;
import dev.tandem.reliability.ReliabilityFormat;
import dev.tandem.reliability.ReliabilityService;
import dev.tandem.security.CurrentUser;
import dev.tandem.security.Role;
import dev.tandem.stats.RateRatio;
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

  private final ScopePicker scope;
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

  ReliabilityView(ReliabilityService reliability, ConsistentRead consistent) {
    this.reliability = reliability;
    this.consistent = consistent;
    addClassName("tandem-page");
    this.scope =
        new ScopePicker(reliability.teamsWithAggregates(), reliability.period(), this::changed);
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
    scope.read(params);
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

  private void changed() {
    refresh();
    Map<String, String> p = new java.util.LinkedHashMap<>(scope.parameters());
    if (requestedExposure != null) {
      p.put("exposure", requestedExposure.key());
    }
    UI.getCurrent()
        .getPage()
        .getHistory()
        .replaceState(null, new Location("reliability", QueryParameters.simple(p)));
  }

  private void refresh() {
    Figures figures =
        consistent.read(
            () -> {
              Comparison read =
                  reliability.comparison(scope.range(), scope.teamKey(), requestedExposure);
              return read.suppressed()
                  ? new Figures(read, List.of(), null)
                  : new Figures(
                      read,
                      reliability.overTime(scope.range(), scope.teamKey(), read.exposure()),
                      reliability.causesAndSafeguards(scope.range(), scope.teamKey()));
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
    links = new IncidentLinks(scope.range(), scope.teamKey());
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
    safeguards.show(cs, scope.range(), scope.teamKey());
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

  /** A chart with the sentence that clicking its marks lists their incidents. */
  private static VerticalLayout clickHint(EChart chart, String mark) {
    Paragraph hint = new Paragraph("Click " + mark + " to list those incidents.");
    hint.addClassName("tandem-explainer");
    VerticalLayout box = new VerticalLayout(chart, hint);
    box.setPadding(false);
    box.setSpacing(false);
    return box;
  }

  private static Div fullWidth(Div div) {
    div.setWidthFull();
    return div;
  }

  private static EChart chart(String id, String label) {
    EChart chart = new EChart(label);
    chart.setId(id);
    return chart;
  }

  private static VerticalLayout section(String title, com.vaadin.flow.component.Component body) {
    VerticalLayout section = new VerticalLayout(new H2(title), body);
    section.setPadding(false);
    return section;
  }

  /**
   * Two sections side by side, each at least 28rem wide, wrapping below each other when narrower
   * (the basis applies only here: in the page's column it was a 28rem height, a blank gap).
   */
  private static FlexLayout row(VerticalLayout left, VerticalLayout right) {
    for (VerticalLayout side : List.of(left, right)) {
      side.addClassName("tandem-half");
    }
    FlexLayout row = new FlexLayout(left, right);
    row.setFlexWrap(FlexLayout.FlexWrap.WRAP);
    row.setWidthFull();
    row.addClassName(LumoUtility.Gap.LARGE);
    return row;
  }

  private static Div formula() {
    Div d = new Div();
    d.addClassName("tandem-explainer");
    d.add(
        new Paragraph(
            "Rate = incidents ÷ exposure. Exposure is changes attributed to the tool (baseline:"
                + " changes without AI), or developer-weeks in headcount with the tool used on at"
                + " least one day (baseline: developer-weeks without any AI use)."),
        new Paragraph(
            "Rate ratio RR = rate(tool) ÷ rate(baseline). 95% CI by the exact conditional method:"
                + " the Clopper–Pearson interval [pL, pU] for x1 tool incidents out of x1 + x0,"
                + " mapped to RR = p/(1−p) · E(baseline)/E(tool). p-value: the central exact test,"
                + " 2·min(P(X ≤ x1), P(X ≥ x1)) with X ~ Binomial(x1 + x0, E(tool)/(E(tool) +"
                + " E(baseline)))."),
        new Paragraph(
            "Verdict: higher if the whole interval lies above 1, lower if below 1, otherwise no"
                + " evidence of a difference. Fewer than "
                + RateRatio.STABLE_FROM
                + " incidents in a comparison: unstable."
                + " Several tools are compared with the same baseline at once, so some would look"
                + " higher by chance: the table leads with the verdict that allows for that (Holm's"
                + " adjustment of the p-values over the tools compared; higher or lower only when"
                + " the adjusted p is below 0.05 too), and shows each comparison's own verdict and p"
                + " beside it."
                + " An incident belongs to the week it started in and to its owning team;"
                + " incidents whose AI involvement is unknown count in neither group."),
        new Paragraph(ReliabilityFormat.WITHIN_TEAMS_EXPLAINED));
    return d;
  }
}

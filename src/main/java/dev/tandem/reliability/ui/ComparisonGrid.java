package dev.tandem.reliability.ui;

import static dev.tandem.reliability.ReliabilityFormat.count;
import static dev.tandem.reliability.ReliabilityFormat.number;

import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.data.renderer.ComponentRenderer;
import com.vaadin.flow.theme.lumo.LumoUtility;
import dev.tandem.reliability.Comparison;
import dev.tandem.reliability.Exposure;
import dev.tandem.reliability.GroupFigures;
import dev.tandem.reliability.ReliabilityFormat;
import dev.tandem.reliability.ReliabilityService;
import dev.tandem.reliability.ToolFigures;
import dev.tandem.reliability.WithinTeams;
import dev.tandem.stats.RateComparison;
import dev.tandem.stats.RateRatio;
import dev.tandem.stats.Verdict;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** The per-tool table: the baseline first, then every tool against it. */
class ComparisonGrid extends Grid<ComparisonGrid.Row> {

  /** A table row: the baseline ({@code tool} null) or a tool. */
  record Row(String label, GroupFigures figures, ToolFigures tool, Exposure exposure) {}

  ComparisonGrid() {
    super(Row.class, false);
    setId("reliability-grid");
    // Cells and headers wrap inside columns sized to fit a 1,400 px screen beside the menu;
    // narrower,
    // the table scrolls sideways with the tool column frozen.
    addThemeVariants(
        GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_WRAP_CELL_CONTENT);
    setAllRowsVisible(true);
    addClassName(LumoUtility.FontSize.SMALL);
    addColumn(new ComponentRenderer<>(this::toolCell))
        .setHeader("Tool")
        .setKey("tool")
        .setWidth("7.5rem")
        .setFlexGrow(1)
        .setFrozen(true);
    // The verdict right after the tool, so the answer is in view on any screen width.
    addColumn(new ComponentRenderer<>(ComparisonGrid::verdict))
        .setHeader("Verdict")
        .setKey("verdict")
        .setWidth("8rem")
        .setFlexGrow(1);
    addColumn(r -> r.tool() == null ? "–" : reach(r.tool()))
        .setHeader("Reach")
        .setKey("reach")
        .setWidth("5.5rem")
        .setFlexGrow(1)
        .setTooltipGenerator(
            r ->
                "Developer-weeks with the tool used at least once / all developer-weeks in headcount;"
                    + " agent: with an agent mode of the tool used");
    addColumn(r -> hidden(r) ? "–" : count(r.figures().exposure()) + " " + r.exposure().key())
        .setHeader("Exposure")
        .setKey("exposure")
        .setWidth("5rem")
        .setFlexGrow(1)
        .setTextAlign(ColumnTextAlign.END);
    addColumn(new ComponentRenderer<>(ComparisonGrid::incidents))
        .setHeader("Incidents")
        .setKey("incidents")
        .setTextAlign(ColumnTextAlign.END)
        .setWidth("5.5rem")
        .setFlexGrow(1);
    addColumn(r -> severities(r))
        .setHeader("SEV1·2·3·4")
        .setKey("severity")
        .setWidth("5.5rem")
        .setFlexGrow(1);
    addColumn(ComparisonGrid::rate)
        .setHeader("Rate")
        .setKey("rate")
        .setTextAlign(ColumnTextAlign.END)
        .setWidth("6.5rem")
        .setFlexGrow(1)
        .setTooltipGenerator(ComparisonGrid::rateTooltip);
    addColumn(
            r ->
                r.tool() == null
                    ? "1 (reference)"
                    : hidden(r) ? "–" : ReliabilityFormat.rateRatio(r.tool().comparison()))
        .setHeader("Rate ratio (95% CI)")
        .setKey("rateRatio")
        .setWidth("6.5rem")
        .setFlexGrow(1);
    addColumn(
            r ->
                r.tool() == null
                    ? "1 (reference)"
                    : hidden(r) ? "–" : ReliabilityFormat.withinTeams(r.tool().withinTeams()))
        .setHeader("Within teams (95% CI)")
        .setKey("withinTeams")
        .setWidth("6.5rem")
        .setFlexGrow(1)
        .setTooltipGenerator(
            r ->
                r.tool() == null || hidden(r)
                    ? "The rate ratio compared inside each team and pooled (Mantel–Haenszel)"
                    : ReliabilityFormat.withinTeamsReason(
                        r.tool().withinTeams(), ReliabilityFormat.usedName(r.tool())));
    addColumn(r -> r.tool() == null || hidden(r) ? "" : ReliabilityFormat.pValues(r.tool()))
        .setHeader("p (Holm)")
        .setTooltipGenerator(
            r ->
                "The comparison's own p, and in brackets the p adjusted (Holm) for the several"
                    + " tools compared with the same baseline")
        .setKey("p")
        .setTextAlign(ColumnTextAlign.END)
        .setWidth("5rem")
        .setFlexGrow(1);
    addColumn(r -> ReliabilityFormat.duration(r.figures().medianTimeToRestore()))
        .setHeader("Median restore")
        .setKey("restore")
        .setWidth("5rem")
        .setFlexGrow(1)
        .setTooltipGenerator(
            r -> "Over " + r.figures().resolvedIncidents() + " resolved incidents");
  }

  static final List<String> CSV_HEADER =
      List.of(
          "group",
          "reach",
          "exposure",
          "exposure_unit",
          "incidents",
          "sev1",
          "sev2",
          "sev3",
          "sev4",
          "rate",
          "rate_unit",
          "rate_ratio",
          "ci_low",
          "ci_high",
          "p_value",
          "verdict",
          "unstable",
          "median_restore_minutes",
          "agent_reach",
          "agent_incidents",
          "p_adjusted",
          "adjusted_verdict",
          "rate_ratio_within_teams",
          "ci_low_within_teams",
          "ci_high_within_teams",
          "teams_compared",
          "teams_left_out",
          "rate_ci_low",
          "rate_ci_high");

  private List<Row> shown = List.of();

  /** The rows as shown, one CSV line each, with plain numbers (NaN/∞ as empty cells). */
  List<List<String>> csvRows() {
    return shown.stream()
        .map(
            r -> {
              if (hidden(r)) {
                List<String> hiddenLine =
                    new ArrayList<>(java.util.Collections.nCopies(CSV_HEADER.size(), ""));
                hiddenLine.set(0, r.tool().name());
                hiddenLine.set(15, "suppressed: too few developers");
                return hiddenLine;
              }
              RateComparison c = r.tool() == null ? null : r.tool().comparison();
              List<String> line =
                  new ArrayList<>(
                      List.of(
                          r.label(),
                          r.tool() == null ? "" : plain(r.tool().reach()),
                          String.valueOf(r.figures().exposure()),
                          r.exposure().key(),
                          String.valueOf(r.figures().incidents())));
              for (String sev : List.of("SEV1", "SEV2", "SEV3", "SEV4")) {
                line.add(String.valueOf(r.figures().incidentsBySeverity().getOrDefault(sev, 0L)));
              }
              line.addAll(
                  List.of(
                      plain(r.figures().rate()),
                      r.exposure().unit(),
                      c == null ? "" : plain(c.rateRatio()),
                      c == null ? "" : plain(c.ciLow()),
                      c == null ? "" : plain(c.ciHigh()),
                      c == null ? "" : plain(c.pValue()),
                      c == null ? "baseline" : c.verdict().label(),
                      c == null ? "" : String.valueOf(c.unstable()),
                      r.figures().medianTimeToRestore() == null
                          ? ""
                          : String.valueOf(r.figures().medianTimeToRestore().toMinutes()),
                      r.tool() == null ? "" : plain(r.tool().agentReach()),
                      r.tool() == null ? "" : String.valueOf(r.tool().agentIncidents()),
                      r.tool() == null ? "" : plain(r.tool().pAdjusted()),
                      r.tool() == null ? "" : r.tool().adjustedVerdict().label()));
              line.addAll(withinTeamsCells(r));
              // The rate's own exact Poisson 95% interval.
              if (r.figures().exposure() == 0) {
                line.addAll(List.of("", ""));
              } else {
                var ci = r.exposure().rateInterval(r.figures().incidents(), r.figures().exposure());
                line.addAll(List.of(plain(ci.low()), plain(ci.high())));
              }
              return (List<String>) line;
            })
        .toList();
  }

  /** Ratio, interval, teams compared and left out; empty where undefined or not shown. */
  private static List<String> withinTeamsCells(Row r) {
    WithinTeams w = r.tool() == null ? null : r.tool().withinTeams();
    if (w == null || w.suppressed()) {
      return List.of("", "", "", "", "");
    }
    return List.of(
        plain(w.rateRatio()),
        plain(w.ciLow()),
        plain(w.ciHigh()),
        String.valueOf(w.teams()),
        String.valueOf(w.droppedTeams()));
  }

  private static String plain(double v) {
    return Double.isFinite(v) ? String.valueOf(v) : "";
  }

  private IncidentLinks links;

  /**
   * The tool's name links to its incidents (the baseline's: those without AI) in the screen's scope
   * and period; a row hidden for its small group links nowhere.
   */
  private com.vaadin.flow.component.Component toolCell(Row r) {
    if (links == null || hidden(r)) {
      return new Span(r.label());
    }
    String href =
        r.tool() == null
            ? links.of(IncidentLinks.NO_AI, null)
            : ReliabilityService.ALL_AI.equals(r.tool().tool())
                ? links.of(IncidentLinks.AI_INVOLVED, null)
                : links.of(IncidentLinks.AI_INVOLVED, r.tool().tool());
    Anchor a = new Anchor(href, r.label());
    a.addClassName("tool-link");
    a.setTitle("Show these incidents");
    return a;
  }

  void show(Comparison c) {
    this.links = new IncidentLinks(c.range(), c.teamKey());
    List<Row> rows = new ArrayList<>();
    rows.add(new Row("No AI (baseline)", c.baseline(), null, c.exposure()));
    if (c.allAi() != null) {
      ToolFigures all = c.allAi();
      rows.add(
          new Row(
              all.suppressed() ? all.name() + " (too few developers: not shown)" : all.name(),
              all.figures(),
              all,
              c.exposure()));
    }
    c.tools()
        .forEach(
            t ->
                rows.add(
                    new Row(
                        t.suppressed() ? t.name() + " (too few developers: not shown)" : t.name(),
                        t.figures(),
                        t,
                        c.exposure())));
    shown = c.suppressed() ? List.of() : List.copyOf(rows);
    setItems(rows);
    getColumnByKey("rate").setHeader("Rate " + c.exposure().unit());
  }

  /** A tool row of a small group the viewer may not see (DESIGN §3.4). */
  static boolean hidden(Row r) {
    return r.tool() != null && r.tool().suppressed();
  }

  /** "3.42 (32 / 9,361)": every rate with its numerator and denominator. */
  static String rate(Row r) {
    if (hidden(r)) {
      return "–";
    }
    return number(r.figures().rate())
        + " ("
        + count(r.figures().incidents())
        + " / "
        + count(r.figures().exposure())
        + ")";
  }

  /** "34% · agent 12%": the tool's reach and its agent reach, pooled over the range. */
  static String reach(ToolFigures t) {
    if (Double.isNaN(t.reach())) {
      return "–";
    }
    return String.format(Locale.ROOT, "%.0f%%", 100 * t.reach())
        + (Double.isNaN(t.agentReach())
            ? ""
            : String.format(Locale.ROOT, " · agent %.0f%%", 100 * t.agentReach()));
  }

  private static String severities(Row r) {
    return hidden(r) ? "–" : severities(r.figures());
  }

  private static String severities(GroupFigures f) {
    return f.incidentsBySeverity().values().stream()
        .map(String::valueOf)
        .collect(Collectors.joining(" · "));
  }

  private static String rateTooltip(Row r) {
    return count(r.figures().incidents())
        + " incidents / "
        + count(r.figures().exposure())
        + " "
        + r.exposure().key()
        + " × "
        + count(r.exposure().per())
        + (hidden(r) || r.figures().exposure() == 0
            ? ""
            : " · "
                + ReliabilityFormat.rateInterval(
                    r.figures().incidents(), r.figures().exposure(), r.exposure())
                + " (exact Poisson)");
  }

  /** "7 (3 by an agent)": of a tool's incidents, those an AI agent executed. */
  private static Span incidents(Row r) {
    Span n = new Span(hidden(r) ? "–" : count(r.figures().incidents()));
    n.addClassName("incidents");
    n.getElement().setAttribute("data-group", r.tool() == null ? "baseline" : r.tool().tool());
    if (r.tool() == null || hidden(r) || r.figures().incidents() == 0) {
      return n;
    }
    Span agent = new Span(" (" + count(r.tool().agentIncidents()) + " by an agent)");
    agent.addClassName("agent-incidents");
    agent.addClassName(LumoUtility.TextColor.SECONDARY);
    return new Span(n, agent);
  }

  private static Span verdict(Row r) {
    if (r.tool() == null) {
      return new Span();
    }
    if (hidden(r)) {
      return new Span("not shown");
    }
    RateComparison c = r.tool().comparison();
    Verdict adjusted = r.tool().adjustedVerdict();
    Span badge = new Span(adjusted.label());
    String theme =
        switch (adjusted) {
          case HIGHER -> "badge error";
          case LOWER -> "badge success";
          case NO_DIFFERENCE -> "badge";
          default -> "badge contrast";
        };
    badge.getElement().getThemeList().addAll(List.of(theme.split(" ")));
    badge.addClassName("verdict");
    badge.getElement().setAttribute("data-group", r.tool().tool());
    Span wrapper = new Span(badge);
    if (adjusted != c.verdict()) {
      Span alone = new Span(" alone: " + c.verdict().label());
      alone.addClassName("verdict-alone");
      alone.setTitle(
          "On its own this comparison says "
              + c.verdict().label()
              + "; allowing for the tools compared at once it could still be chance");
      alone.addClassName(LumoUtility.FontSize.SMALL);
      wrapper.add(alone);
    }
    if (c.unstable()) {
      Span flag = new Span("unstable: fewer than " + RateRatio.STABLE_FROM + " incidents");
      flag.getElement().getThemeList().addAll(List.of("badge", "contrast", "small", "pill"));
      flag.addClassNames("unstable", LumoUtility.Margin.Left.XSMALL);
      wrapper.add(flag);
    }
    return wrapper;
  }
}

package dev.tandem.reliability.ui;

import static dev.tandem.reliability.ReliabilityFormat.count;

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
import dev.tandem.reliability.WithinTeamsFormat;
import java.util.ArrayList;
import java.util.List;

/** The per-tool table: the baseline first, then every tool against it. */
class ComparisonGrid extends Grid<ComparisonGrid.Row> {

  /** A table row: the baseline ({@code tool} null) or a tool. */
  record Row(String label, GroupFigures figures, ToolFigures tool, Exposure exposure) {

    /** A tool row of a small group the viewer may not see (DESIGN §3.4). */
    boolean hidden() {
      return tool != null && tool.suppressed();
    }
  }

  static final List<String> CSV_HEADER = ComparisonCsv.HEADER;

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
    addColumn(new ComponentRenderer<>(ComparisonCells::verdict))
        .setHeader("Verdict")
        .setKey("verdict")
        .setWidth("8rem")
        .setFlexGrow(1);
    addColumn(r -> r.tool() == null ? "–" : ComparisonCells.reach(r.tool()))
        .setHeader("Reach")
        .setKey("reach")
        .setWidth("5.5rem")
        .setFlexGrow(1)
        .setTooltipGenerator(
            r ->
                "Developer-weeks with the tool used at least once / all developer-weeks in headcount;"
                    + " agent: with an agent mode of the tool used");
    addColumn(r -> r.hidden() ? "–" : count(r.figures().exposure()) + " " + r.exposure().key())
        .setHeader("Exposure")
        .setKey("exposure")
        .setWidth("5rem")
        .setFlexGrow(1)
        .setTextAlign(ColumnTextAlign.END);
    addColumn(new ComponentRenderer<>(ComparisonCells::incidents))
        .setHeader("Incidents")
        .setKey("incidents")
        .setTextAlign(ColumnTextAlign.END)
        .setWidth("5.5rem")
        .setFlexGrow(1);
    addColumn(ComparisonCells::severities)
        .setHeader("SEV1·2·3·4")
        .setKey("severity")
        .setWidth("5.5rem")
        .setFlexGrow(1);
    addColumn(ComparisonCells::rate)
        .setHeader("Rate")
        .setKey("rate")
        .setTextAlign(ColumnTextAlign.END)
        .setWidth("6.5rem")
        .setFlexGrow(1)
        .setTooltipGenerator(ComparisonCells::rateTooltip);
    addColumn(
            r ->
                r.tool() == null
                    ? "1 (reference)"
                    : r.hidden() ? "–" : ReliabilityFormat.rateRatio(r.tool().comparison()))
        .setHeader("Rate ratio (95% CI)")
        .setKey("rateRatio")
        .setWidth("6.5rem")
        .setFlexGrow(1);
    addColumn(
            r ->
                r.tool() == null
                    ? "1 (reference)"
                    : r.hidden() ? "–" : WithinTeamsFormat.withinTeams(r.tool().withinTeams()))
        .setHeader("Within teams (95% CI)")
        .setKey("withinTeams")
        .setWidth("6.5rem")
        .setFlexGrow(1)
        .setTooltipGenerator(
            r ->
                r.tool() == null || r.hidden()
                    ? "The rate ratio compared inside each team and pooled (Mantel–Haenszel)"
                    : WithinTeamsFormat.withinTeamsReason(
                        r.tool().withinTeams(), WithinTeamsFormat.usedName(r.tool())));
    addColumn(r -> r.tool() == null || r.hidden() ? "" : ReliabilityFormat.pValues(r.tool()))
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

  private List<Row> shown = List.of();
  private IncidentLinks links;

  /** The rows as shown, one CSV line each, with plain numbers (NaN/∞ as empty cells). */
  List<List<String>> csvRows() {
    return ComparisonCsv.rows(shown);
  }

  /**
   * The tool's name links to its incidents (the baseline's: those without AI) in the screen's scope
   * and period; a row hidden for its small group links nowhere.
   */
  private com.vaadin.flow.component.Component toolCell(Row r) {
    if (links == null || r.hidden()) {
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
    this.links = new IncidentLinks(c.range(), c.scope());
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
}

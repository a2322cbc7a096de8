package dev.tandem.reliability.ui;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.theme.lumo.LumoUtility;
import dev.tandem.base.Scope;
import dev.tandem.base.WeekRange;
import dev.tandem.reliability.CausesAndSafeguards;
import dev.tandem.reliability.IncidentProfile;
import dev.tandem.reliability.ReliabilityFormat;
import dev.tandem.reliability.Safeguard;
import dev.tandem.reliability.SafeguardComparison;
import dev.tandem.reliability.SafeguardFormat;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The safeguard finding, first: for all AI-involved incidents against those without AI, each gap's
 * share with its exact interval, how many times as often, and Fisher's exact p, in a headline card
 * with a sentence; then the same per agent-executed incidents and per tool. Every count links to
 * those incidents on the Incidents screen.
 */
final class SafeguardsPanel {

  /** The headline: a sentence and one card per safeguard. */
  final Div headline = new Div();

  /** Every AI group (all, agent-executed, each tool) and the baseline, a column per safeguard. */
  final Grid<Row> table = new Grid<>(Row.class, false);

  /** One group's gaps and their comparisons with the incidents without AI, by safeguard. */
  record Row(
      String group,
      String label,
      Map<Safeguard, IncidentProfile.SafeguardGap> gaps,
      Map<Safeguard, SafeguardComparison> comparisons) {}

  /** The table as CSV: one line per group and safeguard, plain numbers. */
  final Anchor export =
      dev.tandem.base.ui.CsvExport.link("safeguards.csv", CSV_HEADER, this::csvRows);

  static final List<String> CSV_HEADER =
      List.of(
          "group",
          "safeguard",
          "incidents_with_gap",
          "incidents",
          "not_recorded",
          "share",
          "ci_low",
          "ci_high",
          "times_as_often",
          "fisher_p");

  private WeekRange range;
  private Scope scope;
  private List<Row> shown = List.of();

  SafeguardsPanel() {
    headline.setId("safeguard-headline");
    headline.addClassName("tandem-card");
    table.setId("safeguards");
    table.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_WRAP_CELL_CONTENT);
    table.setAllRowsVisible(true);
    table.addColumn(Row::label).setHeader("Incidents").setAutoWidth(true).setFlexGrow(0);
    for (Safeguard s : Safeguard.values()) {
      table.addComponentColumn(r -> cell(r, s)).setHeader(s.label()).setFlexGrow(1);
    }
  }

  void show(CausesAndSafeguards cs, WeekRange range, Scope scope) {
    this.range = range;
    this.scope = scope;
    showHeadline(cs.headline(), cs.lead());
    Map<String, Row> rows = new LinkedHashMap<>();
    for (SafeguardComparison c : cs.table()) {
      Row row =
          rows.computeIfAbsent(
              c.group(),
              g -> new Row(g, c.groupLabel(), new LinkedHashMap<>(), new LinkedHashMap<>()));
      row.gaps().put(c.safeguard(), c.gap());
      row.comparisons().put(c.safeguard(), c);
    }
    List<Row> items = new ArrayList<>(rows.values());
    shown = items;
    table.setItems(items);
  }

  private static final String BASELINE = SafeguardComparison.NONE;

  List<List<String>> csvRows() {
    List<List<String>> lines = new ArrayList<>();
    for (Row r : shown) {
      for (Safeguard s : Safeguard.values()) {
        IncidentProfile.SafeguardGap g = r.gaps().get(s);
        SafeguardComparison c = r.comparisons().get(s);
        boolean any = g.ofIncidents() > 0;
        lines.add(
            List.of(
                r.group(),
                s.key(),
                String.valueOf(g.incidents()),
                String.valueOf(g.ofIncidents()),
                String.valueOf(g.notRecorded()),
                any ? String.valueOf(g.share()) : "",
                any ? String.valueOf(g.interval().low()) : "",
                any ? String.valueOf(g.interval().high()) : "",
                Double.isFinite(c.timesAsOften()) ? String.valueOf(c.timesAsOften()) : "",
                c.comparable() ? String.valueOf(c.p()) : ""));
      }
    }
    return lines;
  }

  private void showHeadline(List<SafeguardComparison> headline, SafeguardComparison lead) {
    this.headline.removeAll();
    Paragraph sentence = new Paragraph(SafeguardFormat.safeguardSentence(lead));
    sentence.setId("safeguard-sentence");
    sentence.addClassNames(
        LumoUtility.FontWeight.SEMIBOLD,
        LumoUtility.Margin.Top.NONE,
        LumoUtility.Margin.Bottom.SMALL);
    FlexLayout cards = new FlexLayout();
    cards.setFlexWrap(FlexLayout.FlexWrap.WRAP);
    cards.addClassName(LumoUtility.Gap.MEDIUM);
    for (SafeguardComparison c : headline) {
      cards.add(card(c));
    }
    this.headline.add(sentence, cards);
  }

  private Div card(SafeguardComparison c) {
    Span title = new Span(c.safeguard().label());
    title.addClassName("tandem-card-title");
    Div figures = new Div();
    figures.addClassName("tandem-figure-s");
    figures.add(
        link(ReliabilityFormat.percent(c.gap().share()), SafeguardComparison.ALL_AI, null, c),
        new Span(" AI-involved vs "),
        link(ReliabilityFormat.percent(c.other().share()), BASELINE, null, c),
        new Span(" without AI"));
    Span detail =
        new Span(
            ReliabilityFormat.gap(c.gap())
                + " · "
                + SafeguardFormat.gapInterval(c.gap())
                + " | "
                + ReliabilityFormat.gap(c.other())
                + " · "
                + SafeguardFormat.gapInterval(c.other()));
    Span verdict =
        new Span(
            timesAsOften(c, " as often")
                + (timesAsOften(c, "").isEmpty() ? "" : " · ")
                + "Fisher's exact p "
                + ReliabilityFormat.pValue(c.p()));
    for (Span s : List.of(detail, verdict)) {
      s.addClassNames(
          LumoUtility.Display.BLOCK, LumoUtility.FontSize.SMALL, LumoUtility.TextColor.SECONDARY);
    }
    Div card = new Div(title, figures, verdict, detail);
    card.setId("safeguard-" + c.safeguard().key());
    card.addClassNames("tandem-figure-card", "tandem-safeguard-card");
    if (c.significant() && c.timesAsOften() > 1) {
      card.addClassName("tandem-flagged");
    }
    return card;
  }

  /** {@link ReliabilityFormat#timesAsOften} with a suffix where there is a figure. */
  private static String timesAsOften(SafeguardComparison c, String suffix) {
    String times = SafeguardFormat.timesAsOften(c);
    return times.isEmpty() || !Double.isFinite(c.timesAsOften()) ? times : times + suffix;
  }

  private Div cell(Row r, Safeguard s) {
    IncidentProfile.SafeguardGap g = r.gaps().get(s);
    Div cell = new Div(link(ReliabilityFormat.gap(g), r.group(), s, null));
    SafeguardComparison c = r.comparisons().get(s);
    String detail = SafeguardFormat.gapInterval(g);
    if (!timesAsOften(c, "").isEmpty()) {
      detail += " · " + timesAsOften(c, "") + " · p " + ReliabilityFormat.pValue(c.p());
    }
    if (g.notRecorded() > 0) {
      detail += " · " + g.notRecorded() + " not recorded";
    }
    Span small = new Span(detail);
    small.addClassNames(
        LumoUtility.Display.BLOCK, LumoUtility.FontSize.XSMALL, LumoUtility.TextColor.SECONDARY);
    cell.add(small);
    return cell;
  }

  /**
   * A link to the incidents of {@code group} with the safeguard's gap in the screen's period and
   * scope.
   */
  private Anchor link(String text, String group, Safeguard safeguard, SafeguardComparison c) {
    Safeguard gap = safeguard != null ? safeguard : c.safeguard();
    IncidentLinks links = new IncidentLinks(range, scope);
    String href =
        switch (group) {
          case SafeguardComparison.ALL_AI ->
              links.with(IncidentLinks.AI_INVOLVED, null, gap.key(), null);
          case SafeguardComparison.AGENT -> links.with(List.of("agent"), null, gap.key(), null);
          case BASELINE -> links.with(IncidentLinks.NO_AI, null, gap.key(), null);
          default -> links.with(IncidentLinks.AI_INVOLVED, group, gap.key(), null);
        };
    Anchor a = new Anchor(href, text);
    a.getElement().setAttribute("title", "Show these incidents");
    return a;
  }
}

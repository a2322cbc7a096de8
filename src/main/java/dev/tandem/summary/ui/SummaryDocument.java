package dev.tandem.summary.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.NativeTable;
import com.vaadin.flow.component.html.NativeTableBody;
import com.vaadin.flow.component.html.NativeTableHeader;
import com.vaadin.flow.component.html.NativeTableRow;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import dev.tandem.adoption.AdoptionReport;
import dev.tandem.base.Ratio;
import dev.tandem.reliability.Comparison;
import dev.tandem.reliability.Exposure;
import dev.tandem.reliability.GroupFigures;
import dev.tandem.reliability.ReliabilityFormat;
import dev.tandem.reliability.ToolFigures;
import java.time.LocalDate;
import java.util.Locale;

/** The summary page's content, built from figures already read (no reads of its own). */
final class SummaryDocument {

  private SummaryDocument() {}

  /**
   * The page: {@code scope} as the heading names it ("Whole organisation"), {@code who} as a
   * sentence does ("the organisation", "Payments (Commerce)").
   */
  static Component of(SummaryView.Figures f, String scope, String who, int k, LocalDate printed) {
    Div page = new Div();
    AdoptionReport a = f.adoption();
    Paragraph meta =
        new Paragraph(
            scope
                + " · "
                + a.weeks().get(0).week()
                + " to "
                + a.latest().week()
                + " ("
                + a.weeks().size()
                + (a.weeks().size() == 1 ? " week" : " weeks")
                + ") · as of "
                + printed);
    meta.setId("summary-scope");
    meta.addClassName("summary-meta");
    page.add(new H1("AI coding tools: adoption and reliability"), meta);
    page.add(adoption(a, k, who));
    page.add(reliability(f.comparison(), k));
    if (f.safeguards() != null) {
      page.add(SummaryParts.safeguards(f.safeguards()));
    }
    page.add(SummaryParts.footnote(k));
    return page;
  }

  private static Div adoption(AdoptionReport a, int k, String who) {
    Div section = SummaryParts.section("Adoption", "summary-adoption");
    AdoptionReport.Week last = a.latest();
    String goal = Math.round(a.goal() * 100) + "%";
    Div kpis = new Div();
    kpis.addClassName("summary-kpis");
    if (last.suppressed()) {
      kpis.add(
          kpi(
              "summary-adoption-last",
              last.week().toString(),
              "–",
              "fewer than " + k + " developers"));
    } else {
      Ratio r = last.adoption();
      Double value = r.value();
      String status =
          value == null
              ? "no developers"
              : value >= a.goal()
                  ? "at the goal of " + goal
                  : String.format(
                      Locale.ROOT,
                      "%.1f points below the goal of %s",
                      (a.goal() - value) * 100,
                      goal);
      kpis.add(
          kpi(
              "summary-adoption-last",
              "Used AI in " + last.week(),
              r.percent(),
              count(r.numerator()) + " of " + count(r.denominator()) + " developers · " + status));
    }
    if (a.periodSuppressed()) {
      kpis.add(
          kpi(
              "summary-adoption-period",
              "Over the range",
              "–",
              "some weeks had fewer than " + k + " developers"));
    } else {
      Ratio p = a.period();
      kpis.add(
          kpi(
              "summary-adoption-period",
              "Over the range (pooled)",
              p.percent(),
              count(p.numerator()) + " of " + count(p.denominator()) + " developer-weeks"));
      Ratio g = a.agentPeriod();
      kpis.add(
          kpi(
              "summary-agent-period",
              "Let an AI agent act",
              g.percent(),
              count(g.numerator())
                  + " of "
                  + count(g.denominator())
                  + " developer-weeks"
                  + (last.suppressed()
                      ? ""
                      : " · " + last.agentAdoption().percent() + " in " + last.week())));
    }
    Paragraph forecast = new Paragraph(AdoptionReport.forecastSentence(a, who));
    forecast.setId("summary-forecast");
    section.add(kpis, forecast);
    return section;
  }

  private static Div reliability(Comparison c, int k) {
    Div section =
        SummaryParts.section("Are incidents more common with AI tools?", "summary-reliability");
    if (c.suppressed()) {
      section.add(
          new Paragraph(
              "Fewer than "
                  + k
                  + " developers in this scope: reliability figures are not shown, so that no"
                  + " individual's incidents can be told apart."));
      return section;
    }
    if (c.allAi() != null) {
      Paragraph first = new Paragraph(ReliabilityFormat.sentence(c.allAi(), c.exposure(), 1));
      first.setId("summary-all-ai");
      first.addClassName("summary-lead");
      section.add(first);
    }
    NativeTable table = new NativeTable();
    table.setId("summary-comparison");
    NativeTableHeader head = new NativeTableHeader();
    head.add(
        SummaryParts.headerRow(
            "Tool",
            "Incidents",
            c.exposure() == Exposure.CHANGES ? "Changes" : "Developer-weeks",
            "Rate " + c.exposure().unit() + " (95% CI)",
            "Rate ratio (95% CI)",
            "p (Holm)",
            "Verdict, allowing for " + c.comparedTools() + " tools compared"));
    NativeTableBody body = new NativeTableBody();
    GroupFigures b = c.baseline();
    body.add(
        SummaryParts.row(
            "No AI (baseline)",
            count(b.incidents()),
            count(b.exposure()),
            rate(b, c.exposure()),
            "1 (reference)",
            "",
            ""));
    if (c.allAi() != null) {
      NativeTableRow all = toolRow(c.allAi(), c.exposure());
      all.addClassName("summary-all-ai-row");
      body.add(all);
    }
    c.tools().forEach(t -> body.add(toolRow(t, c.exposure())));
    table.add(head, body);
    section.add(table);
    Div sentences = new Div();
    sentences.setId("summary-sentences");
    sentences.addClassName("summary-small");
    c.tools()
        .forEach(
            t ->
                sentences.add(
                    new Paragraph(ReliabilityFormat.sentence(t, c.exposure(), c.comparedTools()))));
    Paragraph quality = new Paragraph(ReliabilityFormat.dataQuality(c));
    quality.setId("summary-data-quality");
    quality.addClassName("summary-small");
    section.add(sentences, quality);
    return section;
  }

  private static NativeTableRow toolRow(ToolFigures t, Exposure exposure) {
    if (t.suppressed()) {
      return SummaryParts.row(t.name(), "–", "–", "–", "–", "", "too few developers to show");
    }
    String verdict = t.adjustedVerdict().label();
    if (t.adjustedVerdict() != t.comparison().verdict()) {
      verdict += " (alone: " + t.comparison().verdict().label() + ")";
    }
    if (t.comparison().unstable()) {
      verdict += " · unstable";
    }
    return SummaryParts.row(
        t.name(),
        count(t.figures().incidents()),
        count(t.figures().exposure()),
        rate(t.figures(), exposure),
        ReliabilityFormat.rateRatio(t.comparison()),
        ReliabilityFormat.pValues(t),
        verdict);
  }

  /** "9.09 (1.10–32.84)": the rate with its exact Poisson 95% interval, printed beside it. */
  private static String rate(GroupFigures f, Exposure exposure) {
    if (f.exposure() == 0) {
      return ReliabilityFormat.number(f.rate());
    }
    var ci = exposure.rateInterval(f.incidents(), f.exposure());
    return ReliabilityFormat.number(f.rate())
        + " ("
        + ReliabilityFormat.number(ci.low())
        + "–"
        + ReliabilityFormat.number(ci.high())
        + ")";
  }

  private static Div kpi(String id, String label, String figure, String detail) {
    Span big = new Span(figure);
    big.setId(id);
    big.addClassName("summary-figure");
    Div kpi = new Div(new Span(label), big, new Span(detail));
    kpi.addClassName("summary-kpi");
    return kpi;
  }

  private static String count(long n) {
    return ReliabilityFormat.count(n);
  }
}

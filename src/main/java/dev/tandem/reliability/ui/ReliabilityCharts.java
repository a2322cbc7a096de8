package dev.tandem.reliability.ui;

import dev.tandem.base.ui.chart.ChartSpec;
import dev.tandem.reliability.CausesAndSafeguards;
import dev.tandem.reliability.Comparison;
import dev.tandem.reliability.Exposure;
import dev.tandem.reliability.RateWindow;
import dev.tandem.reliability.ToolFigures;
import dev.tandem.reliability.WithinTeams;
import dev.tandem.stats.Interval;
import dev.tandem.stats.Verdict;
import java.util.ArrayList;
import java.util.List;

/** The Reliability screen's charts, built from the service's figures. */
final class ReliabilityCharts {

  private ReliabilityCharts() {}

  /** The colour of the within-teams intervals (the crude ones keep the chart's blue). */
  static final String WITHIN_TEAMS_COLOR = "#e8590c";

  /** The category line of a tool's within-teams interval. */
  static String withinTeamsLabel(ToolFigures t) {
    return t.name() + " · within teams";
  }

  /**
   * Rate ratio with its 95% interval per tool, log axis, line at 1 (tools with a rate only): the
   * crude interval, and below it, in another colour, the interval within teams where it is defined.
   */
  static ChartSpec forest(Comparison c) {
    List<String> categories = new ArrayList<>();
    List<ChartSpec.Interval> crude = new ArrayList<>();
    List<ChartSpec.Interval> within = new ArrayList<>();
    List<ToolFigures> groups = new ArrayList<>();
    if (c.allAi() != null && !c.allAi().suppressed()) {
      groups.add(c.allAi());
    }
    groups.addAll(c.tools());
    for (ToolFigures t : groups) {
      Verdict v = t.comparison().verdict();
      if (v == Verdict.NO_EXPOSURE || v == Verdict.NO_INCIDENTS) {
        continue;
      }
      categories.add(t.name());
      crude.add(
          new ChartSpec.Interval(
              t.name(),
              t.comparison().ciLow(),
              t.comparison().rateRatio(),
              t.comparison().ciHigh()));
      WithinTeams w = t.withinTeams();
      if (w != null && w.defined()) {
        categories.add(withinTeamsLabel(t));
        within.add(
            new ChartSpec.Interval(withinTeamsLabel(t), w.ciLow(), w.rateRatio(), w.ciHigh()));
      }
    }
    return ChartSpec.intervals(
        "Rate ratio vs no AI (log scale, 95% CI)",
        categories,
        List.of(
            new ChartSpec.IntervalSeries("Crude", null, crude),
            new ChartSpec.IntervalSeries("Within teams", WITHIN_TEAMS_COLOR, within)),
        true,
        1.0);
  }

  /** Reach (x) against incident rate (y); bubble area = exposure. */
  static ChartSpec bubble(Comparison c) {
    List<ChartSpec.Point> points = new ArrayList<>();
    List<String> keys = new ArrayList<>();
    for (ToolFigures t : c.tools()) {
      if (t.figures().exposure() > 0 && Double.isFinite(t.reach())) {
        keys.add(t.tool());
        points.add(
            new ChartSpec.Point(
                t.name(),
                round(100 * t.reach()),
                round(t.figures().rate()),
                t.figures().exposure()));
      }
    }
    // Each dot's series id is its tool key, so a click on it opens that tool's incidents.
    return ChartSpec.bubble(
            "Reach (% of developer-weeks)", "Incidents " + c.exposure().unit(), points)
        .seriesIds(keys);
  }

  static ChartSpec overTime(List<RateWindow> windows, Comparison c) {
    List<String> labels =
        windows.stream()
            .map(
                w ->
                    w.weeks().from()
                        + (w.weeks().size() > 1 ? "…W" + two(w.weeks().to().week()) : ""))
            .toList();
    List<Double> ai = windows.stream().map(w -> roundOrNull(w.aiRate())).toList();
    List<Double> base = windows.stream().map(w -> roundOrNull(w.baselineRate())).toList();
    Exposure e = c.exposure();
    List<Interval> aiCi =
        windows.stream().map(w -> interval(e, w.aiIncidents(), w.aiExposure())).toList();
    List<Interval> baseCi =
        windows.stream()
            .map(w -> interval(e, w.baselineIncidents(), w.baselineExposure()))
            .toList();
    return ChartSpec.line(
            labels,
            List.of(
                new ChartSpec.Series("AI-involved " + e.unit(), ai),
                new ChartSpec.Series("No AI (baseline) " + e.unit(), base)))
        .bounds(0, lows(aiCi), highs(aiCi))
        .bounds(1, lows(baseCi), highs(baseCi))
        .centredCategories();
  }

  /** A window's exact Poisson 95% interval of the rate (null without exposure). */
  private static Interval interval(Exposure e, long incidents, long exposure) {
    return exposure == 0 ? null : e.rateInterval(incidents, exposure);
  }

  private static List<Double> lows(List<Interval> intervals) {
    return intervals.stream().map(i -> i == null ? null : roundOrNull(i.low())).toList();
  }

  private static List<Double> highs(List<Interval> intervals) {
    return intervals.stream().map(i -> i == null ? null : roundOrNull(i.high())).toList();
  }

  static ChartSpec rootCauses(CausesAndSafeguards cs) {
    List<String> causes = new ArrayList<>(cs.aiInvolved().rootCauses().keySet());
    return ChartSpec.bar(
            causes,
            List.of(
                new ChartSpec.Series(
                    "AI-involved (" + cs.aiInvolved().incidents() + ")",
                    causes.stream().map(k -> cs.aiInvolved().rootCauses().get(k)).toList()),
                new ChartSpec.Series(
                    "Other (" + cs.other().incidents() + ")",
                    causes.stream().map(k -> cs.other().rootCauses().get(k)).toList())),
            false)
        .allCategoryLabels(30);
  }

  private static String two(int week) {
    return String.format("%02d", week);
  }

  private static double round(double v) {
    return Math.round(v * 100) / 100.0;
  }

  private static Double roundOrNull(double v) {
    return Double.isFinite(v) ? round(v) : null;
  }
}

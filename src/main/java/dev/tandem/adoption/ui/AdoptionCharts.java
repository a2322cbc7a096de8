package dev.tandem.adoption.ui;

import dev.tandem.adoption.AdoptionReport;
import dev.tandem.adoption.Cohorts;
import dev.tandem.base.ui.chart.ChartSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/** Chart options for the Adoption screen, built from the service's figures (no computing here). */
final class AdoptionCharts {

  private AdoptionCharts() {}

  /**
   * Adoption, agent adoption and each tool's reach in percent per week, with the goal as a dashed
   * line.
   */
  static ChartSpec trend(AdoptionReport report, Map<String, String> toolNames) {
    List<String> weeks = report.weeks().stream().map(w -> w.week().toString()).toList();
    List<ChartSpec.Series> series = new ArrayList<>();
    series.add(
        new ChartSpec.Series(
            "Adoption (any tool)",
            report.weeks().stream().map(w -> percent(w.adoption().value())).toList()));
    series.add(
        new ChartSpec.Series(
            "Agent adoption (any tool)",
            report.weeks().stream().map(w -> percent(w.agentAdoption().value())).toList()));
    TreeSet<String> tools = new TreeSet<>();
    report.weeks().forEach(w -> tools.addAll(w.toolUsers().keySet()));
    for (String tool : tools) {
      series.add(
          new ChartSpec.Series(
              "Reach: " + toolNames.getOrDefault(tool, tool),
              report.weeks().stream().map(w -> percent(w.reach(tool).value())).toList()));
    }
    return ChartSpec.line(weeks, series)
        .percentY()
        .goalLine(report.goal() * 100, "Goal " + Math.round(report.goal() * 100) + "%");
  }

  static ChartSpec cohorts(List<Cohorts> cohorts) {
    List<String> weeks = cohorts.stream().map(c -> c.week().toString()).toList();
    return ChartSpec.bar(
        weeks,
        List.of(
            new ChartSpec.Series(
                "Light (1 day)",
                cohorts.stream().map(c -> c.suppressed() ? null : c.light()).toList()),
            new ChartSpec.Series(
                "Moderate (2–3 days)",
                cohorts.stream().map(c -> c.suppressed() ? null : c.moderate()).toList()),
            new ChartSpec.Series(
                "Heavy (4+ days)",
                cohorts.stream().map(c -> c.suppressed() ? null : c.heavy()).toList())),
        true);
  }

  private static Double percent(Double share) {
    return share == null ? null : Math.round(share * 1000) / 10.0;
  }
}

package dev.tandem.reliability.ui;

import dev.tandem.base.Severity;
import dev.tandem.reliability.WithinTeams;
import dev.tandem.stats.RateComparison;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** The per-tool table's CSV export: the rows as shown, with plain numbers. */
final class ComparisonCsv {

  static final List<String> HEADER =
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

  private ComparisonCsv() {}

  /** The rows as shown, one CSV line each, with plain numbers (NaN/∞ as empty cells). */
  static List<List<String>> rows(List<ComparisonGrid.Row> shown) {
    return shown.stream()
        .map(
            r -> {
              if (r.hidden()) {
                List<String> hiddenLine = new ArrayList<>(Collections.nCopies(HEADER.size(), ""));
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
              for (Severity sev : Severity.values()) {
                line.add(
                    String.valueOf(
                        r.figures().incidentsBySeverity().getOrDefault(sev.stored(), 0L)));
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
  private static List<String> withinTeamsCells(ComparisonGrid.Row r) {
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
}

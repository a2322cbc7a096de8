package dev.tandem.reliability;

import dev.tandem.stats.Holm;
import dev.tandem.stats.RateComparison;
import dev.tandem.stats.Verdict;

/**
 * A tool's figures and its comparison with the baseline. {@code reach} is pooled over the range:
 * developer-weeks in headcount with the tool used on at least one day ({@code userWeeks}) over all
 * developer-weeks in headcount (NaN when there are none); {@code agentReach} likewise with an agent
 * mode of the tool used. {@code agentIncidents}: of the tool's incidents, those an AI agent
 * executed (involvement {@code agent}), the rest being AI-assisted. {@code pAdjusted} and {@code
 * adjustedVerdict} allow for the several tools compared with the same baseline (Holm, DESIGN §3.3;
 * NaN and the comparison's own verdict for a tool outside that family). {@code withinTeams}: the
 * same comparison within teams (DESIGN §3.3, Mantel–Haenszel over the developers' teams).
 */
public record ToolFigures(
    String tool,
    String name,
    GroupFigures figures,
    long userWeeks,
    double reach,
    double agentReach,
    long agentIncidents,
    RateComparison comparison,
    double pAdjusted,
    Verdict adjustedVerdict,
    boolean suppressed,
    WithinTeams withinTeams) {

  /** The same figures with the Holm-adjusted p-value and verdict. */
  ToolFigures adjusted(double p) {
    return new ToolFigures(
        tool,
        name,
        figures,
        userWeeks,
        reach,
        agentReach,
        agentIncidents,
        comparison,
        p,
        Holm.verdict(comparison, p),
        suppressed,
        withinTeams);
  }

  /** The same figures with the comparison within teams. */
  ToolFigures within(WithinTeams within) {
    return new ToolFigures(
        tool,
        name,
        figures,
        userWeeks,
        reach,
        agentReach,
        agentIncidents,
        comparison,
        pAdjusted,
        adjustedVerdict,
        suppressed,
        within);
  }

  /**
   * The row of a tool used by fewer than k developers here, for a viewer who may not see them: no
   * figures at all (DESIGN §3.4).
   */
  ToolFigures hide() {
    return new ToolFigures(
        tool,
        name,
        new GroupFigures(0, 0, Double.NaN, java.util.Map.of(), null, 0),
        0,
        Double.NaN,
        Double.NaN,
        0,
        dev.tandem.stats.RateRatio.compare(0, 0, 0, 0),
        Double.NaN,
        Verdict.NO_EXPOSURE,
        true,
        WithinTeams.hidden());
  }
}

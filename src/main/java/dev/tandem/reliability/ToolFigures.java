package dev.tandem.reliability;

import dev.tandem.stats.RateComparison;

/**
 * A tool's figures and its comparison with the baseline. {@code reach} is pooled over the range:
 * developer-weeks in headcount with the tool used on at least one day ({@code userWeeks}) over all
 * developer-weeks in headcount (NaN when there are none); {@code agentReach} likewise with an agent
 * mode of the tool used. {@code agentIncidents}: of the tool's incidents, those an AI agent
 * executed (involvement {@code agent}), the rest being AI-assisted.
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
    boolean suppressed) {

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
        true);
  }
}

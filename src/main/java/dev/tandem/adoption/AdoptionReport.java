package dev.tandem.adoption;

import dev.tandem.base.IsoWeek;
import dev.tandem.base.Ratio;
import java.util.List;
import java.util.Map;

/**
 * DESIGN §3.1 for one scope and week range: weekly headcount, AI users and per-tool reach, agent
 * users and per-tool agent reach, the pooled adoption and agent adoption over the range, and the
 * forecast. Weeks of a small group the viewer may not see are {@code suppressed} and carry no
 * numbers; then the pooled figures and the forecast are suppressed too (they would let the hidden
 * weeks be worked out). {@code agentUnknown}: per tool, the share of its user-weeks in the range
 * whose data cannot tell agent use from other use (only tools where some cannot).
 */
public record AdoptionReport(
    double goal,
    String scope,
    List<Week> weeks,
    Ratio period,
    Ratio agentPeriod,
    boolean periodSuppressed,
    Forecast forecast,
    DataQuality dataQuality,
    Map<String, Ratio> agentUnknown) {

  /**
   * One week: adoption = aiUsers / headcount; agent adoption = agentUsers / headcount; each tool's
   * reach = users / headcount and agent reach = its agent users / headcount.
   */
  public record Week(
      IsoWeek week,
      int headcount,
      int aiUsers,
      int agentUsers,
      Map<String, Integer> toolUsers,
      Map<String, Integer> toolAgentUsers,
      boolean suppressed) {

    /** A week of a small group that the viewer may not see: no numbers at all. */
    static Week suppressed(IsoWeek week) {
      return new Week(week, 0, 0, 0, Map.of(), Map.of(), true);
    }

    public Ratio adoption() {
      return new Ratio(aiUsers, headcount);
    }

    public Ratio agentAdoption() {
      return new Ratio(agentUsers, headcount);
    }

    public Ratio reach(String tool) {
      return new Ratio(toolUsers.getOrDefault(tool, 0), headcount);
    }

    public Ratio agentReach(String tool) {
      return new Ratio(toolAgentUsers.getOrDefault(tool, 0), headcount);
    }
  }

  /**
   * Least-squares line through the last 8 complete weeks: the first future week the line reaches
   * the goal, or not on track when the slope is not positive. {@code slopePerWeek} is in adoption
   * points (0..1) per week.
   */
  public record Forecast(
      IsoWeek goalWeek, boolean onTrack, double slopePerWeek, int weeksUsed, boolean suppressed) {

    static final Forecast SUPPRESSED = new Forecast(null, false, 0, 0, true);

    Forecast(IsoWeek goalWeek, boolean onTrack, double slopePerWeek, int weeksUsed) {
      this(goalWeek, onTrack, slopePerWeek, weeksUsed, false);
    }
  }

  /** Usage that is not counted, reported rather than dropped. */
  public record DataQuality(int unmatchedUsageRows, int usageOutsideHeadcount) {}

  public Week latest() {
    return weeks.get(weeks.size() - 1);
  }
}

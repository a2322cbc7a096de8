package dev.tandem.adoption;

import dev.tandem.base.IsoWeek;
import dev.tandem.base.Ratio;
import java.util.List;
import java.util.Locale;
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

  /**
   * "At this pace the organisation reaches 80% in week 2027-W05" or "Not on track: adoption fell 2
   * points over 8 weeks": the one wording of the forecast, for the Adoption screen and the summary
   * page alike.
   */
  public static String forecastSentence(AdoptionReport report, String who) {
    AdoptionReport.Forecast f = report.forecast();
    if (f.suppressed()) {
      return "No forecast: some weeks had too few developers to show.";
    }
    String goal = Math.round(report.goal() * 100) + "%";
    if (f.weeksUsed() < 2) {
      return "Not enough complete weeks with developers to forecast.";
    }
    double change = f.slopePerWeek() * (f.weeksUsed() - 1) * 100;
    if (!f.onTrack()) {
      return String.format(
          Locale.ROOT,
          "Not on track: adoption %s over %d weeks.",
          Math.abs(change) < 0.05
              ? "stayed flat"
              : String.format(Locale.ROOT, "fell %.1f points", Math.abs(change)),
          f.weeksUsed());
    }
    Double latest = report.latest().adoption().value();
    if (latest != null && latest >= report.goal()) {
      return String.format(
          Locale.ROOT,
          "At goal, and the trend is rising: +%.1f points over %d weeks.",
          change,
          f.weeksUsed());
    }
    return "At this pace " + who + " reaches " + goal + " in week " + f.goalWeek() + ".";
  }
}

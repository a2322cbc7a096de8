package dev.tandem.reliability;

import dev.tandem.base.Attribution;
import dev.tandem.stats.FisherExact;

/**
 * One safeguard gap in a group of AI-involved incidents (all of them, the agent-executed ones, or
 * one tool's) against the incidents without AI involvement: both shares with their exact intervals,
 * how many times as often the gap occurs ({@code group share ÷ other share}; infinite when the
 * other share is 0 and the group's is not, NaN when either group is empty or both shares are 0),
 * and Fisher's exact two-sided p.
 */
public record SafeguardComparison(
    String group,
    String groupLabel,
    Safeguard safeguard,
    IncidentProfile.SafeguardGap gap,
    IncidentProfile.SafeguardGap other,
    double timesAsOften,
    double p) {

  /** The group key of all AI-involved incidents (assisted or agent, any tool). */
  public static final String ALL_AI = "all-ai";

  /** The group key of agent-executed incidents ({@code ai_involvement = agent}, any tool). */
  public static final String AGENT = "agent";

  /** The group key of the incidents without AI ({@code ai_involvement = none}): no comparison. */
  public static final String NONE = Attribution.NONE;

  /** The gap among the incidents without AI themselves, for the table's last rows. */
  static SafeguardComparison baseline(Safeguard safeguard, IncidentProfile.SafeguardGap gap) {
    return new SafeguardComparison(NONE, "Without AI", safeguard, gap, gap, Double.NaN, Double.NaN);
  }

  public static SafeguardComparison of(
      String group,
      String groupLabel,
      Safeguard safeguard,
      IncidentProfile.SafeguardGap gap,
      IncidentProfile.SafeguardGap other) {
    double ratio;
    if (gap.ofIncidents() == 0
        || other.ofIncidents() == 0
        || gap.incidents() == 0 && other.incidents() == 0) {
      ratio = Double.NaN;
    } else {
      ratio = other.incidents() == 0 ? Double.POSITIVE_INFINITY : gap.share() / other.share();
    }
    return new SafeguardComparison(
        group,
        groupLabel,
        safeguard,
        gap,
        other,
        ratio,
        FisherExact.twoSidedP(
            gap.incidents(), gap.ofIncidents(), other.incidents(), other.ofIncidents()));
  }

  /** Whether both groups have incidents, so the shares can be compared at all. */
  public boolean comparable() {
    return !NONE.equals(group) && gap.ofIncidents() > 0 && other.ofIncidents() > 0;
  }

  /** p below 0.05: a gap this different would rarely arise by chance alone. */
  public boolean significant() {
    return comparable() && p < 0.05;
  }
}

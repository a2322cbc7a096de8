package dev.tandem.adoption;

import dev.tandem.base.Ratio;
import java.util.List;

/**
 * A row of the team table: this week's adoption, the 4-week pooled adoption and agent adoption, and
 * the trend behind the sparkline. A row of a small group the viewer may not see is {@code
 * suppressed} and carries no figures.
 */
public record TeamAdoption(
    String teamKey,
    String teamName,
    Ratio thisWeek,
    Ratio pooled4Weeks,
    Ratio agentPooled4Weeks,
    List<Ratio> trend,
    Status status,
    boolean suppressed) {

  /**
   * The smallest weekly headcount in the trend: the size that decides whether the row is a small
   * group.
   */
  public int smallestHeadcount() {
    return trend.stream().mapToInt(r -> (int) r.denominator()).min().orElse(0);
  }

  /** The same row with every figure removed, shown as "fewer than k developers". */
  TeamAdoption hide() {
    return new TeamAdoption(
        teamKey,
        teamName,
        Ratio.EMPTY,
        Ratio.EMPTY,
        Ratio.EMPTY,
        List.of(),
        Status.SUPPRESSED,
        true);
  }

  /** At goal, within 10 points of it, or below. */
  public enum Status {
    AT_GOAL("at goal"),
    NEAR_GOAL("within 10 points"),
    BELOW_GOAL("below goal"),
    NO_DATA("no developers"),
    SUPPRESSED("small group");

    private final String label;

    Status(String label) {
      this.label = label;
    }

    public String label() {
      return label;
    }

    static Status of(Ratio adoption, double goal) {
      Double v = adoption.value();
      if (v == null) {
        return NO_DATA;
      }
      return v >= goal ? AT_GOAL : v >= goal - 0.10 ? NEAR_GOAL : BELOW_GOAL;
    }
  }
}

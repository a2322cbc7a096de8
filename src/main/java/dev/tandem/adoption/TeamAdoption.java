package dev.tandem.adoption;

import dev.tandem.base.Ratio;
import java.util.Comparator;
import java.util.List;

/**
 * A row of the team table: this week's adoption, the 4-week pooled adoption and agent adoption, the
 * trend behind the sparkline and the forecast of that trend. A row of a small group the viewer may
 * not see is {@code suppressed} and carries no figures.
 */
public record TeamAdoption(
    String teamKey,
    String teamName,
    Ratio thisWeek,
    Ratio pooled4Weeks,
    Ratio agentPooled4Weeks,
    List<Ratio> trend,
    Status status,
    AdoptionReport.Forecast forecast,
    double goal,
    boolean suppressed) {

  /**
   * Lowest adoption this week first (so the teams furthest below goal lead), then by name; rows
   * without a figure (no developers, small groups) last.
   */
  public static final Comparator<TeamAdoption> LOWEST_FIRST =
      Comparator.comparing(
              (TeamAdoption t) -> t.suppressed() ? null : t.thisWeek().value(),
              Comparator.nullsLast(Comparator.naturalOrder()))
          .thenComparing(TeamAdoption::teamName, String.CASE_INSENSITIVE_ORDER);

  /** Points (percentage points) this week's adoption lies below the goal; 0 at or above it. */
  public Double pointsBelowGoal() {
    Double v = suppressed ? null : thisWeek.value();
    return v == null ? null : Math.max(0, (goal - v) * 100);
  }

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
        AdoptionReport.Forecast.SUPPRESSED,
        goal,
        true);
  }

  /** At goal, below it by at most 10 points, or further below. */
  public enum Status {
    AT_GOAL("at goal"),
    // "just below", not a neutral "within 10 points" that reads as fine.
    NEAR_GOAL("just below goal"),
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

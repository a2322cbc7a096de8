package dev.tandem.adoption;

import dev.tandem.base.Ratio;
import java.util.List;

/**
 * A row of the team table: this week's adoption, the 4-week pooled adoption and the trend behind
 * the sparkline.
 */
public record TeamAdoption(
    String teamKey,
    String teamName,
    Ratio thisWeek,
    Ratio pooled4Weeks,
    List<Ratio> trend,
    Status status) {

  /** At goal, within 10 points of it, or below. */
  public enum Status {
    AT_GOAL("at goal"),
    NEAR_GOAL("within 10 points"),
    BELOW_GOAL("below goal"),
    NO_DATA("no developers");

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

package dev.tandem.stats;

/** A closed interval {@code [low, high]}; {@code high} may be {@link Double#POSITIVE_INFINITY}. */
public record Interval(double low, double high) {

  public boolean contains(double value) {
    return low <= value && value <= high;
  }
}

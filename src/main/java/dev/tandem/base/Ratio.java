package dev.tandem.base;

/**
 * A proportion kept as numerator and denominator, so screens can show both and ranges can be
 * pooled.
 */
public record Ratio(long numerator, long denominator) {

  public static final Ratio EMPTY = new Ratio(0, 0);

  /** The value, or {@code null} when the denominator is 0 (undefined, not 0%). */
  public Double value() {
    return denominator == 0 ? null : (double) numerator / denominator;
  }

  /** Pools two ratios: sums numerators and denominators (never averages the percentages). */
  public Ratio plus(Ratio other) {
    return new Ratio(numerator + other.numerator, denominator + other.denominator);
  }

  /** "82.4%" or "–" when undefined. */
  public String percent() {
    Double v = value();
    return v == null ? "–" : String.format(java.util.Locale.ROOT, "%.1f%%", v * 100);
  }

  /** "206 / 250". */
  public String fraction() {
    return numerator + " / " + denominator;
  }
}

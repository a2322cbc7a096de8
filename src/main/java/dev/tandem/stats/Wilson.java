package dev.tandem.stats;

import org.apache.commons.statistics.distribution.NormalDistribution;

/**
 * The Wilson score interval for a binomial proportion: better coverage than the normal ("Wald")
 * interval for small n or proportions near 0 or 1, and never outside [0, 1].
 */
public final class Wilson {

  private static final NormalDistribution STANDARD_NORMAL = NormalDistribution.of(0, 1);

  private Wilson() {}

  /**
   * The interval for {@code x} successes out of {@code n} at the given confidence; {@code [0, 1]}
   * for {@code n = 0}.
   */
  public static Interval interval(long x, long n, double confidence) {
    Checks.counts(x, n);
    Checks.confidence(confidence);
    if (n == 0) {
      return new Interval(0, 1);
    }
    double z = STANDARD_NORMAL.inverseSurvivalProbability((1 - confidence) / 2);
    double p = (double) x / n;
    double z2n = z * z / n;
    double centre = (p + z2n / 2) / (1 + z2n);
    double half = z / (1 + z2n) * Math.sqrt(p * (1 - p) / n + z2n / (4.0 * n));
    // At x = 0 and x = n the bound is exactly 0 or 1; rounding must not move it.
    double low = x == 0 ? 0 : Math.max(0, centre - half);
    double high = x == n ? 1 : Math.min(1, centre + half);
    return new Interval(low, high);
  }
}

package dev.tandem.stats;

import org.apache.commons.statistics.distribution.BetaDistribution;

/**
 * The Clopper–Pearson ("exact") confidence interval for a binomial proportion: the bounds are beta
 * quantiles, {@code B(α/2; x, n−x+1)} and {@code B(1−α/2; x+1, n−x)}, with 0 for {@code x = 0} and
 * 1 for {@code x = n}.
 */
public final class ClopperPearson {

  private ClopperPearson() {}

  /**
   * The interval for {@code x} successes out of {@code n} trials at the given confidence (e.g.
   * 0.95). For {@code n = 0} nothing is known and the interval is {@code [0, 1]}.
   */
  public static Interval interval(long x, long n, double confidence) {
    Checks.counts(x, n);
    Checks.confidence(confidence);
    double tail = (1 - confidence) / 2;
    double low = x == 0 ? 0 : BetaDistribution.of(x, n - x + 1).inverseCumulativeProbability(tail);
    // The upper quantile via the survival function keeps precision where 1 - tail would round.
    double high = x == n ? 1 : BetaDistribution.of(x + 1, n - x).inverseSurvivalProbability(tail);
    return new Interval(low, high);
  }
}

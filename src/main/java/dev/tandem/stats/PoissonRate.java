package dev.tandem.stats;

import org.apache.commons.statistics.distribution.ChiSquaredDistribution;

/**
 * DESIGN §3.3 "A single rate's interval": the exact Poisson (Garwood) 95% interval of x events over
 * an exposure E, {@code [χ²(0.025; 2x)/2, χ²(0.975; 2x+2)/2] / E}, with lower bound 0 when x = 0.
 */
public final class PoissonRate {

  private PoissonRate() {}

  /** The interval of the rate x / E, in events per unit of exposure; NaN bounds when E = 0. */
  public static Interval interval(long x, double exposure) {
    Checks.counts(x, Long.MAX_VALUE);
    Checks.exposure("exposure", exposure);
    if (exposure == 0) {
      return new Interval(Double.NaN, Double.NaN);
    }
    double low =
        x == 0 ? 0 : ChiSquaredDistribution.of(2.0 * x).inverseCumulativeProbability(0.025) / 2;
    double high = ChiSquaredDistribution.of(2.0 * x + 2).inverseCumulativeProbability(0.975) / 2;
    return new Interval(low / exposure, high / exposure);
  }
}

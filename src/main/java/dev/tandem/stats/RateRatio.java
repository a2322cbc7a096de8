package dev.tandem.stats;

import org.apache.commons.statistics.distribution.BinomialDistribution;

/**
 * DESIGN §3.3: the ratio of two incident rates with the exact conditional 95% interval and the
 * central exact conditional p-value. Conditional on {@code n = x1 + x0} incidents, {@code x1} is
 * Binomial(n, p) with {@code p = RR·E1 / (RR·E1 + E0)}; the interval for p (Clopper–Pearson) maps
 * to one for RR, and the p-value is the doubled smaller tail at {@code p0 = E1 / (E1 + E0)}, so the
 * two always agree: p < 0.05 exactly when the 95% interval excludes 1.
 */
public final class RateRatio {

  /** Below this many incidents in the comparison the result is flagged unstable. */
  public static final int STABLE_FROM = 20;

  private static final double CONFIDENCE = 0.95;

  private RateRatio() {}

  /**
   * Compares {@code x1} incidents over exposure {@code e1} (the tool) with {@code x0} incidents
   * over exposure {@code e0} (the baseline).
   */
  public static RateComparison compare(long x1, double e1, long x0, double e0) {
    Checks.counts(x1, Long.MAX_VALUE);
    Checks.counts(x0, Long.MAX_VALUE);
    Checks.exposure("e1", e1);
    Checks.exposure("e0", e0);
    long n = Math.addExact(x1, x0);
    boolean unstable = n < STABLE_FROM;
    if (e1 == 0 || e0 == 0) {
      return new RateComparison(
          Double.NaN, Double.NaN, Double.NaN, Double.NaN, Verdict.NO_EXPOSURE, unstable);
    }
    double rateRatio =
        n == 0 ? Double.NaN : x0 == 0 ? Double.POSITIVE_INFINITY : (x1 / e1) / (x0 / e0);
    Interval p = ClopperPearson.interval(x1, n, CONFIDENCE);
    double scale = e0 / e1;
    double ciLow = x1 == 0 ? 0 : odds(p.low()) * scale;
    double ciHigh = p.high() == 1 ? Double.POSITIVE_INFINITY : odds(p.high()) * scale;
    double pValue = centralPValue(x1, n, e1 / (e1 + e0));
    Verdict verdict =
        n == 0
            ? Verdict.NO_INCIDENTS
            : ciLow > 1 ? Verdict.HIGHER : ciHigh < 1 ? Verdict.LOWER : Verdict.NO_DIFFERENCE;
    return new RateComparison(rateRatio, ciLow, ciHigh, pValue, verdict, unstable);
  }

  /** {@code min(1, 2·min(P(X <= x1), P(X >= x1)))} for {@code X ~ Binomial(n, p0)}. */
  static double centralPValue(long x1, long n, double p0) {
    if (n == 0) {
      return 1;
    }
    BinomialDistribution x = BinomialDistribution.of(Math.toIntExact(n), p0);
    int k = Math.toIntExact(x1);
    double atMost = x.cumulativeProbability(k);
    double atLeast = k == 0 ? 1 : x.survivalProbability(k - 1);
    return Math.min(1, 2 * Math.min(atMost, atLeast));
  }

  private static double odds(double p) {
    return p / (1 - p);
  }
}

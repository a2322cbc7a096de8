package dev.tandem.stats;

import org.apache.commons.statistics.inference.FisherExactTest;

/**
 * Fisher's exact test of a 2×2 table, two-sided: the probability, given the margins, of a table no
 * more likely than the observed one (the definition R's {@code fisher.test} and SciPy's {@code
 * fisher_exact} use). Computed by Apache Commons Statistics.
 */
public final class FisherExact {

  private static final FisherExactTest TEST = FisherExactTest.withDefaults();

  private FisherExact() {}

  /**
   * p for {@code x1} of {@code n1} in one group against {@code x0} of {@code n0} in the other; 1
   * when either group is empty (nothing to compare).
   */
  public static double twoSidedP(long x1, long n1, long x0, long n0) {
    Checks.counts(x1, n1);
    Checks.counts(x0, n0);
    if (n1 == 0 || n0 == 0) {
      return 1;
    }
    int[][] table = {
      {Math.toIntExact(x1), Math.toIntExact(n1 - x1)},
      {Math.toIntExact(x0), Math.toIntExact(n0 - x0)}
    };
    return Math.min(1, TEST.test(table).getPValue());
  }
}

package dev.tandem.stats;

import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;

/**
 * DESIGN §3.3 "Several tools at once": Holm's step-down adjustment of the p-values of the tools
 * compared with one baseline, and the verdict that allows for it.
 */
public final class Holm {

  private static final double ALPHA = 0.05;

  private Holm() {}

  /**
   * The Holm-adjusted p-values, in the order given. NaN marks a tool outside the family (no
   * incidents in its comparison, or no exposure on a side): it stays NaN and does not count in the
   * number of comparisons m. Sorted ascending, the i-th smallest (from 0) becomes {@code max over j
   * <= i of min(1, (m − j)·p(j))}; ties get the same adjusted value whatever their order.
   */
  public static double[] adjust(double[] p) {
    double[] adjusted = new double[p.length];
    Arrays.fill(adjusted, Double.NaN);
    Integer[] family =
        IntStream.range(0, p.length)
            .filter(i -> !Double.isNaN(p[i]))
            .boxed()
            .sorted(Comparator.comparingDouble(i -> p[i]))
            .toArray(Integer[]::new);
    int m = family.length;
    double running = 0;
    for (int j = 0; j < m; j++) {
      running = Math.max(running, Math.min(1, (m - j) * p[family[j]]));
      adjusted[family[j]] = running;
    }
    return adjusted;
  }

  /** How many of the p-values are in the family (not NaN). */
  public static int familySize(double[] p) {
    return (int) Arrays.stream(p).filter(v -> !Double.isNaN(v)).count();
  }

  /**
   * The verdict rule of §3.3, saying {@code higher}/{@code lower} only when the adjusted p is below
   * 0.05 as well; a comparison outside the family keeps its own verdict.
   */
  public static Verdict verdict(RateComparison c, double pAdjusted) {
    if (c.verdict() != Verdict.HIGHER && c.verdict() != Verdict.LOWER) {
      return c.verdict();
    }
    return pAdjusted < ALPHA ? c.verdict() : Verdict.NO_DIFFERENCE;
  }

  /** Whether a comparison belongs to the family: incidents in it and exposure on both sides. */
  public static boolean inFamily(RateComparison c) {
    return c.verdict() == Verdict.HIGHER
        || c.verdict() == Verdict.LOWER
        || c.verdict() == Verdict.NO_DIFFERENCE;
  }
}

package dev.tandem.stats;

import java.util.List;

/**
 * DESIGN §3.3 "Within teams": the Mantel–Haenszel rate ratio over strata (teams) with the
 * Greenland–Robins 95% interval. For stratum i with {@code a} incidents over exposure {@code t1}
 * (the tool) and {@code b} over {@code t0} (the baseline), {@code T = t1 + t0}:
 *
 * <pre>
 * RR_MH = Σ(a·t0/T) / Σ(b·t1/T)
 * V     = Σ((a+b)·t1·t0/T²) / (Σ(a·t0/T) · Σ(b·t1/T))
 * 95% CI = exp(ln RR_MH ± 1.96·√V)
 * </pre>
 *
 * A stratum with no exposure on one side ({@code t1 = 0} or {@code t0 = 0}) carries no
 * within-stratum comparison and drops out. When either sum is 0 the ratio and its interval are
 * undefined (NaN): the remaining strata hold no incident on that side.
 */
public final class MantelHaenszel {

  /** The normal quantile of a two-sided 95% interval. */
  private static final double Z = 1.959963984540054;

  private MantelHaenszel() {}

  /** One stratum: {@code a} tool incidents over {@code t1}, {@code b} baseline over {@code t0}. */
  public record Stratum(long a, double t1, long b, double t0) {

    public Stratum {
      Checks.counts(a, Long.MAX_VALUE);
      Checks.counts(b, Long.MAX_VALUE);
      Checks.exposure("t1", t1);
      Checks.exposure("t0", t0);
    }

    /** Whether the stratum compares anything: exposure on both sides. */
    public boolean compares() {
      return t1 > 0 && t0 > 0;
    }
  }

  /** Why a stratified ratio is undefined; {@code NONE} when it is defined. */
  public enum Undefined {
    NONE,
    /** No stratum has exposure on both sides. */
    NO_STRATUM_WITH_BOTH,
    /** The strata that compare hold no incident with the tool (numerator sum 0). */
    NO_TOOL_INCIDENTS,
    /** The strata that compare hold no baseline incident (denominator sum 0). */
    NO_BASELINE_INCIDENTS
  }

  /**
   * The stratified ratio: NaN ratio and bounds when {@code undefined != NONE}; {@code strata} is
   * how many strata compared, {@code dropped} how many had exposure on one side only or none.
   * {@code verdict} applies the rule of DESIGN §3.3 to the interval (NO_EXPOSURE when no stratum
   * compares, NO_INCIDENTS when a sum is 0).
   */
  public record Result(
      double rateRatio,
      double ciLow,
      double ciHigh,
      int strata,
      int dropped,
      Undefined undefined,
      Verdict verdict) {

    public boolean defined() {
      return undefined == Undefined.NONE;
    }
  }

  public static Result rateRatio(List<Stratum> strata) {
    double numerator = 0;
    double denominator = 0;
    double variance = 0;
    int used = 0;
    for (Stratum s : strata) {
      if (!s.compares()) {
        continue;
      }
      used++;
      double t = s.t1() + s.t0();
      numerator += s.a() * s.t0() / t;
      denominator += s.b() * s.t1() / t;
      variance += (s.a() + s.b()) * (s.t1() / t) * (s.t0() / t);
    }
    int dropped = strata.size() - used;
    Undefined undefined =
        used == 0
            ? Undefined.NO_STRATUM_WITH_BOTH
            : numerator == 0
                ? Undefined.NO_TOOL_INCIDENTS
                : denominator == 0 ? Undefined.NO_BASELINE_INCIDENTS : Undefined.NONE;
    if (undefined != Undefined.NONE) {
      return new Result(
          Double.NaN,
          Double.NaN,
          Double.NaN,
          used,
          dropped,
          undefined,
          used == 0 ? Verdict.NO_EXPOSURE : Verdict.NO_INCIDENTS);
    }
    double ratio = numerator / denominator;
    double halfWidth = Z * Math.sqrt(variance / (numerator * denominator));
    double low = ratio * Math.exp(-halfWidth);
    double high = ratio * Math.exp(halfWidth);
    Verdict verdict = low > 1 ? Verdict.HIGHER : high < 1 ? Verdict.LOWER : Verdict.NO_DIFFERENCE;
    return new Result(ratio, low, high, used, dropped, Undefined.NONE, verdict);
  }
}

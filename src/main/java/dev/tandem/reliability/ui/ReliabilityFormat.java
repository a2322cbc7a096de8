package dev.tandem.reliability.ui;

import dev.tandem.reliability.Comparison;
import dev.tandem.reliability.Exposure;
import dev.tandem.reliability.IncidentProfile;
import dev.tandem.reliability.ToolFigures;
import dev.tandem.stats.RateComparison;
import dev.tandem.stats.RateRatio;
import dev.tandem.stats.Verdict;
import java.time.Duration;
import java.util.Locale;

/**
 * How the Reliability screen writes its numbers, in one place so that the table, the sentences and
 * the test that compares the screen with the API agree.
 */
public final class ReliabilityFormat {

  private ReliabilityFormat() {}

  /** Rates and ratios in the table: two decimals; "–" where undefined, "∞" where infinite. */
  public static String number(double value) {
    if (Double.isNaN(value)) {
      return "–";
    }
    if (Double.isInfinite(value)) {
      return "∞";
    }
    return String.format(Locale.ROOT, "%,.2f", value);
  }

  public static String count(long value) {
    return String.format(Locale.ROOT, "%,d", value);
  }

  /** p-values: three decimals, "< 0.001" below that. */
  public static String pValue(double p) {
    if (Double.isNaN(p)) {
      return "–";
    }
    return p < 0.001 ? "< 0.001" : String.format(Locale.ROOT, "%.3f", p);
  }

  /** "0.021 (0.084)": the comparison's own p, then the Holm-adjusted one where there is one. */
  public static String pValues(ToolFigures t) {
    String own = pValue(t.comparison().pValue());
    return Double.isNaN(t.pAdjusted()) ? own : own + " (" + pValue(t.pAdjusted()) + ")";
  }

  /** "2.75 (0.37–20.53)": the rate ratio with its 95% interval. */
  public static String rateRatio(RateComparison c) {
    if (c.verdict() == Verdict.NO_EXPOSURE) {
      return "–";
    }
    return number(c.rateRatio()) + " (" + number(c.ciLow()) + "–" + number(c.ciHigh()) + ")";
  }

  /** The short form for sentences: two significant digits, at most one decimal from 1 on. */
  public static String shortNumber(double value) {
    if (Double.isNaN(value)) {
      return "–";
    }
    if (Double.isInfinite(value)) {
      return "∞";
    }
    if (value == 0) {
      return "0";
    }
    if (value >= 10) {
      return String.format(Locale.ROOT, "%,.0f", value);
    }
    if (value >= 1) {
      return String.format(Locale.ROOT, "%.1f", value);
    }
    return new java.math.BigDecimal(value)
        .round(new java.math.MathContext(2))
        .stripTrailingZeros()
        .toPlainString();
  }

  /** "22 of 40 (55%) · 3 not recorded": a safeguard gap of one group of incidents. */
  public static String safeguardGap(IncidentProfile.SafeguardGap g) {
    String share =
        Double.isNaN(g.share()) ? "" : String.format(Locale.ROOT, " (%.0f%%)", 100 * g.share());
    return count(g.incidents())
        + " of "
        + count(g.ofIncidents())
        + share
        + (g.notRecorded() > 0 ? " · " + count(g.notRecorded()) + " not recorded" : "");
  }

  public static String duration(Duration d) {
    if (d == null) {
      return "–";
    }
    long minutes = d.toMinutes();
    if (minutes < 60) {
      return minutes + " min";
    }
    if (minutes < 48 * 60) {
      return String.format(Locale.ROOT, "%.1f h", minutes / 60.0);
    }
    return String.format(Locale.ROOT, "%.1f days", minutes / 1440.0);
  }

  /**
   * What the comparison leaves out, in words: incidents not yet classified (counted in neither
   * group) and, for change exposure, changes of developers outside their employment or while
   * excluded, e.g. "2 incidents not yet classified (AI involvement unknown): counted in neither
   * group. 312 changes outside employment or while excluded are not counted."
   */
  public static String dataQuality(Comparison c) {
    long n = c.unclassifiedIncidents();
    String incidents =
        n == 0
            ? "All incidents in this period are classified."
            : count(n)
                + (n == 1 ? " incident" : " incidents")
                + " not yet classified (AI involvement unknown): counted in neither group.";
    long changes = c.changesNotCounted();
    return c.exposure() != Exposure.CHANGES || changes == 0
        ? incidents
        : incidents
            + " "
            + count(changes)
            + (changes == 1 ? " change" : " changes")
            + " outside employment or while excluded "
            + (changes == 1 ? "is" : "are")
            + " not counted.";
  }

  /**
   * What the table says about a tool, in words, leading with the verdict that allows for the {@code
   * compared} tools (Holm), e.g. "Cursor: 2.4× the baseline rate, 95% CI 1.3–4.4; higher even
   * allowing for the 5 tools compared.", "Kiro: 4.0× the baseline rate, 95% CI 1.2–11; of 5 tools
   * compared, this could still be chance (…)." or "Copilot: 1.3×, 95% CI 0.6–2.7; no evidence of a
   * difference."
   */
  public static String sentence(ToolFigures t, Exposure exposure, int compared) {
    if (t.suppressed()) {
      return t.name() + ": used by too few developers here to show without revealing individuals.";
    }
    RateComparison c = t.comparison();
    String unstable =
        c.unstable()
            ? " Fewer than " + RateRatio.STABLE_FROM + " incidents in the comparison: unstable."
            : "";
    String ci =
        Double.isInfinite(c.ciHigh())
            ? "95% CI from " + shortNumber(c.ciLow()) + "× upward"
            : "95% CI " + shortNumber(c.ciLow()) + "–" + shortNumber(c.ciHigh());
    String ratio =
        Double.isInfinite(c.rateRatio())
            ? count(t.figures().incidents()) + " incidents against none in the baseline"
            : shortNumber(c.rateRatio()) + "×";
    return switch (c.verdict()) {
      case NO_EXPOSURE ->
          t.figures().exposure() == 0
              ? t.name()
                  + ": no "
                  + (exposure == Exposure.CHANGES ? "changes attributed to it" : "weeks of use")
                  + " in this period, so no rate to compare."
              : t.name() + ": no baseline exposure in this period, so no rate to compare.";
      case NO_INCIDENTS ->
          t.name()
              + ": no incidents with it or in the baseline in this period; nothing to compare.";
      case HIGHER, LOWER ->
          t.name()
              + ": "
              + ratio
              + (Double.isInfinite(c.rateRatio()) ? ", " : " the baseline rate, ")
              + ci
              + (t.adjustedVerdict() == c.verdict()
                  ? "; "
                      + c.verdict().label()
                      + (compared > 1
                          ? " even allowing for the " + compared + " tools compared."
                          : ", and not likely to be chance.")
                  : "; of "
                      + compared
                      + " tools compared, this could still be chance (p "
                      + pValue(c.pValue())
                      + " alone, "
                      + pValue(t.pAdjusted())
                      + " allowing for them).")
              + unstable;
      case NO_DIFFERENCE ->
          t.name() + ": " + ratio + ", " + ci + "; no evidence of a difference." + unstable;
    };
  }
}

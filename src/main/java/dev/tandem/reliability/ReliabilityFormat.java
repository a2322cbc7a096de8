package dev.tandem.reliability;

import dev.tandem.stats.Interval;
import dev.tandem.stats.RateComparison;
import dev.tandem.stats.RateRatio;
import dev.tandem.stats.Verdict;
import java.time.Duration;
import java.util.Locale;

/**
 * How Tandem writes reliability figures in words and numbers — the Reliability screen, My team, the
 * summary page and their exports alike (one place for every sentence and verdict word); part of the
 * reliability feature's public API, so other features' screens need no reliability UI class.
 * Formerly how the Reliability screen writes its numbers, in one place so that the table, the
 * sentences and the test that compares the screen with the API agree.
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

  /**
   * "95% CI 1.73–3.88": a single rate's exact Poisson (Garwood) interval in the exposure's unit; ""
   * without exposure (DESIGN §3.3, a single rate's interval).
   */
  public static String rateInterval(long incidents, long exposure, Exposure unit) {
    if (exposure == 0) {
      return "";
    }
    Interval i = unit.rateInterval(incidents, exposure);
    return "95% CI " + number(i.low()) + "–" + number(i.high());
  }

  /** "2.75 (0.37–20.53)": the rate ratio with its 95% interval. */
  public static String rateRatio(RateComparison c) {
    if (c.verdict() == Verdict.NO_EXPOSURE) {
      return "–";
    }
    return number(c.rateRatio()) + " (" + number(c.ciLow()) + "–" + number(c.ciHigh()) + ")";
  }

  /**
   * The "How is this computed?" text of the comparison within teams (DESIGN §3.3), in two
   * sentences.
   */
  public static final String WITHIN_TEAMS_EXPLAINED =
      "Within teams: teams differ in how risky their work is and in how much they use each tool,"
          + " so the rate ratio is also computed inside each team and pooled over the teams"
          + " (Mantel–Haenszel, weighting team i by E(tool)·E(baseline)/(E(tool) + E(baseline)),"
          + " with the Greenland–Robins 95% interval), which a tool used mostly by risky teams"
          + " cannot pass off as its own risk. Teams with exposure on one side only compare"
          + " nothing and drop out (the details below name them), and where the teams compared"
          + " hold no incident on one side the ratio is undefined.";

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

  /** A share as a whole percentage ("55%"), one decimal below 1% ("0.4%"); "–" where undefined. */
  public static String percent(double share) {
    if (Double.isNaN(share)) {
      return "–";
    }
    double pct = 100 * share;
    return pct > 0 && pct < 1
        ? String.format(Locale.ROOT, "%.1f%%", pct)
        : String.format(Locale.ROOT, "%.0f%%", pct);
  }

  /** "22 of 40 (55%)": a safeguard gap with its share. */
  public static String gap(IncidentProfile.SafeguardGap g) {
    return count(g.incidents())
        + " of "
        + count(g.ofIncidents())
        + (g.ofIncidents() == 0 ? "" : " (" + percent(g.share()) + ")");
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
    String unstable = unstableClause(c);
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
                          : NOT_CHANCE)
                  : "; of "
                      + compared
                      + " tools compared, this could still be chance (p "
                      + pValue(c.pValue())
                      + " alone, "
                      + pValue(t.pAdjusted())
                      + " allowing for them).")
              + WithinTeamsFormat.withinTeamsClause(t)
              + unstable;
      case NO_DIFFERENCE ->
          t.name()
              + ": "
              + ratio
              + ", "
              + ci
              + NO_DIFFERENCE_CLAUSE
              + WithinTeamsFormat.withinTeamsClause(t)
              + unstable;
    };
  }

  /**
   * What My team says about its incident rate against the rest of the organisation, e.g. "Team
   * Payments: 0.48× the rate of the rest of the organisation, 95% CI 0.13–1.3; no evidence of a
   * difference."
   */
  public static String teamSentence(String team, TeamVsOrganisation r) {
    RateComparison c = r.comparison();
    String unstable = unstableClause(c);
    return switch (c.verdict()) {
      case NO_EXPOSURE ->
          "No exposure in this period for the team or the rest of the organisation: no rate to compare.";
      case NO_INCIDENTS ->
          "No incidents in this period, in the team or elsewhere: nothing to compare.";
      case HIGHER, LOWER ->
          "Team "
              + team
              + ": "
              + shortNumber(c.rateRatio())
              + "× the rate of the rest of "
              + "the organisation, 95% CI "
              + shortNumber(c.ciLow())
              + "–"
              + bound(c.ciHigh())
              + "; "
              + c.verdict().label()
              + NOT_CHANCE
              + unstable;
      case NO_DIFFERENCE ->
          "Team "
              + team
              + ": "
              + (Double.isFinite(c.rateRatio()) ? shortNumber(c.rateRatio()) : "∞")
              + "× the rate of the rest of the organisation, 95% CI "
              + shortNumber(c.ciLow())
              + "–"
              + bound(c.ciHigh())
              + NO_DIFFERENCE_CLAUSE
              + unstable;
    };
  }

  /** The ending of every sentence whose interval contains 1 (DESIGN §3.3's wording). */
  private static final String NO_DIFFERENCE_CLAUSE = "; " + Verdict.NO_DIFFERENCE.label() + ".";

  /** After "higher"/"lower" when one comparison alone is read (no tools to allow for). */
  private static final String NOT_CHANCE = ", and not likely to be chance.";

  /** The warning every sentence ends with when the comparison rests on few incidents. */
  static String unstableClause(RateComparison c) {
    return c.unstable()
        ? " Fewer than " + RateRatio.STABLE_FROM + " incidents in the comparison: unstable."
        : "";
  }

  private static String bound(double high) {
    return Double.isInfinite(high) ? "∞" : shortNumber(high);
  }
}

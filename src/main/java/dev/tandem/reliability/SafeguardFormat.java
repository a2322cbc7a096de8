package dev.tandem.reliability;

import static dev.tandem.reliability.ReliabilityFormat.count;
import static dev.tandem.reliability.ReliabilityFormat.gap;
import static dev.tandem.reliability.ReliabilityFormat.pValue;
import static dev.tandem.reliability.ReliabilityFormat.percent;
import static dev.tandem.reliability.ReliabilityFormat.shortNumber;

import dev.tandem.stats.Interval;

/**
 * How Tandem writes safeguard gaps and their comparisons (DESIGN §3.3) in words: the Reliability
 * screen's safeguards panel and the summary page alike.
 */
public final class SafeguardFormat {

  private SafeguardFormat() {}

  /** "95% CI 38–71%": the share's exact interval. */
  public static String gapInterval(IncidentProfile.SafeguardGap g) {
    if (g.ofIncidents() == 0) {
      return "";
    }
    Interval i = g.interval();
    return "95% CI " + percent(i.low()).replace("%", "") + "–" + percent(i.high());
  }

  /** The incidents of a group in words: "AI-involved incidents", "Kiro incidents". */
  private static String incidentsOf(SafeguardComparison c) {
    return c.groupLabel() + " incidents";
  }

  /**
   * How many times as often a safeguard gap occurs with AI, for tables: "7.1×", "none without AI"
   * where the other share is 0, "" where it is undefined or the groups cannot be compared.
   */
  public static String timesAsOften(SafeguardComparison c) {
    if (!c.comparable() || Double.isNaN(c.timesAsOften())) {
      return "";
    }
    return Double.isInfinite(c.timesAsOften())
        ? "none without AI"
        : shortNumber(c.timesAsOften()) + "×";
  }

  /**
   * A safeguard finding in words, e.g. "AI-involved incidents lacked peer review 6.9× as often as
   * incidents without AI (55% against 8%; Fisher's exact p < 0.001)." or, where the difference
   * could be chance, "… in 12% of cases against 10% of incidents without AI; a difference this size
   * could be chance (p 0.78)."
   */
  public static String safeguardSentence(SafeguardComparison c) {
    String who = incidentsOf(c);
    String gap = c.safeguard().gapPhrase();
    if (c.gap().ofIncidents() == 0) {
      return "No " + who + " in this period, so nothing to compare for this safeguard.";
    }
    if (c.other().ofIncidents() == 0) {
      return who + ": no incidents without AI in this period to compare with.";
    }
    String shares = percent(c.gap().share()) + " against " + percent(c.other().share());
    String p = "Fisher's exact p " + pValue(c.p());
    if (Double.isNaN(c.timesAsOften())) {
      return "None of the " + who + " or of the incidents without AI " + gap + ".";
    }
    if (!c.significant()) {
      return who
          + " "
          + gap
          + " in "
          + percent(c.gap().share())
          + " of cases against "
          + percent(c.other().share())
          + " of incidents without AI; a difference this size could be chance ("
          + p
          + ").";
    }
    if (Double.isInfinite(c.timesAsOften())) {
      return who
          + " "
          + gap
          + " in "
          + percent(c.gap().share())
          + " of cases, incidents without AI never ("
          + p
          + ").";
    }
    return who
        + " "
        + gap
        + (c.timesAsOften() > 1
            ? " " + shortNumber(c.timesAsOften()) + "× as often as incidents without AI ("
            : " less often than incidents without AI (")
        + shares
        + "; "
        + p
        + ").";
  }

  /** "22 of 40 (55%) · 3 not recorded": a safeguard gap of one group of incidents. */
  public static String safeguardGap(IncidentProfile.SafeguardGap g) {
    return gap(g) + (g.notRecorded() > 0 ? " · " + count(g.notRecorded()) + " not recorded" : "");
  }
}

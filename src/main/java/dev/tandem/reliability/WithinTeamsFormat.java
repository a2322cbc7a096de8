package dev.tandem.reliability;

import static dev.tandem.reliability.ReliabilityFormat.number;
import static dev.tandem.reliability.ReliabilityFormat.shortNumber;

import dev.tandem.stats.RateComparison;
import dev.tandem.stats.Verdict;

/**
 * How Tandem writes the rate ratio within teams (DESIGN §3.3, Mantel–Haenszel): the table's cell,
 * why it is what it is, and the clause tool sentences add where it disagrees with the crude ratio.
 */
public final class WithinTeamsFormat {

  private WithinTeamsFormat() {}

  /**
   * The table's cell: "2.90 (0.70–12.00)", "undefined" where a sum is 0 or no team compares, "–"
   * where hidden.
   */
  public static String withinTeams(WithinTeams w) {
    if (w == null || w.suppressed()) {
      return "–";
    }
    if (!w.defined()) {
      return "undefined";
    }
    return number(w.rateRatio()) + " (" + number(w.ciLow()) + "–" + number(w.ciHigh()) + ")";
  }

  /** Why the ratio within teams is what it is, for the cell's tooltip and the details. */
  public static String withinTeamsReason(WithinTeams w, String name) {
    if (w == null || w.suppressed()) {
      return "Not shown: the teams compared have too few developers together.";
    }
    String teams =
        w.teams()
            + (w.teams() == 1 ? " team" : " teams")
            + " compared"
            + (w.droppedTeams() == 0 ? "" : ", " + w.droppedTeams() + " left out");
    return switch (w.result().undefined()) {
      case NONE -> teams + ".";
      case NO_STRATUM_WITH_BOTH ->
          "Undefined: no team has exposure both with " + name + " and without AI.";
      case NO_TOOL_INCIDENTS ->
          "Undefined: no incident with " + name + " in the teams compared (" + teams + ").";
      case NO_BASELINE_INCIDENTS ->
          "Undefined: no baseline incident in the teams compared (" + teams + ").";
    };
  }

  /** What the tool is called in "which teams use …". */
  public static String usedName(ToolFigures t) {
    return ReliabilityService.ALL_AI.equals(t.tool()) ? "AI tools" : t.name();
  }

  /**
   * " Crude 5.9× (1.6–20), within teams 2.9× (0.7–12): much of the difference comes from which
   * teams use Kiro." where the crude and the within-teams verdicts differ; empty otherwise.
   */
  public static String withinTeamsClause(ToolFigures t) {
    WithinTeams w = t.withinTeams();
    RateComparison c = t.comparison();
    if (w == null || !w.disagreesWith(c)) {
      return "";
    }
    String figures =
        " Crude "
            + shortNumber(c.rateRatio())
            + "× ("
            + shortNumber(c.ciLow())
            + "–"
            + shortNumber(c.ciHigh())
            + "), within teams "
            + shortNumber(w.rateRatio())
            + "× ("
            + shortNumber(w.ciLow())
            + "–"
            + shortNumber(w.ciHigh())
            + "): ";
    String name = usedName(t);
    Verdict within = w.result().verdict();
    String why;
    if (within == Verdict.NO_DIFFERENCE) {
      why = "much of the difference comes from which teams use " + name + ".";
    } else if (c.verdict() == Verdict.NO_DIFFERENCE) {
      why =
          "within teams the rate is "
              + within.label()
              + "; which teams use "
              + name
              + " hides that in the crude figure.";
    } else {
      why =
          "the direction turns within teams; which teams use " + name + " explains the crude one.";
    }
    return figures + why;
  }
}

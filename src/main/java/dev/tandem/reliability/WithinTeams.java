package dev.tandem.reliability;

import dev.tandem.stats.MantelHaenszel;
import dev.tandem.stats.RateComparison;
import dev.tandem.stats.Verdict;
import java.util.List;

/**
 * DESIGN §3.3 "within teams": a tool's (or all AI tools') rate ratio against the baseline,
 * Mantel–Haenszel over the developers' own teams, with the Greenland–Robins 95% interval ({@code
 * result}; NaN where undefined). {@code dropped}: the teams left out because they had exposure on
 * one side only (or none), named; {@code droppedUnnamed}: those left out that have fewer than k
 * developers, counted but not named for a viewer who may not see them (DESIGN §3.4); {@code
 * incidentsWithoutTeam}: incidents of the comparison without an owning team, which no team holds.
 * {@code suppressed}: the teams compared have fewer than k developers together, or the tool's row
 * is hidden: no figures.
 */
public record WithinTeams(
    MantelHaenszel.Result result,
    List<DroppedTeam> dropped,
    int droppedUnnamed,
    long incidentsWithoutTeam,
    boolean suppressed) {

  /** Why a team drops out of the comparison within teams. */
  public enum Reason {
    /** Exposure without the tool only: nothing to compare the baseline with. */
    NO_TOOL_EXPOSURE,
    /** Exposure with the tool only (e.g. every change of the team used it). */
    NO_BASELINE_EXPOSURE,
    /** Incidents but no exposure at all (e.g. a team without developers owning an incident). */
    NO_EXPOSURE
  }

  /** A team left out, by name. */
  public record DroppedTeam(String name, Reason reason) {}

  public WithinTeams {
    dropped = List.copyOf(dropped);
  }

  /** No figures: a hidden row or a small group of teams. */
  static WithinTeams hidden() {
    return new WithinTeams(MantelHaenszel.rateRatio(List.of()), List.of(), 0, 0, true);
  }

  public double rateRatio() {
    return result.rateRatio();
  }

  public double ciLow() {
    return result.ciLow();
  }

  public double ciHigh() {
    return result.ciHigh();
  }

  /** Whether there is a ratio to show (not hidden, and both sums above 0). */
  public boolean defined() {
    return !suppressed && result.defined();
  }

  /** Teams compared. */
  public int teams() {
    return result.strata();
  }

  /** Teams left out, named or not. */
  public int droppedTeams() {
    return dropped.size() + droppedUnnamed;
  }

  /**
   * Whether the crude comparison and this one say different things: one interval excludes 1 and the
   * other does not, or they lie on opposite sides of it.
   */
  public boolean disagreesWith(RateComparison crude) {
    if (!defined()) {
      return false;
    }
    Verdict c = crude.verdict();
    boolean crudeDecided = c == Verdict.HIGHER || c == Verdict.LOWER || c == Verdict.NO_DIFFERENCE;
    return crudeDecided && c != result.verdict();
  }
}

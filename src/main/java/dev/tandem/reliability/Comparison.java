package dev.tandem.reliability;

import dev.tandem.base.Scope;
import dev.tandem.base.WeekRange;
import java.util.List;

/**
 * DESIGN §3.3 for a range and scope: the baseline, each tool against it, and the incidents not yet
 * classified (counted in neither group). {@code comparedTools}: how many tools' comparisons the
 * Holm adjustment allowed for (DESIGN §3.3). {@code allAi}: AI-involved work with any tool
 * (assisted or agent) against the same baseline — the direct answer to "are incidents more common
 * with AI tools?"; not one of the tools, so not in the Holm family. {@code changesNotCounted}:
 * changes of the scope's developers in weeks they were not in headcount (before their start, after
 * they left, or while excluded), which change exposure leaves out, as developer-weeks do (a
 * data-quality figure).
 */
public record Comparison(
    WeekRange range,
    Scope scope,
    Exposure exposure,
    long developerWeeks,
    GroupFigures baseline,
    ToolFigures allAi,
    List<ToolFigures> tools,
    int comparedTools,
    long unclassifiedIncidents,
    long changesNotCounted,
    boolean suppressed) {

  /**
   * The comparison of a scope with fewer than k developers, for a viewer who may not see them
   * (DESIGN §3.4): no figures at all.
   */
  static Comparison suppressed(WeekRange range, Scope scope, Exposure exposure) {
    return new Comparison(
        range,
        scope,
        exposure,
        0,
        new GroupFigures(0, 0, Double.NaN, java.util.Map.of(), null, 0),
        null,
        List.of(),
        0,
        0,
        0,
        true);
  }

  /** The same comparison with the number of changes left out of change exposure. */
  Comparison withChangesNotCounted(long changes) {
    return new Comparison(
        range,
        scope,
        exposure,
        developerWeeks,
        baseline,
        allAi,
        tools,
        comparedTools,
        unclassifiedIncidents,
        changes,
        suppressed);
  }

  public java.util.Optional<ToolFigures> tool(String key) {
    return tools.stream().filter(t -> t.tool().equals(key)).findFirst();
  }
}

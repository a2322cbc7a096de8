package dev.tandem.reliability;

import dev.tandem.base.WeekRange;
import java.util.List;

/**
 * DESIGN §3.3 for a range and scope: the baseline, each tool against it, and the incidents not yet
 * classified (counted in neither group). {@code teamKey} null means the whole organisation.
 */
public record Comparison(
    WeekRange range,
    String teamKey,
    Exposure exposure,
    long developerWeeks,
    GroupFigures baseline,
    List<ToolFigures> tools,
    long unclassifiedIncidents) {

  public java.util.Optional<ToolFigures> tool(String key) {
    return tools.stream().filter(t -> t.tool().equals(key)).findFirst();
  }
}

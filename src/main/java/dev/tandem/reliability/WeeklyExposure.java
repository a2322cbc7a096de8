package dev.tandem.reliability;

import dev.tandem.base.Attribution;
import dev.tandem.rollup.ScopeIds;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * DESIGN §3.3 exposure per week and group, read once per request. Changes: changes attributed to
 * the tool ('none' = baseline). Developer-weeks: developer-weeks in headcount with active_days >= 1
 * for the tool; for the baseline, developer-weeks in headcount with no AI usage at all.
 */
final class WeeklyExposure {

  private final Map<LocalDate, Map<String, Long>> changes = new HashMap<>();
  private final Map<LocalDate, Map<String, Long>> toolUsers = new HashMap<>();
  private final Map<String, Long> agentUserWeeks = new HashMap<>();
  private final Map<LocalDate, long[]> headcount = new HashMap<>();

  WeeklyExposure(ReliabilityQuery query, List<WeekBounds> weeks, ScopeIds scope) {
    for (ReliabilityQuery.ChangeSum c : query.changesByWeek(weeks, scope)) {
      changes
          .computeIfAbsent(c.monday(), m -> new HashMap<>())
          .merge(c.attribution(), c.changes(), Long::sum);
    }
    for (ReliabilityQuery.ToolUsers u : query.toolUsersByWeek(weeks, scope)) {
      toolUsers.computeIfAbsent(u.monday(), m -> new HashMap<>()).put(u.tool(), u.users());
      agentUserWeeks.merge(u.tool(), u.agentUsers(), Long::sum);
    }
    for (ReliabilityQuery.HeadcountWeek h : query.headcountByWeek(weeks, scope)) {
      headcount.put(h.monday(), new long[] {h.headcount(), h.aiUsers()});
    }
  }

  boolean hasChangeData() {
    return changes.values().stream().flatMap(m -> m.values().stream()).anyMatch(v -> v > 0);
  }

  /** The exposure of a group ('none' = baseline, else a tool key) over all weeks. */
  long total(Exposure exposure, String group) {
    return headcount.keySet().stream().mapToLong(m -> of(exposure, group, m)).sum();
  }

  /**
   * All AI-attributed exposure of a week: changes with any tool, or developer-weeks with any AI
   * use.
   */
  long ai(Exposure exposure, LocalDate monday) {
    if (exposure == Exposure.CHANGES) {
      return changes.getOrDefault(monday, Map.of()).entrySet().stream()
          .filter(e -> !Attribution.none(e.getKey()))
          .mapToLong(Map.Entry::getValue)
          .sum();
    }
    return headcount.getOrDefault(monday, new long[2])[1];
  }

  long baseline(Exposure exposure, LocalDate monday) {
    return of(exposure, Attribution.NONE, monday);
  }

  /** All exposure, whatever the attribution: every change, or every developer-week in headcount. */
  long all(Exposure exposure) {
    if (exposure == Exposure.CHANGES) {
      return changes.values().stream()
          .flatMap(m -> m.values().stream())
          .mapToLong(Long::longValue)
          .sum();
    }
    return developerWeeks();
  }

  /** All AI-attributed exposure over the weeks: see {@link #ai(Exposure, LocalDate)}. */
  long aiTotal(Exposure exposure) {
    return headcount.keySet().stream().mapToLong(m -> ai(exposure, m)).sum();
  }

  /** Developer-weeks in headcount with any AI use. */
  long aiUserWeeks() {
    return headcount.values().stream().mapToLong(h -> h[1]).sum();
  }

  long developerWeeks() {
    return headcount.values().stream().mapToLong(h -> h[0]).sum();
  }

  long userWeeks(String tool) {
    return toolUsers.values().stream().mapToLong(m -> m.getOrDefault(tool, 0L)).sum();
  }

  /** Developer-weeks in headcount with an agent mode of the tool used on at least one day. */
  long agentUserWeeks(String tool) {
    return agentUserWeeks.getOrDefault(tool, 0L);
  }

  /** Tool keys with changes or usage in the period. */
  Set<String> toolKeys() {
    Set<String> keys = new java.util.TreeSet<>();
    changes.values().forEach(m -> keys.addAll(m.keySet()));
    toolUsers.values().forEach(m -> keys.addAll(m.keySet()));
    keys.remove(Attribution.NONE);
    return keys;
  }

  private long of(Exposure exposure, String group, LocalDate monday) {
    if (exposure == Exposure.CHANGES) {
      return changes.getOrDefault(monday, Map.of()).getOrDefault(group, 0L);
    }
    long[] h = headcount.getOrDefault(monday, new long[2]);
    return Attribution.none(group)
        ? h[0] - h[1]
        : toolUsers.getOrDefault(monday, Map.of()).getOrDefault(group, 0L);
  }
}

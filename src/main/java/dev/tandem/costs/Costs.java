package dev.tandem.costs;

import dev.tandem.access.SmallGroupRule;
import dev.tandem.access.SmallGroups;
import dev.tandem.rollup.ScopeIds;
import dev.tandem.roster.Team;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Adds the query rows (per developer's team, tool and month) up into groups, without a database:
 * the one place the figures of {@link CostFigures} are summed. A group's size, for the small-group
 * rule, is the larger of its seat holders and its active developers in its busiest month.
 */
final class Costs {

  private final YearMonth from;
  private final int months;

  Costs(YearMonth from, int months) {
    this.from = from;
    this.months = months;
  }

  /** Running sums of one group. */
  final class Sums {
    int seats;
    int activeHolders;
    BigDecimal seatCost = BigDecimal.ZERO;
    BigDecimal usageCost = BigDecimal.ZERO;
    int activeDeveloperMonths;
    int aiUserWeeks;
    long unpricedDays;
    long heldDays;
    final int[] holdersByMonth = new int[months];
    final int[] activeByMonth = new int[months];

    void seatMonth(CostQuery.SeatMonth m) {
      int days = from.plusMonths(m.month()).lengthOfMonth();
      seatCost =
          seatCost.add(m.priceDays().divide(BigDecimal.valueOf(days), 10, RoundingMode.HALF_UP));
      unpricedDays += m.heldDays() - m.pricedDays();
      heldDays += m.heldDays();
    }

    void holders(CostQuery.SeatMonth m) {
      holdersByMonth[m.month()] += m.holders();
    }

    void usageMonth(CostQuery.UsageMonth m) {
      usageCost = usageCost.add(m.cost());
    }

    void activeMonth(CostQuery.ActiveMonth m) {
      activeDeveloperMonths += m.developers();
      aiUserWeeks += m.userWeeks();
      activeByMonth[m.month()] += m.developers();
    }

    void seatsOnDay(CostQuery.SeatsOnDay s) {
      seats += s.seats();
      activeHolders += s.activeHolders();
    }

    /** Developers behind the group: its busiest month's seat holders or active developers. */
    int size() {
      int size = 0;
      for (int i = 0; i < months; i++) {
        size = Math.max(size, Math.max(holdersByMonth[i], activeByMonth[i]));
      }
      return size;
    }

    CostFigures figures() {
      return new CostFigures(
          seats,
          activeHolders,
          // No seat held in the period: the seat cost is not known (no seats imported), not 0.
          heldDays == 0 ? null : seatCost.setScale(2, RoundingMode.HALF_UP),
          usageCost.setScale(2, RoundingMode.HALF_UP),
          activeDeveloperMonths,
          aiUserWeeks,
          unpricedDays,
          false);
    }
  }

  /** The query rows of one scope. */
  record Rows(
      List<CostQuery.SeatMonth> seatMonths,
      List<CostQuery.UsageMonth> usageMonths,
      List<CostQuery.ActiveMonth> activeMonths,
      List<CostQuery.SeatsOnDay> seatsOnDay) {}

  /**
   * Groups by {@code keyOf} (from a team and a tool; null leaves a row out). Per-tool rows carry
   * their tool; active developers over any tool ({@code tool} null) go to groups whose key does not
   * depend on the tool, which {@code anyTool} says.
   */
  Map<String, Sums> group(Rows rows, KeyOf keyOf, boolean anyTool) {
    Map<String, Sums> groups = new LinkedHashMap<>();
    Function<String, Sums> sums = k -> groups.computeIfAbsent(k, x -> new Sums());
    for (var m : rows.seatMonths()) {
      if (m.tool() != null) {
        String key = keyOf.key(m.teamId(), m.tool(), m.month());
        if (key != null) {
          sums.apply(key).seatMonth(m);
          if (!anyTool) {
            sums.apply(key).holders(m);
          }
        }
      } else if (anyTool) {
        // Holders over any tool (a developer with two tools' seats counts once).
        String key = keyOf.key(m.teamId(), null, m.month());
        if (key != null) {
          sums.apply(key).holders(m);
        }
      }
    }
    for (var m : rows.usageMonths()) {
      String key = keyOf.key(m.teamId(), m.tool(), m.month());
      if (key != null) {
        sums.apply(key).usageMonth(m);
      }
    }
    for (var m : rows.activeMonths()) {
      if ((m.tool() == null) != anyTool) {
        continue;
      }
      String key = keyOf.key(m.teamId(), m.tool(), m.month());
      if (key != null) {
        sums.apply(key).activeMonth(m);
      }
    }
    for (var s : rows.seatsOnDay()) {
      // Seats are counted on one day: they belong to the period, not to a month.
      String key = keyOf.key(s.teamId(), s.tool(), -1);
      if (key != null) {
        sums.apply(key).seatsOnDay(s);
      }
    }
    return groups;
  }

  /** Where a row goes: a group key, or null to leave it out; {@code month} -1 = not per month. */
  @FunctionalInterface
  interface KeyOf {
    String key(long teamId, String tool, int month);
  }

  /** Sibling groups with the small-group rule and complementary suppression applied. */
  static List<CostReport.Row> siblings(
      Map<String, Sums> groups, Map<String, String> labels, SmallGroupRule rule) {
    List<Map.Entry<String, Sums>> entries = new ArrayList<>(groups.entrySet());
    entries.sort(Map.Entry.comparingByKey());
    var shown =
        SmallGroups.siblings(
            entries, e -> e.getValue().size(), e -> rule.hidden(e.getValue().size()));
    List<CostReport.Row> rows = new ArrayList<>();
    for (var s : shown) {
      String key = s.row().getKey();
      rows.add(
          new CostReport.Row(
              key,
              labels.getOrDefault(key, key),
              s.suppressed() ? CostFigures.SUPPRESSED : s.row().getValue().figures()));
    }
    return rows;
  }

  static Map<String, String> noLabels() {
    return new HashMap<>();
  }

  /**
   * The teams right below the scope (top-level teams for the organisation), each standing for its
   * whole subtree; developers of the scope's own top team form a row of their own.
   */
  static void teamGroups(
      ScopeIds scope, List<Team> all, Map<Long, String> groupOfTeam, Map<String, String> labels) {
    Map<Long, Team> byId = all.stream().collect(Collectors.toMap(Team::id, t -> t));
    for (Team t : all) {
      Team node = t;
      Team child = null;
      while (node != null && !java.util.Objects.equals(node.id(), scope.top())) {
        child = node;
        node = node.parentId() == null ? null : byId.get(node.parentId());
      }
      boolean inScope = scope.organisation() || node != null;
      if (!inScope) {
        continue;
      }
      if (child == null) {
        Team top = byId.get(scope.top());
        groupOfTeam.put(t.id(), top.key());
        labels.put(top.key(), top.name() + " (directly)");
      } else {
        groupOfTeam.put(t.id(), child.key());
        labels.put(child.key(), child.name());
      }
    }
  }
}

package dev.tandem.roster;

import dev.tandem.base.WeekRange;
import dev.tandem.rollup.RollupQuery;
import dev.tandem.rollup.ScopeIds;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Repository;

/**
 * DESIGN §3.1 headcount(W, scope) for the roster screen: read from the rollup, whose one definition
 * ({@code RollupQuery.inHeadcount}) says who is in headcount.
 */
@Repository
class HeadcountQuery {

  private final RollupQuery rollup;

  HeadcountQuery(RollupQuery rollup) {
    this.rollup = rollup;
  }

  /**
   * Distinct developers who were in headcount in at least one week of the range, counted up to
   * {@code upTo}.
   */
  int developersInHeadcount(WeekRange range, ScopeIds scope, int upTo) {
    return rollup.developersInHeadcount(range, scope, upTo);
  }

  /** Headcount per week of the scope. */
  List<WeeklyCount> weeklyHeadcount(WeekRange range, ScopeIds scope) {
    Map<LocalDate, Integer> counts = new HashMap<>();
    rollup.weeks(range, scope).forEach(w -> counts.put(w.monday(), w.headcount()));
    return range.weeks().stream()
        .map(w -> new WeeklyCount(w, counts.getOrDefault(w.monday(), 0)))
        .toList();
  }
}

package dev.tandem.roster;

import dev.tandem.base.WeekRange;
import dev.tandem.rollup.RollupQuery;
import java.time.LocalDate;
import java.util.Collection;
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
  int developersInHeadcount(WeekRange range, Collection<Long> teamIds, int upTo) {
    return rollup.developersInHeadcount(range, teamIds, upTo);
  }

  /** Headcount per week; {@code teamIds} null means the whole organisation. */
  List<WeeklyCount> weeklyHeadcount(WeekRange range, Collection<Long> teamIds) {
    Map<LocalDate, Integer> counts = new HashMap<>();
    rollup.weeks(range, teamIds).forEach(w -> counts.put(w.monday(), w.headcount()));
    return range.weeks().stream()
        .map(w -> new WeeklyCount(w, counts.getOrDefault(w.monday(), 0)))
        .toList();
  }
}

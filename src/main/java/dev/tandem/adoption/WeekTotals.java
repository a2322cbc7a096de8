package dev.tandem.adoption;

import dev.tandem.base.Ratio;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One week of a scope, DESIGN §3.1: developers in headcount, AI users and agent users, each the sum
 * of the scope's per-team rows (a developer counts for their own team only, so the sums count each
 * developer once).
 */
record WeekTotals(int headcount, int aiUsers, int agentUsers) {

  /** A week without rows: nobody in headcount. */
  static final WeekTotals NONE = new WeekTotals(0, 0, 0);

  /** AI users over headcount; {@link Ratio#EMPTY} for a week without developers. */
  Ratio adoption() {
    return new Ratio(aiUsers, headcount);
  }

  /** Agent users over headcount. */
  Ratio agentAdoption() {
    return new Ratio(agentUsers, headcount);
  }

  /** The per-team rows summed per week (Monday); weeks without rows are absent. */
  static Map<LocalDate, WeekTotals> byWeek(List<AdoptionQuery.TeamWeek> rows) {
    Map<LocalDate, WeekTotals> totals = new HashMap<>();
    for (AdoptionQuery.TeamWeek r : rows) {
      totals.merge(
          r.monday(), new WeekTotals(r.headcount(), r.aiUsers(), r.agentUsers()), WeekTotals::plus);
    }
    return totals;
  }

  private WeekTotals plus(WeekTotals o) {
    return new WeekTotals(headcount + o.headcount, aiUsers + o.aiUsers, agentUsers + o.agentUsers);
  }
}

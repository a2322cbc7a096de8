package dev.tandem.adoption;

import dev.tandem.base.Ratio;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One week of a scope as the rollup holds it (DESIGN §3.1): developers in headcount, AI users and
 * agent users, with the adoption ratios the screens, the forecast and the streak read.
 */
record ScopeWeek(int headcount, int aiUsers, int agentUsers) {

  /** A week without rows: nobody in headcount. */
  static final ScopeWeek NONE = new ScopeWeek(0, 0, 0);

  /** AI users over headcount; {@link Ratio#EMPTY} for a week without developers. */
  Ratio adoption() {
    return new Ratio(aiUsers, headcount);
  }

  /** Agent users over headcount. */
  Ratio agentAdoption() {
    return new Ratio(agentUsers, headcount);
  }

  /**
   * The rows of one scope by week (Monday); weeks without rows are absent. Rows of the same week
   * are added, so rows of disjoint teams pool into their union's week.
   */
  static Map<LocalDate, ScopeWeek> byWeek(List<AdoptionQuery.TeamWeek> rows) {
    Map<LocalDate, ScopeWeek> totals = new HashMap<>();
    for (AdoptionQuery.TeamWeek r : rows) {
      totals.merge(
          r.monday(), new ScopeWeek(r.headcount(), r.aiUsers(), r.agentUsers()), ScopeWeek::plus);
    }
    return totals;
  }

  private ScopeWeek plus(ScopeWeek o) {
    return new ScopeWeek(headcount + o.headcount, aiUsers + o.aiUsers, agentUsers + o.agentUsers);
  }
}

package dev.tandem.adoption;

import dev.tandem.base.IsoWeek;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.IntPredicate;

/**
 * The streak: consecutive complete weeks, counted back from the latest, with adoption at or above
 * the goal. Pure: no Spring, no database.
 */
final class AdoptionStreak {

  /** How far back a streak is looked for. */
  static final int LOOK_BACK_WEEKS = 104;

  private AdoptionStreak() {}

  /**
   * Weeks at goal counted back from the last of {@code weeks} (ascending), stopping at the first
   * week below the goal or without developers; {@code null} when a week reached before that is
   * hidden by the small-group rule ({@code hidden} takes the week's headcount), since "n weeks at
   * goal" would reveal that week's adoption.
   */
  static Integer weeksAtGoal(
      List<IsoWeek> weeks, Map<LocalDate, ScopeWeek> totals, IntPredicate hidden, double goal) {
    int streak = 0;
    for (int i = weeks.size() - 1; i >= 0; i--) {
      ScopeWeek t = totals.get(weeks.get(i).monday());
      if (t != null && hidden.test(t.headcount())) {
        return null;
      }
      Double adoption = t == null ? null : t.adoption().value();
      if (adoption == null || adoption < goal) {
        break;
      }
      streak++;
    }
    return streak;
  }
}

package dev.tandem.adoption;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tandem.base.IsoWeek;
import dev.tandem.base.WeekRange;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The streak of weeks at goal, counted back from the latest complete week. */
class AdoptionStreakTest {

  private static final List<IsoWeek> WEEKS =
      new WeekRange(IsoWeek.parse("2026-W01"), IsoWeek.parse("2026-W05")).weeks();

  private static Map<LocalDate, ScopeWeek> adoption(int... aiUsersOfTen) {
    Map<LocalDate, ScopeWeek> totals = new HashMap<>();
    for (int i = 0; i < aiUsersOfTen.length; i++) {
      if (aiUsersOfTen[i] >= 0) {
        totals.put(WEEKS.get(i).monday(), new ScopeWeek(10, aiUsersOfTen[i], 0));
      }
    }
    return totals;
  }

  @Test
  void counts_back_from_the_latest_week_and_stops_at_the_first_week_below_the_goal() {
    // 9/10, 6/10, 8/10, 7/10, 8/10 against a goal of 70%: W05 80% ≥ 70, W04 70% ≥ 70 (at goal
    // counts), W03 80%, W02 60% < 70 stops: 3 weeks.
    assertThat(AdoptionStreak.weeksAtGoal(WEEKS, adoption(9, 6, 8, 7, 8), n -> false, 0.70))
        .isEqualTo(3);
  }

  @Test
  void a_latest_week_below_the_goal_or_without_developers_is_no_streak() {
    // W05 6/10 = 60% < 70%.
    assertThat(AdoptionStreak.weeksAtGoal(WEEKS, adoption(9, 9, 9, 9, 6), n -> false, 0.70))
        .isZero();
    // W05 has no rows (nobody in headcount): adoption undefined, not 0% and not at goal.
    assertThat(AdoptionStreak.weeksAtGoal(WEEKS, adoption(9, 9, 9, 9, -1), n -> false, 0.70))
        .isZero();
  }

  @Test
  void a_hidden_week_inside_the_streak_hides_the_streak_but_one_beyond_its_end_does_not() {
    Map<LocalDate, ScopeWeek> totals = adoption(9, 6, 8, 8, 8);
    // W03 has 3 developers (3/3 = 100%) and groups under 5 are hidden: "n weeks at goal" would
    // tell that W03 was at goal.
    totals.put(WEEKS.get(2).monday(), new ScopeWeek(3, 3, 0));
    assertThat(AdoptionStreak.weeksAtGoal(WEEKS, totals, n -> n < 5, 0.70)).isNull();
    // Hidden W01 lies beyond the end of the streak (W02 60% stops it): W05, W04, W03 = 3 weeks.
    Map<LocalDate, ScopeWeek> early = adoption(-1, 6, 8, 8, 8);
    early.put(WEEKS.get(0).monday(), new ScopeWeek(3, 3, 0));
    assertThat(AdoptionStreak.weeksAtGoal(WEEKS, early, n -> n < 5, 0.70)).isEqualTo(3);
  }
}

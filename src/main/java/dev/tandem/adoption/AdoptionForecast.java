package dev.tandem.adoption;

import dev.tandem.base.IsoWeek;
import dev.tandem.base.Ratio;
import dev.tandem.base.WeekRange;
import dev.tandem.stats.LeastSquares;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.IntPredicate;

/**
 * DESIGN §3.1 forecast: the least-squares line through the weekly adoption of a window of complete
 * weeks (weeks without developers left out); the first week after the window where the line reaches
 * the goal, or not on track if the slope is not positive. Pure: no Spring, no database.
 */
final class AdoptionForecast {

  /** The window: the 8 complete weeks ending with the last one shown. */
  static final int WEEKS = 8;

  private AdoptionForecast() {}

  /**
   * The forecast of a scope from its weekly totals over {@code window}; suppressed when any week of
   * it is hidden by the small-group rule ({@code hidden} takes the week's headcount), since the
   * line would let the hidden week be worked out.
   */
  static AdoptionReport.Forecast of(
      WeekRange window, Map<LocalDate, ScopeWeek> totals, IntPredicate hidden, double goal) {
    List<Ratio> weekly = new ArrayList<>();
    for (IsoWeek week : window.weeks()) {
      ScopeWeek t = totals.get(week.monday());
      if (t != null && hidden.test(t.headcount())) {
        return AdoptionReport.Forecast.SUPPRESSED;
      }
      weekly.add(t == null ? Ratio.EMPTY : t.adoption());
    }
    return of(weekly, window.from(), goal);
  }

  /** The forecast from the weekly adoption of a window starting {@code from}. */
  static AdoptionReport.Forecast of(List<Ratio> weekly, IsoWeek from, double goal) {
    List<double[]> points = new ArrayList<>();
    for (int i = 0; i < weekly.size(); i++) {
      Double adoption = weekly.get(i).value();
      if (adoption != null) {
        points.add(new double[] {i, adoption});
      }
    }
    if (points.size() < 2) {
      return new AdoptionReport.Forecast(null, false, 0, points.size());
    }
    LeastSquares.Line line =
        LeastSquares.fit(
            points.stream().mapToDouble(p -> p[0]).toArray(),
            points.stream().mapToDouble(p -> p[1]).toArray());
    if (line.slope() <= 0) {
      return new AdoptionReport.Forecast(null, false, line.slope(), points.size());
    }
    long k = (long) Math.ceil((goal - line.intercept()) / line.slope() - 1e-9);
    k = Math.max(k, weekly.size());
    return new AdoptionReport.Forecast(from.plus(k), true, line.slope(), points.size());
  }
}

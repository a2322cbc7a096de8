package dev.tandem.rollup;

import dev.tandem.base.WeekRange;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;

/**
 * The weeks a write touched, as the Mondays of its first and last week: the slices of the rollup to
 * recompute. Any day may be given; it stands for its ISO week.
 */
public record WeekSpan(LocalDate first, LocalDate last) {

  /** Every week the calendar table holds (1970 to 2100). */
  public static final WeekSpan ALL =
      new WeekSpan(LocalDate.of(1970, 1, 5), LocalDate.of(2100, 12, 31));

  public WeekSpan {
    first = first.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
    last = last.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
    if (first.isAfter(last)) {
      throw new IllegalArgumentException(
          "span starts (" + first + ") after it ends (" + last + ")");
    }
  }

  public static WeekSpan of(WeekRange range) {
    return new WeekSpan(range.from().monday(), range.to().monday());
  }

  /**
   * The span from {@code first} to {@code last} (either may be null when nothing was written: then
   * null).
   */
  public static WeekSpan between(LocalDate first, LocalDate last) {
    return first == null || last == null ? null : new WeekSpan(first, last);
  }
}

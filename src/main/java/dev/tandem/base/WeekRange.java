package dev.tandem.base;

import java.util.ArrayList;
import java.util.List;

/** An inclusive range of ISO weeks. */
public record WeekRange(IsoWeek from, IsoWeek to) {

  public WeekRange {
    if (from.compareTo(to) > 0) {
      throw new IllegalArgumentException("range starts (" + from + ") after it ends (" + to + ")");
    }
  }

  /** The {@code count} weeks that end with {@code last}. */
  public static WeekRange ending(IsoWeek last, int count) {
    return new WeekRange(last.minus(count - 1L), last);
  }

  public List<IsoWeek> weeks() {
    List<IsoWeek> weeks = new ArrayList<>();
    for (IsoWeek w = from; w.compareTo(to) <= 0; w = w.plus(1)) {
      weeks.add(w);
    }
    return weeks;
  }

  public int size() {
    return (int) from.weeksUntil(to) + 1;
  }
}

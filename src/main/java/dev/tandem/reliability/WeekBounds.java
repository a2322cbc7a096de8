package dev.tandem.reliability;

import dev.tandem.base.IsoWeek;
import dev.tandem.base.WeekRange;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;

/**
 * An ISO week with the instants it starts and ends at in the organisation's zone, so that an
 * incident's {@code started_at} can be placed in its week by a plain, portable comparison.
 */
record WeekBounds(
    LocalDate monday, LocalDate sunday, OffsetDateTime startAt, OffsetDateTime endAt) {

  static WeekBounds of(IsoWeek week, ZoneId zone) {
    return new WeekBounds(
        week.monday(),
        week.sunday(),
        week.monday().atStartOfDay(zone).toOffsetDateTime(),
        week.monday().plusWeeks(1).atStartOfDay(zone).toOffsetDateTime());
  }

  static List<WeekBounds> of(WeekRange range, ZoneId zone) {
    return range.weeks().stream().map(w -> of(w, zone)).toList();
  }
}

package dev.tandem.base;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import org.junit.jupiter.api.Test;

class IsoWeekTest {

  @Test
  void year_2026_has_a_week_53_and_2025_does_not() {
    assertThat(IsoWeek.weeksIn(2026)).isEqualTo(53);
    assertThat(IsoWeek.weeksIn(2025)).isEqualTo(52);
    assertThat(IsoWeek.parse("2026-W53").monday()).isEqualTo(LocalDate.of(2026, 12, 28));
    assertThatThrownBy(() -> IsoWeek.parse("2025-W53"))
        .isInstanceOf(DateTimeParseException.class)
        .hasMessageContaining("has 52 weeks");
  }

  @Test
  void days_around_new_year_belong_to_the_iso_week_based_year() {
    assertThat(IsoWeek.of(LocalDate.of(2027, 1, 3))).hasToString("2026-W53"); // a Sunday
    assertThat(IsoWeek.of(LocalDate.of(2027, 1, 4))).hasToString("2027-W01"); // the next Monday
    assertThat(IsoWeek.of(LocalDate.of(2024, 12, 30))).hasToString("2025-W01");
  }

  @Test
  void plus_crosses_week_53_into_the_next_year() {
    assertThat(IsoWeek.parse("2026-W52").plus(1)).hasToString("2026-W53");
    assertThat(IsoWeek.parse("2026-W53").plus(1)).hasToString("2027-W01");
    assertThat(IsoWeek.parse("2027-W01").minus(2)).hasToString("2026-W52");
    assertThat(IsoWeek.parse("2026-W50").weeksUntil(IsoWeek.parse("2027-W02"))).isEqualTo(5);
  }

  @Test
  void monday_and_sunday_bound_the_week() {
    IsoWeek w = IsoWeek.parse("2026-W48");
    assertThat(w.monday()).isEqualTo(LocalDate.of(2026, 11, 23));
    assertThat(w.sunday()).isEqualTo(LocalDate.of(2026, 11, 29));
  }

  @Test
  void malformed_weeks_are_rejected_with_the_expected_form() {
    assertThatThrownBy(() -> IsoWeek.parse("2026-48"))
        .isInstanceOf(DateTimeParseException.class)
        .hasMessageContaining("YYYY-Www");
    assertThatThrownBy(() -> IsoWeek.parse("2026-W00")).isInstanceOf(DateTimeParseException.class);
  }

  @Test
  void a_range_lists_its_weeks_in_order_across_the_year_boundary() {
    WeekRange range = new WeekRange(IsoWeek.parse("2026-W52"), IsoWeek.parse("2027-W02"));
    assertThat(range.weeks())
        .extracting(IsoWeek::toString)
        .containsExactly("2026-W52", "2026-W53", "2027-W01", "2027-W02");
    assertThat(range.size()).isEqualTo(4);
    assertThat(WeekRange.ending(IsoWeek.parse("2027-W01"), 3).from()).hasToString("2026-W52");
  }
}

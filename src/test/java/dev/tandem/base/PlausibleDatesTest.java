package dev.tandem.base;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import org.junit.jupiter.api.Test;

class PlausibleDatesTest {

  @Test
  void years_from_1970_to_2100_are_plausible_and_nothing_else() {
    assertThat(PlausibleDates.problem(LocalDate.of(1970, 1, 1))).isEmpty();
    assertThat(PlausibleDates.problem(LocalDate.of(2100, 12, 31))).isEmpty();
    assertThat(PlausibleDates.problem(LocalDate.of(1969, 12, 31)))
        .hasValue("year 1969 is outside 1970–2100; expected a date from 1970 to 2100");
    assertThat(PlausibleDates.problem(LocalDate.parse("+99999-01-01"))).isPresent();
    assertThat(PlausibleDates.problem(LocalDate.parse("0000-01-01"))).isPresent();
  }

  @Test
  void an_iso_week_in_year_0000_or_2101_is_not_parsed() {
    assertThatThrownBy(() -> IsoWeek.parse("0000-W01"))
        .isInstanceOf(DateTimeParseException.class)
        .hasMessageContaining("year 0 is outside 1970–2100");
    assertThatThrownBy(() -> IsoWeek.parse("2101-W01")).isInstanceOf(DateTimeParseException.class);
    assertThat(IsoWeek.parse("1970-W02")).hasToString("1970-W02");
  }

  @Test
  void an_excerpt_never_carries_a_whole_long_value() {
    String huge = "x".repeat(5 * 1024 * 1024);
    assertThat(Excerpt.quote(huge))
        .isEqualTo("'" + "x".repeat(40) + "…' (5242880 characters)")
        .hasSizeLessThan(80);
    assertThat(Excerpt.quote("short")).isEqualTo("'short'");
  }
}

package dev.tandem.base;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class ReportingPeriodTest {

  // Monday 2026-03-02 00:30 in Auckland is still Sunday 2026-03-01 in UTC.
  private static final Instant MONDAY_IN_AUCKLAND = Instant.parse("2026-03-01T11:30:00Z");
  private final ReportingPeriod period = ReportingPeriod.endingWith(IsoWeek.parse("2026-W09"));

  @Test
  void the_last_complete_week_is_the_one_before_today_in_the_organisations_zone() {
    Clock clock = Clock.fixed(MONDAY_IN_AUCKLAND, ZoneId.of("UTC"));
    // In Auckland it is Monday of W10, so W09 has ended; in UTC it is Sunday of W09.
    assertThat(ReportingPeriod.at(clock, ZoneId.of("Pacific/Auckland")).lastCompleteWeek())
        .hasToString("2026-W09");
    assertThat(ReportingPeriod.at(clock, ZoneId.of("UTC")).lastCompleteWeek())
        .hasToString("2026-W08");
  }

  @Test
  void without_from_and_to_the_range_is_the_last_26_complete_weeks() {
    WeekRange range = period.parse(null, " ");
    assertThat(range.from()).hasToString("2025-W36");
    assertThat(range.to()).hasToString("2026-W09");
    assertThat(range.size()).isEqualTo(26);
  }

  @Test
  void to_alone_is_the_26_weeks_ending_there_and_from_alone_is_an_error_on_to() {
    assertThat(period.parse(null, "2026-W01").from()).hasToString("2025-W28");
    assertThatThrownBy(() -> period.parse("2026-W01", null))
        .isInstanceOfSatisfying(
            ValidationException.class,
            e -> assertThat(e.problems().get(0).field()).isEqualTo("to"));
  }

  @Test
  void an_attacker_asking_for_ten_thousand_years_gets_a_400_naming_the_field_and_the_year_rule() {
    assertThatThrownBy(() -> period.parse("0001-W01", "9999-W52"))
        .isInstanceOfSatisfying(
            ValidationException.class,
            e -> {
              assertThat(e.problems())
                  .extracting(ValidationException.FieldProblem::field)
                  .containsExactly("from", "to");
              assertThat(e.problems().get(0).message()).contains("year 1", "1970", "2100");
            });
  }

  @Test
  void a_range_of_261_weeks_is_refused_with_the_cap_and_260_weeks_are_accepted() {
    // ISO years 2021 to 2025 have 52 weeks each: 2021-W10 + 5 × 52 weeks = 2026-W10, so the
    // 260 weeks ending with 2026-W09 start at 2021-W10, and 2021-W09 makes 261.
    assertThat(period.parse("2021-W10", "2026-W09").size()).isEqualTo(260);
    assertThatThrownBy(() -> period.parse("2021-W09", "2026-W09"))
        .isInstanceOfSatisfying(
            ValidationException.class,
            e -> {
              assertThat(e.problems().get(0).field()).isEqualTo("from/to");
              assertThat(e.getMessage())
                  .isEqualTo(
                      "from/to: a range may span at most 260 weeks; 2021-W09 to 2026-W09 spans"
                          + " 261");
            });
  }

  @Test
  void a_bad_from_is_reported_as_from_and_a_bad_to_as_to() {
    assertThatThrownBy(() -> period.parse("2026-W60", "2026-W02"))
        .isInstanceOfSatisfying(
            ValidationException.class,
            e ->
                assertThat(e.problems())
                    .extracting(ValidationException.FieldProblem::field)
                    .containsExactly("from"));
    assertThatThrownBy(() -> period.parse("2026-W01", "0000-W01"))
        .isInstanceOfSatisfying(
            ValidationException.class,
            e ->
                assertThat(e.problems())
                    .extracting(ValidationException.FieldProblem::field)
                    .containsExactly("to"));
    assertThatThrownBy(() -> period.parse("2026-W05", "2026-W02"))
        .isInstanceOfSatisfying(
            ValidationException.class,
            e -> assertThat(e.problems().get(0).field()).isEqualTo("from"));
  }

  @Test
  void a_screen_url_never_fails_and_never_exceeds_the_cap() {
    assertThat(period.parseLeniently("garbage", "0000-W01")).isEqualTo(period.defaultRange());
    assertThat(period.parseLeniently("2026-W05", "2026-W02")).isEqualTo(period.defaultRange());
    // A week after the last complete one falls back to the default end.
    assertThat(period.parseLeniently(null, "2027-W01")).isEqualTo(period.defaultRange());
    WeekRange clipped = period.parseLeniently("1990-W01", "2026-W09");
    assertThat(clipped.size()).isEqualTo(260);
    assertThat(clipped.from()).hasToString("2021-W10");
    assertThat(period.choosableWeeks()).hasSize(260).first().hasToString("2026-W09");
  }
}

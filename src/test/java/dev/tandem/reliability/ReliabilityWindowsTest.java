package dev.tandem.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tandem.base.IsoWeek;
import dev.tandem.base.WeekRange;
import org.junit.jupiter.api.Test;

class ReliabilityWindowsTest {

  @Test
  void windows_of_four_weeks_end_with_the_last_week_and_are_all_equal() {
    // 10 weeks: two whole windows end with W10; W01–W02 would make an uneven window and are left
    // out.
    assertThat(
            ReliabilityService.windows(
                new WeekRange(IsoWeek.parse("2026-W01"), IsoWeek.parse("2026-W10"))))
        .extracting(w -> w.from() + ".." + w.to())
        .containsExactly("2026-W03..2026-W06", "2026-W07..2026-W10");
  }

  @Test
  void a_range_shorter_than_a_window_is_one_window() {
    assertThat(
            ReliabilityService.windows(
                new WeekRange(IsoWeek.parse("2026-W08"), IsoWeek.parse("2026-W10"))))
        .extracting(w -> w.from() + ".." + w.to())
        .containsExactly("2026-W08..2026-W10");
  }

  @Test
  void windows_cross_the_year_boundary() {
    assertThat(
            ReliabilityService.windows(
                new WeekRange(IsoWeek.parse("2025-W51"), IsoWeek.parse("2026-W02"))))
        .extracting(w -> w.from() + ".." + w.to())
        .containsExactly("2025-W51..2026-W02");
  }
}

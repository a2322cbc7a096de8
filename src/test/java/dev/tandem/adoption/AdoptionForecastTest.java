package dev.tandem.adoption;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tandem.base.IsoWeek;
import dev.tandem.base.Ratio;
import java.util.List;
import org.junit.jupiter.api.Test;

/** DESIGN §3.1 forecast, as the Adoption screen and each row of its team table compute it. */
class AdoptionForecastTest {

  private static final IsoWeek FROM = IsoWeek.parse("2026-W10");

  @Test
  void
      a_line_rising_five_points_a_week_from_30_percent_reaches_80_percent_ten_weeks_after_the_start() {
    // 30%, 35%, … 65% over weeks 0–7: slope 0.05, intercept 0.30; (0.80 − 0.30) / 0.05 = 10.
    List<Ratio> weeks =
        List.of(
            new Ratio(6, 20),
            new Ratio(7, 20),
            new Ratio(8, 20),
            new Ratio(9, 20),
            new Ratio(10, 20),
            new Ratio(11, 20),
            new Ratio(12, 20),
            new Ratio(13, 20));

    AdoptionReport.Forecast forecast = AdoptionService.forecastOf(weeks, FROM, 0.80);

    assertThat(forecast.onTrack()).isTrue();
    assertThat(forecast.goalWeek()).isEqualTo(IsoWeek.parse("2026-W20"));
    assertThat(forecast.weeksUsed()).isEqualTo(8);
  }

  @Test
  void a_falling_line_is_not_on_track_and_weeks_without_developers_are_left_out() {
    List<Ratio> weeks =
        List.of(Ratio.EMPTY, new Ratio(8, 10), Ratio.EMPTY, new Ratio(7, 10), new Ratio(6, 10));

    AdoptionReport.Forecast forecast = AdoptionService.forecastOf(weeks, FROM, 0.80);

    assertThat(forecast.onTrack()).isFalse();
    assertThat(forecast.goalWeek()).isNull();
    assertThat(forecast.weeksUsed()).isEqualTo(3);
    assertThat(forecast.slopePerWeek()).isNegative();
  }
}

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

    AdoptionReport.Forecast forecast = AdoptionForecast.of(weeks, FROM, 0.80);

    assertThat(forecast.onTrack()).isTrue();
    assertThat(forecast.goalWeek()).isEqualTo(IsoWeek.parse("2026-W20"));
    assertThat(forecast.weeksUsed()).isEqualTo(8);
  }

  @Test
  void a_falling_line_is_not_on_track_and_weeks_without_developers_are_left_out() {
    List<Ratio> weeks =
        List.of(Ratio.EMPTY, new Ratio(8, 10), Ratio.EMPTY, new Ratio(7, 10), new Ratio(6, 10));

    AdoptionReport.Forecast forecast = AdoptionForecast.of(weeks, FROM, 0.80);

    assertThat(forecast.onTrack()).isFalse();
    assertThat(forecast.goalWeek()).isNull();
    assertThat(forecast.weeksUsed()).isEqualTo(3);
    assertThat(forecast.slopePerWeek()).isNegative();
  }

  @Test
  void a_window_with_a_hidden_week_has_no_forecast_and_weeks_without_rows_are_left_out() {
    dev.tandem.base.WeekRange window =
        new dev.tandem.base.WeekRange(FROM, IsoWeek.parse("2026-W13"));
    java.util.Map<java.time.LocalDate, ScopeWeek> totals = new java.util.HashMap<>();
    // W10 2/10 = 20%, W11 no rows, W12 4/10 = 40%, W13 6/10 = 60%: points (0, .2), (2, .4),
    // (3, .6); mean x 5/3, mean y .4; slope = Σ(dx·dy)/Σdx² = (0.333 + 0 + 0.267)/(2.778 + 0.111
    // + 1.778) = 0.6 / 4.667 = 0.1286 a week; intercept .4 − 0.1286·5/3 = 0.1857; 80% at
    // x = (0.8 − 0.1857)/0.1286 = 4.78, so week 5 after W10: W15.
    totals.put(FROM.monday(), new ScopeWeek(10, 2, 0));
    totals.put(IsoWeek.parse("2026-W12").monday(), new ScopeWeek(10, 4, 0));
    totals.put(IsoWeek.parse("2026-W13").monday(), new ScopeWeek(10, 6, 0));

    AdoptionReport.Forecast forecast = AdoptionForecast.of(window, totals, n -> n < 5, 0.80);

    assertThat(forecast.weeksUsed()).isEqualTo(3);
    assertThat(forecast.slopePerWeek())
        .isCloseTo(0.6 / 4.6667, org.assertj.core.data.Offset.offset(0.0001));
    assertThat(forecast.goalWeek()).isEqualTo(IsoWeek.parse("2026-W15"));

    // W11 with 3 developers is hidden (k = 5): a line through the other weeks would reveal it.
    totals.put(IsoWeek.parse("2026-W11").monday(), new ScopeWeek(3, 3, 0));
    assertThat(AdoptionForecast.of(window, totals, n -> n < 5, 0.80))
        .isEqualTo(AdoptionReport.Forecast.SUPPRESSED);
  }
}

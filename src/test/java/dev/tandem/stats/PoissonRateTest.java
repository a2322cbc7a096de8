package dev.tandem.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/**
 * Garwood's exact 95% limits for a Poisson count, against closed forms and against the limits'
 * definition solved independently (bisection on exact Poisson tail sums: the lower limit L has P(X
 * ≥ x; L) = 0.025, the upper U has P(X ≤ x; U) = 0.025), which gives 1: 0.025318–5.571643, 5:
 * 1.623486–11.668332, 37: 26.051415–50.999626.
 */
class PoissonRateTest {

  @Test
  void zero_events_have_a_lower_bound_of_zero_and_an_upper_of_minus_ln_0_025() {
    Interval i = PoissonRate.interval(0, 1);
    assertThat(i.low()).isZero();
    assertThat(i.high()).isCloseTo(-Math.log(0.025), within(1e-9)); // 3.688879
  }

  @Test
  void one_event_has_the_closed_form_lower_bound_minus_ln_0_975() {
    Interval i = PoissonRate.interval(1, 1);
    assertThat(i.low()).isCloseTo(-Math.log(0.975), within(1e-9)); // 0.025318
    assertThat(i.high()).isCloseTo(5.571643, within(1e-5));
  }

  @Test
  void five_and_thirty_seven_events_match_the_tail_definition_and_scale_with_exposure() {
    Interval five = PoissonRate.interval(5, 1);
    assertThat(five.low()).isCloseTo(1.623486, within(1e-5));
    assertThat(five.high()).isCloseTo(11.668332, within(1e-5));
    Interval perHundred = PoissonRate.interval(37, 200);
    assertThat(perHundred.low() * 200).isCloseTo(26.051415, within(1e-5));
    assertThat(perHundred.high() * 200).isCloseTo(50.999626, within(1e-5));
  }

  @Test
  void no_exposure_has_no_interval() {
    assertThat(PoissonRate.interval(3, 0).low()).isNaN();
  }
}

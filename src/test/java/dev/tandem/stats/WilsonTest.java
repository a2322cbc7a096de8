package dev.tandem.stats;

import static dev.tandem.stats.ClopperPearsonTest.relative;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Reference values: SciPy 1.17.1, {@code binomtest(x, n).proportion_ci(0.95, 'wilson')}. */
class WilsonTest {

  @ParameterizedTest(name = "{0} of {1}")
  @CsvSource({
    "0, 10, 0.0, 0.27753279986288926",
    "10, 10, 0.7224672001371109, 1.0",
    "5, 20, 0.11186170140766571, 0.468700877618744",
    "81, 263, 0.2552885198782742, 0.36620957698280004",
    "1, 100000, 1.765247730378316e-06, 5.664709659040965e-05",
    "1, 1, 0.20654931437723745, 1.0"
  })
  void matches_scipy_wilson_interval(long x, long n, double low, double high) {
    Interval ci = Wilson.interval(x, n, 0.95);
    assertThat(ci.low()).isCloseTo(low, relative(low));
    assertThat(ci.high()).isCloseTo(high, relative(high));
  }

  @Test
  void no_trials_give_the_whole_unit_interval() {
    assertThat(Wilson.interval(0, 0, 0.95)).isEqualTo(new Interval(0, 1));
  }

  @Test
  void is_narrower_at_higher_n_for_the_same_proportion() {
    Interval small = Wilson.interval(8, 10, 0.95);
    Interval large = Wilson.interval(800, 1000, 0.95);
    assertThat(large.high() - large.low()).isLessThan(small.high() - small.low());
    assertThat(large.contains(0.8)).isTrue();
  }
}

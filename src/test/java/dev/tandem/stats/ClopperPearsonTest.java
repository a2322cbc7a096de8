package dev.tandem.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Reference values: SciPy 1.17.1, {@code scipy.stats.binomtest(x, n).proportion_ci(0.95, 'exact')},
 * an implementation independent of Commons Statistics.
 */
class ClopperPearsonTest {

  @ParameterizedTest(name = "{0} of {1}")
  @CsvSource({
    "0, 10, 0.0, 0.30849710781876294",
    "10, 10, 0.6915028921812371, 1.0",
    "1, 1, 0.025000000000000022, 1.0",
    "0, 1, 0.0, 0.975",
    "5, 20, 0.08657146910143455, 0.49104587170795755",
    "2, 11, 0.022831198299959138, 0.5177558523601246",
    "50, 1000, 0.03733539760466063, 0.06539048791549365",
    "999, 1000, 0.9944410757201502, 0.9999746825125083",
    "1, 100000, 2.5317842743932826e-07, 5.571516034432556e-05",
    "7, 7000000, 4.020517897694494e-07, 2.0603810997200965e-06"
  })
  void matches_scipy_exact_interval(long x, long n, double low, double high) {
    Interval ci = ClopperPearson.interval(x, n, 0.95);
    assertThat(ci.low()).isCloseTo(low, relative(low));
    assertThat(ci.high()).isCloseTo(high, relative(high));
  }

  @Test
  void zero_successes_give_a_lower_bound_of_exactly_zero_and_all_successes_an_upper_bound_of_one() {
    assertThat(ClopperPearson.interval(0, 37, 0.95).low()).isZero();
    assertThat(ClopperPearson.interval(37, 37, 0.95).high()).isEqualTo(1.0);
  }

  @Test
  void no_trials_tell_nothing() {
    assertThat(ClopperPearson.interval(0, 0, 0.95)).isEqualTo(new Interval(0, 1));
  }

  @Test
  void impossible_counts_are_refused() {
    assertThatThrownBy(() -> ClopperPearson.interval(3, 2, 0.95))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> ClopperPearson.interval(1, 2, 1.0))
        .isInstanceOf(IllegalArgumentException.class);
  }

  static Offset<Double> relative(double expected) {
    return within(Math.max(1e-12, Math.abs(expected) * 1e-8));
  }
}

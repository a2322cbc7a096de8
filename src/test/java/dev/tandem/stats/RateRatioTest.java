package dev.tandem.stats;

import static dev.tandem.stats.ClopperPearsonTest.relative;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Reference values: SciPy 1.17.1. The interval maps {@code binomtest(x1, n).proportion_ci(0.95,
 * 'exact')} through {@code p/(1-p)·E0/E1}; the p-value is {@code min(1, 2·min(binom.cdf(x1, n, p0),
 * binom.sf(x1-1, n, p0)))} with {@code p0 = E1/(E1+E0)}.
 */
class RateRatioTest {

  @Test
  void reproduces_the_published_check_of_design_3_3() {
    RateComparison c = RateRatio.compare(2, 17_877, 9, 16_660);
    assertThat(c.rateRatio()).isCloseTo(0.207, within(0.0005));
    assertThat(c.ciLow()).isCloseTo(0.0218, within(0.00005));
    assertThat(c.ciHigh()).isCloseTo(1.0005, within(0.00005));
    assertThat(c.pValue()).isCloseTo(0.0501, within(0.00005));
    assertThat(c.verdict()).isEqualTo(Verdict.NO_DIFFERENCE);
    assertThat(c.unstable()).isTrue();
  }

  @ParameterizedTest(name = "{0}/{1} vs {2}/{3}")
  @CsvSource({
    "2, 17877, 9, 16660, 0.20709415574325793, 0.021774062759064197, 1.0005491044875288,"
        + " 0.050106495614108904, NO_DIFFERENCE",
    "0, 1000, 10, 2000, 0.0, 0.0, 0.8922510991838584, 0.03468305983166521, LOWER",
    "3, 1, 4, 1000000, 750000.0, 109863.474663035, 4433259.889182759, 6.999958000151197e-17,"
        + " HIGHER",
    "30000, 50000000, 20000, 60000000, 1.8, 1.7680212769287602, 1.8325863336876071, 0.0,"
        + " HIGHER",
    "12, 4000, 12, 4000, 1.0, 0.4109183802748819, 2.4335733031242235, 1.0, NO_DIFFERENCE",
    "14, 1000, 5, 1000, 2.8, 0.9530130628050352, 9.933050003501846, 0.063568115234375,"
        + " NO_DIFFERENCE",
    "7, 2500, 15, 3000, 0.56, 0.19315627094775584, 1.4591290850251992, 0.283818298715392,"
        + " NO_DIFFERENCE"
  })
  void matches_scipy_for_small_large_and_tiny_exposures(
      long x1,
      double e1,
      long x0,
      double e0,
      double rr,
      double low,
      double high,
      double p,
      Verdict verdict) {
    RateComparison c = RateRatio.compare(x1, e1, x0, e0);
    assertThat(c.rateRatio()).isCloseTo(rr, relative(rr));
    assertThat(c.ciLow()).isCloseTo(low, relative(low));
    assertThat(c.ciHigh()).isCloseTo(high, relative(high));
    assertThat(c.pValue()).isCloseTo(p, within(Math.max(1e-15, p * 1e-8)));
    assertThat(c.verdict()).isEqualTo(verdict);
  }

  @Test
  void a_baseline_without_incidents_gives_an_infinite_ratio_and_upper_bound() {
    RateComparison c = RateRatio.compare(5, 100, 0, 100);
    assertThat(c.rateRatio()).isInfinite();
    assertThat(c.ciHigh()).isInfinite();
    assertThat(c.ciLow()).isCloseTo(0.91635585731546, relative(0.91635585731546));
    assertThat(c.pValue()).isCloseTo(0.0625, within(1e-12));
    assertThat(c.verdict()).isEqualTo(Verdict.NO_DIFFERENCE);

    RateComparison tiny = RateRatio.compare(10, 10, 0, 1);
    assertThat(tiny.ciLow()).isCloseTo(0.22415214750975357, relative(0.22415214750975357));
    assertThat(tiny.pValue()).isCloseTo(0.7710865788590633, within(1e-12));
  }

  @Test
  void verdict_turns_higher_exactly_when_the_lower_bound_passes_one_and_p_agrees() {
    // 15 incidents vs 5 over 1,000 baseline units: SciPy gives RR_L 1.00628 at E1 = 1,030 and
    // 0.99661 at E1 = 1,040, with p 0.04840 and 0.05089.
    RateComparison above = RateRatio.compare(15, 1030, 5, 1000);
    assertThat(above.ciLow()).isCloseTo(1.006281184941183, relative(1.006281184941183));
    assertThat(above.verdict()).isEqualTo(Verdict.HIGHER);
    assertThat(above.pValue()).isCloseTo(0.04839566987190899, within(1e-12)).isLessThan(0.05);

    RateComparison below = RateRatio.compare(15, 1040, 5, 1000);
    assertThat(below.ciLow()).isCloseTo(0.9966054043167486, relative(0.9966054043167486));
    assertThat(below.verdict()).isEqualTo(Verdict.NO_DIFFERENCE);
    assertThat(below.pValue()).isCloseTo(0.05088958325869027, within(1e-12)).isGreaterThan(0.05);
  }

  @Test
  void verdict_turns_lower_exactly_when_the_upper_bound_drops_below_one() {
    RateComparison lower = RateRatio.compare(5, 1000, 15, 1000);
    assertThat(lower.ciHigh()).isCloseTo(0.9648136136665563, relative(0.9648136136665563));
    assertThat(lower.verdict()).isEqualTo(Verdict.LOWER);
    RateComparison notLower = RateRatio.compare(5, 1000, 14, 1000);
    assertThat(notLower.ciHigh()).isCloseTo(1.0493035604954528, relative(1.0493035604954528));
    assertThat(notLower.verdict()).isEqualTo(Verdict.NO_DIFFERENCE);
  }

  @Test
  void no_incidents_on_either_side_is_its_own_verdict_with_an_undefined_ratio() {
    RateComparison c = RateRatio.compare(0, 500, 0, 800);
    assertThat(c.verdict()).isEqualTo(Verdict.NO_INCIDENTS);
    assertThat(c.rateRatio()).isNaN();
    assertThat(c.ciLow()).isZero();
    assertThat(c.ciHigh()).isInfinite();
    assertThat(c.pValue()).isEqualTo(1.0);
    assertThat(c.unstable()).isTrue();
  }

  @Test
  void no_exposure_on_either_side_is_its_own_verdict_without_numbers() {
    for (RateComparison c :
        new RateComparison[] {RateRatio.compare(3, 0, 4, 100), RateRatio.compare(3, 100, 4, 0)}) {
      assertThat(c.verdict()).isEqualTo(Verdict.NO_EXPOSURE);
      assertThat(c.rateRatio()).isNaN();
      assertThat(c.ciLow()).isNaN();
      assertThat(c.ciHigh()).isNaN();
      assertThat(c.pValue()).isNaN();
    }
  }

  @Test
  void fewer_than_twenty_incidents_in_the_comparison_are_flagged_unstable() {
    assertThat(RateRatio.compare(10, 100, 9, 100).unstable()).isTrue();
    assertThat(RateRatio.compare(10, 100, 10, 100).unstable()).isFalse();
  }

  @Test
  void the_p_value_is_below_005_exactly_when_the_interval_excludes_one() {
    for (int x1 = 0; x1 <= 30; x1++) {
      for (int x0 = 0; x0 <= 30; x0 += 3) {
        RateComparison c = RateRatio.compare(x1, 1200, x0, 1000);
        if (x1 + x0 == 0) {
          continue;
        }
        boolean excludesOne = c.ciLow() > 1 || c.ciHigh() < 1;
        assertThat(c.pValue() < 0.05).as("x1=%d x0=%d", x1, x0).isEqualTo(excludesOne);
      }
    }
  }
}

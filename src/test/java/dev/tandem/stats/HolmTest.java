package dev.tandem.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class HolmTest {

  /**
   * Five tools, one (E) without incidents and so outside the family: m = 4. Sorted 0.01 (A), 0.03
   * (C), 0.04 (B), 0.04 (D): A 4·0.01 = 0.04; C max(0.04, 3·0.03) = 0.09; B max(0.09, 2·0.04) =
   * 0.09; D max(0.09, 1·0.04) = 0.09. R: p.adjust(c(0.01, 0.04, 0.03, 0.04), "holm") gives 0.04
   * 0.09 0.09 0.09.
   */
  @Test
  void five_tools_with_a_tie_and_one_without_incidents_left_out() {
    double[] p = {0.01, 0.04, 0.03, 0.04, Double.NaN};

    double[] adjusted = Holm.adjust(p);

    assertThat(adjusted[0]).isCloseTo(0.04, within(1e-12));
    assertThat(adjusted[1]).isCloseTo(0.09, within(1e-12));
    assertThat(adjusted[2]).isCloseTo(0.09, within(1e-12));
    assertThat(adjusted[3]).isCloseTo(0.09, within(1e-12));
    assertThat(adjusted[4]).isNaN();
    assertThat(Holm.familySize(p)).isEqualTo(4);
  }

  /** Adjusted values are capped at 1 and never fall below an earlier (smaller) one's. */
  @Test
  void adjusted_values_are_capped_at_one_and_monotone() {
    double[] adjusted = Holm.adjust(new double[] {0.6, 0.2, 0.001});
    // Sorted 0.001, 0.2, 0.6: 3·0.001 = 0.003; max(0.003, 2·0.2) = 0.4; max(0.4, min(1, 0.6)) =
    // 0.6.
    assertThat(adjusted).containsExactly(new double[] {0.6, 0.4, 0.003}, within(1e-12));
    assertThat(Holm.adjust(new double[] {0.5, 0.5, 0.5})).containsOnly(1.0);
  }

  @Test
  void a_higher_verdict_stands_only_when_the_adjusted_p_is_below_five_percent() {
    RateComparison higher = new RateComparison(4.0, 1.2, 11, 0.02, Verdict.HIGHER, true);
    assertThat(Holm.verdict(higher, 0.08)).isEqualTo(Verdict.NO_DIFFERENCE);
    assertThat(Holm.verdict(higher, 0.049)).isEqualTo(Verdict.HIGHER);
    RateComparison none = new RateComparison(Double.NaN, 0, 1, 1, Verdict.NO_INCIDENTS, true);
    assertThat(Holm.verdict(none, Double.NaN)).isEqualTo(Verdict.NO_INCIDENTS);
    assertThat(Holm.inFamily(none)).isFalse();
    assertThat(Holm.inFamily(higher)).isTrue();
  }
}

package dev.tandem.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/**
 * Two-sided Fisher's exact test against SciPy 1.17.1 ({@code scipy.stats.fisher_exact([[x1, n1 -
 * x1], [x0, n0 - x0]]).pvalue}), which agrees with the hypergeometric sum computed in exact
 * fractions (tables no more likely than the observed one).
 */
class FisherExactTest {

  @Test
  void the_lady_tasting_tea_has_p_0_4857() {
    // 3 of 4 cups called right against 1 of 4: 34/70.
    assertThat(FisherExact.twoSidedP(3, 4, 1, 4)).isCloseTo(34.0 / 70, within(1e-12));
  }

  @Test
  void a_large_gap_in_peer_review_is_far_from_chance() {
    // 22 of 40 AI-involved incidents not peer-reviewed against 5 of 60 others.
    assertThat(FisherExact.twoSidedP(22, 40, 5, 60))
        .isCloseTo(3.9258540268219186e-07, within(1e-15));
  }

  @Test
  void moderate_and_small_tables_match_scipy() {
    assertThat(FisherExact.twoSidedP(11, 40, 5, 60)).isCloseTo(0.013435996032399585, within(1e-12));
    assertThat(FisherExact.twoSidedP(6, 11, 1, 21)).isCloseTo(0.0029805196657254496, within(1e-12));
  }

  @Test
  void equal_shares_give_p_1() {
    // 5% against 5%.
    assertThat(FisherExact.twoSidedP(2, 40, 3, 60)).isCloseTo(1.0, within(1e-12));
  }

  @Test
  void an_empty_group_has_nothing_to_compare() {
    assertThat(FisherExact.twoSidedP(0, 0, 3, 60)).isEqualTo(1.0);
    assertThat(FisherExact.twoSidedP(3, 10, 0, 0)).isEqualTo(1.0);
  }

  @Test
  void counts_outside_their_totals_are_a_programming_error() {
    assertThatThrownBy(() -> FisherExact.twoSidedP(5, 4, 0, 1))
        .isInstanceOf(IllegalArgumentException.class);
  }
}

package dev.tandem.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.tandem.stats.MantelHaenszel.Result;
import dev.tandem.stats.MantelHaenszel.Stratum;
import dev.tandem.stats.MantelHaenszel.Undefined;
import java.util.List;
import org.junit.jupiter.api.Test;

class MantelHaenszelTest {

  /**
   * Worked by hand. Team 1: 6 tool incidents over 300, 2 baseline over 300 (T = 600): a·t0/T = 3,
   * b·t1/T = 1, (a+b)·t1·t0/T² = 2. Team 2: 1 over 100, 4 over 2,000 (T = 2,100): 20/21, 4/21,
   * 100/441. RR = (3 + 20/21)/(1 + 4/21) = 83/25 = 3.32; V = (2 + 100/441)/((83/21)(25/21)) =
   * 982/2075; CI = 3.32·exp(∓1.96·√V) = 0.862–12.79. The crude ratio of the same figures is 7/400
   * over 6/2,300 = 6.7.
   */
  private static final List<Stratum> TWO_TEAMS =
      List.of(new Stratum(6, 300, 2, 300), new Stratum(1, 100, 4, 2000));

  @Test
  void two_teams_give_the_ratio_and_interval_worked_by_hand() {
    Result r = MantelHaenszel.rateRatio(TWO_TEAMS);
    assertThat(r.rateRatio()).isCloseTo(3.32, within(1e-12));
    double halfWidth = 1.959963984540054 * Math.sqrt(982.0 / 2075);
    assertThat(r.ciLow()).isCloseTo(3.32 * Math.exp(-halfWidth), within(1e-12));
    assertThat(r.ciHigh()).isCloseTo(3.32 * Math.exp(halfWidth), within(1e-12));
    assertThat(r.ciLow()).isCloseTo(0.862, within(0.0005));
    assertThat(r.ciHigh()).isCloseTo(12.785, within(0.0005));
    assertThat(r.strata()).isEqualTo(2);
    assertThat(r.dropped()).isZero();
    assertThat(r.undefined()).isEqualTo(Undefined.NONE);
    assertThat(r.verdict()).isEqualTo(Verdict.NO_DIFFERENCE);
    // The same figures pooled say "higher": the teams differ in risk and in use of the tool.
    assertThat(RateRatio.compare(7, 400, 6, 2300).verdict()).isEqualTo(Verdict.HIGHER);
  }

  @Test
  void one_team_gives_its_own_rate_ratio_with_variance_one_over_a_plus_one_over_b() {
    Result r = MantelHaenszel.rateRatio(List.of(new Stratum(8, 200, 4, 400)));
    assertThat(r.rateRatio()).isCloseTo(4.0, within(1e-12)); // (8/200)/(4/400)
    double halfWidth = 1.959963984540054 * Math.sqrt(1.0 / 8 + 1.0 / 4);
    assertThat(r.ciLow()).isCloseTo(4 * Math.exp(-halfWidth), within(1e-12));
    assertThat(r.ciHigh()).isCloseTo(4 * Math.exp(halfWidth), within(1e-12));
    assertThat(r.verdict()).isEqualTo(Verdict.HIGHER); // 1.20–13.3
  }

  /**
   * Doll and Hill's British doctors, coronary deaths of smokers and non-smokers by age band
   * (deaths, person-years): 35–44 32/52,407 and 2/18,790; 45–54 104/43,248 and 12/10,673; 55–64
   * 206/28,612 and 28/5,710; 65–74 186/12,663 and 28/2,585; 75–84 102/5,317 and 31/1,462 — the
   * person-time example of Rothman and Greenland's Modern Epidemiology, also Stata's dollhill3 data
   * set. Reference values computed independently in Python 3 (plain floats, the formulas of DESIGN
   * §3.3 written afresh): RR_MH 1.424682016751439, 95% CI 1.1547031007467963–1.7577841849928701
   * (the crude ratio is 1.72).
   */
  @Test
  void reproduces_the_british_doctors_person_time_example() {
    Result r =
        MantelHaenszel.rateRatio(
            List.of(
                new Stratum(32, 52_407, 2, 18_790),
                new Stratum(104, 43_248, 12, 10_673),
                new Stratum(206, 28_612, 28, 5_710),
                new Stratum(186, 12_663, 28, 2_585),
                new Stratum(102, 5_317, 31, 1_462)));
    assertThat(r.rateRatio()).isCloseTo(1.424682016751439, within(1e-12));
    assertThat(r.ciLow()).isCloseTo(1.1547031007467963, within(1e-12));
    assertThat(r.ciHigh()).isCloseTo(1.7577841849928701, within(1e-12));
    assertThat(r.verdict()).isEqualTo(Verdict.HIGHER);
    assertThat(RateRatio.compare(630, 142_247, 101, 39_220).rateRatio())
        .isCloseTo(1.72, within(0.005));
  }

  @Test
  void teams_with_exposure_on_one_side_only_drop_out_and_change_nothing() {
    Result r =
        MantelHaenszel.rateRatio(
            List.of(
                new Stratum(6, 300, 2, 300),
                new Stratum(9, 500, 0, 0), // everyone uses the tool: no baseline to compare with
                new Stratum(1, 100, 4, 2000),
                new Stratum(0, 0, 7, 900), // nobody uses the tool
                new Stratum(0, 0, 0, 0)));
    Result without = MantelHaenszel.rateRatio(TWO_TEAMS);
    assertThat(r.rateRatio()).isEqualTo(without.rateRatio());
    assertThat(r.ciLow()).isEqualTo(without.ciLow());
    assertThat(r.ciHigh()).isEqualTo(without.ciHigh());
    assertThat(r.strata()).isEqualTo(2);
    assertThat(r.dropped()).isEqualTo(3);
  }

  @Test
  void a_zero_sum_leaves_the_ratio_undefined_and_says_which_side_had_no_incidents() {
    Result noTool =
        MantelHaenszel.rateRatio(List.of(new Stratum(0, 300, 2, 300), new Stratum(5, 100, 1, 0)));
    assertThat(noTool.undefined()).isEqualTo(Undefined.NO_TOOL_INCIDENTS);
    assertThat(noTool.rateRatio()).isNaN();
    assertThat(noTool.ciLow()).isNaN();
    assertThat(noTool.ciHigh()).isNaN();
    assertThat(noTool.defined()).isFalse();
    assertThat(noTool.verdict()).isEqualTo(Verdict.NO_INCIDENTS);
    assertThat(noTool.strata()).isEqualTo(1);
    assertThat(noTool.dropped()).isEqualTo(1);

    Result noBaseline = MantelHaenszel.rateRatio(List.of(new Stratum(3, 300, 0, 300)));
    assertThat(noBaseline.undefined()).isEqualTo(Undefined.NO_BASELINE_INCIDENTS);
    assertThat(noBaseline.rateRatio()).isNaN();
    assertThat(noBaseline.ciHigh()).isNaN();
  }

  @Test
  void no_team_with_exposure_on_both_sides_is_no_exposure() {
    Result none = MantelHaenszel.rateRatio(List.of(new Stratum(3, 100, 0, 0)));
    assertThat(none.undefined()).isEqualTo(Undefined.NO_STRATUM_WITH_BOTH);
    assertThat(none.verdict()).isEqualTo(Verdict.NO_EXPOSURE);
    assertThat(none.rateRatio()).isNaN();
    assertThat(MantelHaenszel.rateRatio(List.of()).undefined())
        .isEqualTo(Undefined.NO_STRATUM_WITH_BOTH);
  }

  @Test
  void negative_counts_or_exposures_are_programming_errors() {
    assertThatThrownBy(() -> new Stratum(-1, 1, 0, 1)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new Stratum(0, 1, 0, Double.NaN))
        .isInstanceOf(IllegalArgumentException.class);
  }
}

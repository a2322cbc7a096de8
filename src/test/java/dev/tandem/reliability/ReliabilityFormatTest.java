package dev.tandem.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tandem.stats.RateComparison;
import dev.tandem.stats.RateRatio;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ReliabilityFormatTest {

  @Test
  void the_data_quality_line_says_what_the_comparison_leaves_out() {
    assertThat(ReliabilityFormat.dataQuality(leftOut(Exposure.CHANGES, 0, 0)))
        .isEqualTo("All incidents in this period are classified.");
    assertThat(ReliabilityFormat.dataQuality(leftOut(Exposure.CHANGES, 2, 1_312)))
        .isEqualTo(
            "2 incidents not yet classified (AI involvement unknown): counted in neither group."
                + " 1,312 changes outside employment or while excluded are not counted.");
    assertThat(ReliabilityFormat.dataQuality(leftOut(Exposure.CHANGES, 1, 1)))
        .isEqualTo(
            "1 incident not yet classified (AI involvement unknown): counted in neither group."
                + " 1 change outside employment or while excluded is not counted.");
    // Developer-weeks do not count changes at all: nothing to say about them.
    assertThat(ReliabilityFormat.dataQuality(leftOut(Exposure.DEVELOPER_WEEKS, 0, 312)))
        .isEqualTo("All incidents in this period are classified.");
  }

  private static dev.tandem.reliability.Comparison leftOut(
      Exposure exposure, long unclassified, long changes) {
    return new dev.tandem.reliability.Comparison(
        null,
        null,
        exposure,
        0,
        new GroupFigures(0, 0, Double.NaN, Map.of(), null, 0),
        null,
        java.util.List.of(),
        0,
        unclassified,
        changes,
        false);
  }

  @Test
  void a_clear_difference_that_holds_for_all_tools_compared_says_so() {
    // 30 vs 20 incidents over 10,000 vs 20,000 changes: RR 3.0, SciPy CI 1.648–5.574, p < 0.001.
    assertThat(
            ReliabilityFormat.sentence(
                tool("Cursor", 30, 10_000, 20, 20_000, 0.004), Exposure.CHANGES, 5))
        .isEqualTo(
            "Cursor: 3.0× the baseline rate, 95% CI 1.6–5.6; higher even allowing for the 5 tools"
                + " compared.");
    assertThat(
            ReliabilityFormat.sentence(
                tool("Cursor", 30, 10_000, 20, 20_000, 0.0008), Exposure.CHANGES, 1))
        .isEqualTo(
            "Cursor: 3.0× the baseline rate, 95% CI 1.6–5.6; higher, and not likely to be chance.");
  }

  /**
   * 14 vs 10 incidents over 1,000 vs 2,000: RR 2.8, higher on its own (central exact p 0.0207, by
   * hand from Binomial(24, 1/3)); with five tools compared its Holm p is, say, 0.18: the sentence
   * leads with "could still be chance".
   */
  @Test
  void a_difference_that_may_be_chance_among_several_tools_says_so_in_plain_words() {
    ToolFigures kiro = tool("Kiro", 14, 1_000, 10, 2_000, 0.18);
    assertThat(kiro.comparison().pValue())
        .isCloseTo(0.02068134763374137, org.assertj.core.api.Assertions.within(1e-9));
    assertThat(kiro.comparison().verdict()).isEqualTo(dev.tandem.stats.Verdict.HIGHER);
    assertThat(kiro.adjustedVerdict()).isEqualTo(dev.tandem.stats.Verdict.NO_DIFFERENCE);
    assertThat(ReliabilityFormat.sentence(kiro, Exposure.CHANGES, 5))
        .startsWith("Kiro: 2.8× the baseline rate, 95% CI ")
        .contains(
            "; of 5 tools compared, this could still be chance (p "
                + ReliabilityFormat.pValue(kiro.comparison().pValue())
                + " alone, 0.180 allowing for them).")
        .doesNotContain("noise");
    assertThat(ReliabilityFormat.pValues(kiro))
        .isEqualTo(ReliabilityFormat.pValue(kiro.comparison().pValue()) + " (0.180)");
  }

  @Test
  void an_unclear_difference_says_no_evidence_and_flags_small_numbers() {
    assertThat(
            ReliabilityFormat.sentence(
                tool("GitHub Copilot", 2, 17_877, 9, 16_660), Exposure.CHANGES, 5))
        .isEqualTo(
            "GitHub Copilot: 0.21×, 95% CI 0.022–1.0; no evidence of a difference."
                + " Fewer than 20 incidents in the comparison: unstable.");
  }

  @Test
  void no_exposure_and_no_incidents_and_an_empty_baseline_are_said_in_words() {
    assertThat(ReliabilityFormat.sentence(tool("Kiro", 0, 0, 3, 100), Exposure.CHANGES, 5))
        .isEqualTo("Kiro: no changes attributed to it in this period, so no rate to compare.");
    assertThat(ReliabilityFormat.sentence(tool("Kiro", 0, 50, 0, 100), Exposure.DEVELOPER_WEEKS, 5))
        .startsWith("Kiro: no incidents with it or in the baseline");
    assertThat(ReliabilityFormat.sentence(tool("Kiro", 5, 100, 0, 100), Exposure.CHANGES, 5))
        .startsWith("Kiro: 5 incidents against none in the baseline, 95% CI from 0.92× upward;");
  }

  @Test
  void numbers_are_written_without_false_precision() {
    assertThat(ReliabilityFormat.shortNumber(0.021774)).isEqualTo("0.022");
    assertThat(ReliabilityFormat.shortNumber(20.53)).isEqualTo("21");
    assertThat(ReliabilityFormat.shortNumber(Double.NaN)).isEqualTo("–");
    assertThat(ReliabilityFormat.pValue(0.0004)).isEqualTo("< 0.001");
    assertThat(ReliabilityFormat.number(Double.POSITIVE_INFINITY)).isEqualTo("∞");
  }

  private static ToolFigures tool(String name, long x1, long e1, long x0, long e0) {
    return tool(name, x1, e1, x0, e0, Double.NaN);
  }

  private static ToolFigures tool(
      String name, long x1, long e1, long x0, long e0, double pAdjusted) {
    RateComparison c = RateRatio.compare(x1, e1, x0, e0);
    GroupFigures f = new GroupFigures(x1, e1, Exposure.CHANGES.rate(x1, e1), Map.of(), null, 0);
    return new ToolFigures(
        name.toLowerCase(),
        name,
        f,
        0,
        Double.NaN,
        Double.NaN,
        0,
        c,
        pAdjusted,
        dev.tandem.stats.Holm.verdict(c, pAdjusted),
        false,
        new dev.tandem.reliability.WithinTeams(
            dev.tandem.stats.MantelHaenszel.rateRatio(java.util.List.of()),
            java.util.List.of(),
            0,
            0,
            false));
  }

  /** 22 of 40 against 5 of 60: 55% vs 8.3%, 6.6× as often; SciPy's fisher_exact p 3.9e-07. */
  @Test
  void a_safeguard_gap_far_from_chance_is_said_as_how_many_times_as_often() {
    SafeguardComparison c =
        SafeguardComparison.of(
            SafeguardComparison.ALL_AI,
            "AI-involved",
            Safeguard.NOT_PEER_REVIEWED,
            new IncidentProfile.SafeguardGap(22, 40, 0),
            new IncidentProfile.SafeguardGap(5, 60, 3));
    assertThat(c.timesAsOften()).isCloseTo(6.6, org.assertj.core.api.Assertions.within(1e-12));
    assertThat(SafeguardFormat.safeguardSentence(c))
        .isEqualTo(
            "AI-involved incidents lacked peer review 6.6× as often as incidents without AI (55%"
                + " against 8%; Fisher's exact p < 0.001).");
    // SciPy beta.ppf: 22 of 40 → 0.3849–0.7074; 5 of 60 → 0.0276–0.1839.
    assertThat(SafeguardFormat.gapInterval(c.gap())).isEqualTo("95% CI 38–71%");
    assertThat(SafeguardFormat.gapInterval(c.other())).isEqualTo("95% CI 3–18%");
    assertThat(ReliabilityFormat.gap(c.gap())).isEqualTo("22 of 40 (55%)");
    assertThat(SafeguardFormat.timesAsOften(c)).isEqualTo("6.6×");
  }

  /** 3 of 10 against none of 20: infinitely often is said in words; no incidents: nothing. */
  @Test
  void times_as_often_says_none_without_ai_and_nothing_when_undefined() {
    SafeguardComparison onlyWithAi =
        SafeguardComparison.of(
            "cursor",
            "Cursor",
            Safeguard.NOT_PEER_REVIEWED,
            new IncidentProfile.SafeguardGap(3, 10, 0),
            new IncidentProfile.SafeguardGap(0, 20, 0));
    assertThat(SafeguardFormat.timesAsOften(onlyWithAi)).isEqualTo("none without AI");
    SafeguardComparison empty =
        SafeguardComparison.of(
            "cursor",
            "Cursor",
            Safeguard.NOT_PEER_REVIEWED,
            new IncidentProfile.SafeguardGap(0, 0, 0),
            new IncidentProfile.SafeguardGap(0, 20, 0));
    assertThat(SafeguardFormat.timesAsOften(empty)).isEmpty();
  }

  /** 11 of 40 against 9 of 60 (27.5% vs 15%): SciPy's fisher_exact p 0.1359 — could be chance. */
  @Test
  void a_safeguard_gap_that_could_be_chance_says_so() {
    SafeguardComparison c =
        SafeguardComparison.of(
            "kiro",
            "Kiro",
            Safeguard.NO_APPROVAL_REQUIRED,
            new IncidentProfile.SafeguardGap(11, 40, 0),
            new IncidentProfile.SafeguardGap(9, 60, 0));
    assertThat(SafeguardFormat.safeguardSentence(c))
        .isEqualTo(
            "Kiro incidents needed no second approval in 28% of cases against 15% of incidents"
                + " without AI; a difference this size could be chance (Fisher's exact p 0.136).");
    assertThat(c.p()).isCloseTo(0.13589791880375673, org.assertj.core.api.Assertions.within(1e-12));
  }

  /**
   * 4 incidents over 1,770 changes in the team against 37 over 7,930 in the rest: RR 0.48, SciPy
   * (beta quantiles of the conditional binomial) CI 0.125–1.348, central exact p 0.218.
   */
  @Test
  void the_team_sentence_comes_from_the_same_place_as_the_tool_sentences() {
    TeamVsOrganisation r =
        new TeamVsOrganisation(
            Exposure.CHANGES, 4, 1_770, 37, 7_930, RateRatio.compare(4, 1_770, 37, 7_930), false);
    assertThat(r.comparison().ciHigh())
        .isCloseTo(1.3481996497394637, org.assertj.core.api.Assertions.within(1e-6));
    assertThat(ReliabilityFormat.teamSentence("Payments", r))
        .isEqualTo(
            "Team Payments: 0.48× the rate of the rest of the organisation, 95% CI 0.13–1.3; no"
                + " evidence of a difference.");
    // 41 incidents in the comparison: stable. With 3 and 12 it is not.
    TeamVsOrganisation few =
        new TeamVsOrganisation(
            Exposure.CHANGES, 3, 1_770, 12, 7_930, RateRatio.compare(3, 1_770, 12, 7_930), false);
    assertThat(ReliabilityFormat.teamSentence("Payments", few))
        .endsWith("Fewer than 20 incidents in the comparison: unstable.");
  }

  /** SciPy chi2: 2 incidents over 220 changes → 1.10–32.84 per 1,000; no exposure, no interval. */
  @Test
  void a_single_rate_carries_its_exact_poisson_interval_in_the_rate_unit() {
    assertThat(ReliabilityFormat.rateInterval(2, 220, Exposure.CHANGES))
        .isEqualTo("95% CI 1.10–32.84");
    assertThat(ReliabilityFormat.rateInterval(0, 0, Exposure.CHANGES)).isEmpty();
  }
}

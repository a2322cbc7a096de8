package dev.tandem.reliability.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tandem.reliability.Exposure;
import dev.tandem.reliability.GroupFigures;
import dev.tandem.reliability.ToolFigures;
import dev.tandem.stats.RateComparison;
import dev.tandem.stats.RateRatio;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ReliabilityFormatTest {

  @Test
  void a_clear_difference_reads_as_unlikely_to_be_noise() {
    // 30 vs 20 incidents over 10,000 vs 20,000 changes: RR 3.0, SciPy CI 1.648–5.574.
    assertThat(ReliabilityFormat.sentence(tool("Cursor", 30, 10_000, 20, 20_000), Exposure.CHANGES))
        .isEqualTo("Cursor: 3.0× the baseline rate, 95% CI 1.6–5.6; unlikely to be noise.");
  }

  @Test
  void an_unclear_difference_says_no_evidence_and_flags_small_numbers() {
    assertThat(
            ReliabilityFormat.sentence(
                tool("GitHub Copilot", 2, 17_877, 9, 16_660), Exposure.CHANGES))
        .isEqualTo(
            "GitHub Copilot: 0.21×, 95% CI 0.022–1.0; no evidence of a difference."
                + " Fewer than 20 incidents in the comparison: unstable.");
  }

  @Test
  void no_exposure_and_no_incidents_and_an_empty_baseline_are_said_in_words() {
    assertThat(ReliabilityFormat.sentence(tool("Kiro", 0, 0, 3, 100), Exposure.CHANGES))
        .isEqualTo("Kiro: no changes attributed to it in this period, so no rate to compare.");
    assertThat(ReliabilityFormat.sentence(tool("Kiro", 0, 50, 0, 100), Exposure.DEVELOPER_WEEKS))
        .startsWith("Kiro: no incidents with it or in the baseline");
    assertThat(ReliabilityFormat.sentence(tool("Kiro", 5, 100, 0, 100), Exposure.CHANGES))
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
    RateComparison c = RateRatio.compare(x1, e1, x0, e0);
    GroupFigures f = new GroupFigures(x1, e1, Exposure.CHANGES.rate(x1, e1), Map.of(), null, 0);
    return new ToolFigures(name.toLowerCase(), name, f, 0, Double.NaN, Double.NaN, 0, c, false);
  }
}

package dev.tandem.base.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class SparklineTest {

  @Test
  void the_sparkline_names_its_scale_lowest_highest_and_last_value_and_the_goal() {
    assertThat(Sparkline.describe(Arrays.asList(0.5, null, 0.6, 0.45), 0.8))
        .isEqualTo(
            "4 weeks, 0–100% scale: lowest 45%, highest 60%, last 45%; dashed line: goal 80%");
    assertThat(Sparkline.describe(Arrays.asList(null, null), null))
        .isEqualTo("2 weeks, 0–100% scale: no figures");
  }

  @Test
  void the_goal_line_is_drawn_at_its_height_on_the_fixed_scale_and_labelled() {
    // 32 px high, 3 px margins: 80% sits at 32 − 3 − 0.8 × 26 = 8.2, 0% at 29.
    String markup = Sparkline.svg(Arrays.asList(0.5, 0.6), 0.8).replace('"', '\'');
    assertThat(markup).contains("y1='8.2'").contains("y1='29.0'").contains(">80%</text>");
  }
}

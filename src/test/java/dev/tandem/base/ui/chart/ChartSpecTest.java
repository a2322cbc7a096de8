package dev.tandem.base.ui.chart;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class ChartSpecTest {

  private final ObjectMapper json = new ObjectMapper();

  @Test
  void line_chart_carries_a_dashed_goal_line_at_the_goal_value() throws Exception {
    String option =
        ChartSpec.line(
                List.of("2026-W47", "2026-W48"),
                List.of(new ChartSpec.Series("Adoption", List.of(70, 82))))
            .goalLine(80, "Goal 80%")
            .toJson();
    JsonNode root = json.readTree(option);
    assertThat(root.at("/xAxis/data/1").asText()).isEqualTo("2026-W48");
    assertThat(root.at("/series/0/data/1").asDouble()).isEqualTo(82.0);
    assertThat(root.at("/series/0/markLine/data/0/yAxis").asDouble()).isEqualTo(80.0);
    assertThat(root.at("/series/0/markLine/lineStyle/type").asText()).isEqualTo("dashed");
  }

  @Test
  void interval_plot_draws_infinite_upper_bounds_to_the_axis_edge_and_keeps_the_reference_line()
      throws Exception {
    String option =
        ChartSpec.intervals(
                "Rate ratio",
                List.of(
                    new ChartSpec.Interval("cursor", 1.3, 2.4, 4.4),
                    new ChartSpec.Interval("kiro", 0, 0.5, Double.POSITIVE_INFINITY)),
                true,
                1.0)
            .toJson();
    JsonNode root = json.readTree(option);
    assertThat(root.at("/xAxis/type").asText()).isEqualTo("log");
    double max = root.at("/xAxis/max").asDouble();
    assertThat(root.at("/series/0/type").asText()).isEqualTo("interval");
    assertThat(root.at("/series/0/data/1/2").asDouble()).isEqualTo(max);
    assertThat(root.at("/series/0/data/1/0").asDouble())
        .isEqualTo(root.at("/xAxis/min").asDouble());
    assertThat(root.at("/series/0/markLine/data/0/xAxis").asDouble()).isEqualTo(1.0);
  }

  @Test
  void bubble_sizes_grow_with_exposure_and_gaps_stay_null_in_lines() throws Exception {
    JsonNode bubble =
        json.readTree(
            ChartSpec.bubble(
                    "Reach",
                    "Rate",
                    List.of(
                        new ChartSpec.Point("small", 0.1, 1, 10),
                        new ChartSpec.Point("large", 0.5, 2, 1000)))
                .toJson());
    assertThat(bubble.at("/series/1/symbolSize").asDouble())
        .isGreaterThan(bubble.at("/series/0/symbolSize").asDouble());
    JsonNode line =
        json.readTree(
            ChartSpec.line(
                    List.of("a", "b"), List.of(new ChartSpec.Series("s", Arrays.asList(1, null))))
                .toJson());
    assertThat(line.at("/series/0/data/1").isNull()).isTrue();
  }

  @Test
  void interval_plot_keeps_zero_and_infinite_estimates_on_a_log_axis() throws Exception {
    JsonNode root =
        json.readTree(
            ChartSpec.intervals(
                    "Rate ratio",
                    List.of(
                        new ChartSpec.Interval("copilot", 0, 0, 7.3),
                        new ChartSpec.Interval(
                            "kiro", 0.9, Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY)),
                    true,
                    1.0)
                .toJson());
    assertThat(root.at("/series/0/data/0/1").asDouble())
        .isEqualTo(root.at("/xAxis/min").asDouble());
    assertThat(root.at("/series/0/data/1/1").asDouble())
        .isEqualTo(root.at("/xAxis/max").asDouble());
  }

  @Test
  void bars_keep_the_boundary_gap_and_can_show_every_category_label() throws Exception {
    JsonNode root =
        json.readTree(
            ChartSpec.bar(
                    List.of("user-error", "ai-error"),
                    List.of(new ChartSpec.Series("AI", List.of(1, 2))),
                    false)
                .allCategoryLabels(30)
                .toJson());
    assertThat(root.at("/xAxis/boundaryGap").asBoolean()).isTrue();
    assertThat(root.at("/xAxis/axisLabel/interval").asInt()).isZero();
    assertThat(root.at("/xAxis/axisLabel/rotate").asInt()).isEqualTo(30);
  }

  @Test
  void bounds_follow_their_line_in_colour_and_stay_out_of_the_legend() throws Exception {
    JsonNode root =
        json.readTree(
            ChartSpec.line(
                    List.of("W1", "W2"),
                    List.of(
                        new ChartSpec.Series("AI", List.of(3.0, 4.0)),
                        new ChartSpec.Series("No AI", List.of(1.0, 1.5))))
                .bounds(0, Arrays.asList(1.0, null), Arrays.asList(6.0, null))
                .centredCategories()
                .toJson());
    assertThat(root.at("/series")).hasSize(4);
    assertThat(root.at("/series/2/name").asText()).isEqualTo("AI, 95% CI low");
    assertThat(root.at("/series/3/data/0").asDouble()).isEqualTo(6.0);
    assertThat(root.at("/series/3/data/1").isNull()).isTrue();
    assertThat(root.at("/series/2/color").asText()).isEqualTo(root.at("/series/0/color").asText());
    assertThat(root.at("/series/2/lineStyle/type").asText()).isEqualTo("dashed");
    assertThat(root.at("/legend/data")).extracting(JsonNode::asText).containsExactly("AI", "No AI");
    assertThat(root.at("/xAxis/boundaryGap").asBoolean()).isTrue();
  }

  @Test
  void bubble_axes_leave_room_beyond_the_largest_values() throws Exception {
    JsonNode root =
        json.readTree(
            ChartSpec.bubble("x", "y", List.of(new ChartSpec.Point("Copilot", 25, 3, 10)))
                .toJson());
    assertThat(root.at("/xAxis/boundaryGap/1").asText()).isEqualTo("15%");
    assertThat(root.at("/yAxis/boundaryGap/1").asText()).isEqualTo("15%");
  }
}

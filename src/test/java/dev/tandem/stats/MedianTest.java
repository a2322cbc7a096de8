package dev.tandem.stats;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class MedianTest {

  @Test
  void odd_count_takes_the_middle_value_regardless_of_order() {
    assertThat(Median.of(9, 1, 5).getAsDouble()).isEqualTo(5);
  }

  @Test
  void even_count_takes_the_mean_of_the_two_middle_values() {
    assertThat(Median.of(List.of(40, 10, 30, 20)).getAsDouble()).isEqualTo(25);
  }

  @Test
  void no_values_have_no_median() {
    assertThat(Median.of()).isEmpty();
  }

  @Test
  void does_not_reorder_the_callers_array() {
    double[] values = {3, 1, 2};
    Median.of(values);
    assertThat(values).containsExactly(3, 1, 2);
  }
}

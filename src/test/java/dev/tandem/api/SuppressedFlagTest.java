package dev.tandem.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

/** DESIGN §5: an answer's {@code suppressed} flag is written only when true, last. */
class SuppressedFlagTest {

  private final ObjectMapper json = new ObjectMapper();

  @Test
  void the_flag_is_left_out_of_figures_that_are_shown_and_written_true_on_suppressed_ones()
      throws Exception {
    assertThat(json.writeValueAsString(new ReliabilityBody.Baseline(3L, 1200L, 2.5, null)))
        .isEqualTo("{\"incidents\":3,\"exposure\":1200,\"rate\":2.5}");
    assertThat(json.writeValueAsString(new ReliabilityBody.Baseline(null, null, null, true)))
        .isEqualTo("{\"incidents\":null,\"exposure\":null,\"rate\":null,\"suppressed\":true}");
  }
}

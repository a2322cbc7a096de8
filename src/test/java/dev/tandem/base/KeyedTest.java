package dev.tandem.base;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tandem.alerts.AlertRule;
import dev.tandem.reliability.Exposure;
import dev.tandem.reliability.Safeguard;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class KeyedTest {

  enum Shape implements Keyed {
    ROUND,
    TWO_SIDED,
    ODD {
      @Override
      public String key() {
        return "strange";
      }
    }
  }

  @Test
  void a_key_is_the_constant_name_in_lower_case_with_hyphens_unless_the_constant_says_otherwise() {
    assertThat(Shape.ROUND.key()).isEqualTo("round");
    assertThat(Shape.TWO_SIDED.key()).isEqualTo("two-sided");
    assertThat(Shape.ODD.key()).isEqualTo("strange");
  }

  @Test
  void a_constant_is_found_by_its_exact_key_only() {
    assertThat(Keyed.byKey(Shape.class, "two-sided")).contains(Shape.TWO_SIDED);
    assertThat(Keyed.byKey(Shape.class, "strange")).contains(Shape.ODD);
    assertThat(Keyed.byKey(Shape.class, "odd")).isEmpty();
    assertThat(Keyed.byKey(Shape.class, "Round")).isEmpty();
    assertThat(Keyed.byKey(Shape.class, null)).isEmpty();
  }

  @Test
  void the_keyed_enums_keep_the_keys_urls_settings_and_the_database_hold() {
    assertThat(Arrays.stream(AlertRule.values()).map(Keyed::key))
        .containsExactly(
            "adoption-below-goal",
            "forecast-not-on-track",
            "tool-verdict-higher",
            "unreviewed-ai-incidents",
            "import-source-stale",
            "import-refused");
    assertThat(Arrays.stream(Exposure.values()).map(Keyed::key))
        .containsExactly("changes", "developer-weeks");
    assertThat(Arrays.stream(Safeguard.values()).map(Keyed::key))
        .containsExactly("not-peer-reviewed", "no-approval", "permissions-exceeded");
  }
}

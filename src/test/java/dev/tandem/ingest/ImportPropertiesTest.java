package dev.tandem.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;

class ImportPropertiesTest {

  @Test
  void unset_settings_take_the_documented_defaults_and_set_ones_are_kept() {
    assertThat(new ImportProperties(null, null, null, null))
        .isEqualTo(new ImportProperties(DataSize.ofMegabytes(50), 20, 20, 90));
    assertThat(new ImportProperties(DataSize.ofKilobytes(2), 5, 2, 30))
        .extracting(p -> p.maxSize().toBytes(), ImportProperties::queue)
        .containsExactly(2048L, 5);
  }
}

package dev.tandem.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The selectivity of developer_id that H2 is given for the weekly tables. */
class DeveloperSelectivityTest {

  @Test
  void is_the_share_of_rows_that_are_distinct_developers_rounded_up() {
    // 20,000 developers, 1,544,868 usage rows: 1.29 % -> 2.
    assertThat(StagingRepository.developerSelectivity(20_000, 1_544_868)).isEqualTo(2);
    // 250 developers, 30,000 rows: 0.83 % -> 1 (never 0: H2 reads 0 as "unknown").
    assertThat(StagingRepository.developerSelectivity(250, 30_000)).isEqualTo(1);
    // Every row another developer: 100.
    assertThat(StagingRepository.developerSelectivity(2_000, 1_500)).isEqualTo(100);
    assertThat(StagingRepository.developerSelectivity(40, 100)).isEqualTo(40);
  }

  @Test
  void an_empty_table_counts_as_all_distinct() {
    assertThat(StagingRepository.developerSelectivity(20_000, 0)).isEqualTo(100);
  }
}

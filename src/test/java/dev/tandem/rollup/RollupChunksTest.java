package dev.tandem.rollup;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** How a span of weeks is cut into the rollup's chunks: whole months, every week once. */
class RollupChunksTest {

  private static WeekSpan span(String first, String last) {
    return new WeekSpan(LocalDate.parse(first), LocalDate.parse(last));
  }

  @Test
  void chunksEndWithTheLastWeekOfAMonthAndNoMonthIsShared() {
    // 2024-01-01 is a Monday; the Mondays of Jan–Mar 2024 end with 2024-03-25, April's start
    // 2024-04-01; the Mondays of Apr–Jun end with 2024-06-24; Jul–Sep with 2024-09-30.
    List<WeekSpan> chunks =
        RollupRepository.chunks(LocalDate.parse("2024-01-01"), LocalDate.parse("2024-11-04"), 3);

    assertThat(chunks)
        .containsExactly(
            span("2024-01-01", "2024-03-25"),
            span("2024-04-01", "2024-06-24"),
            span("2024-07-01", "2024-09-30"),
            span("2024-10-07", "2024-11-04"));
  }

  @Test
  void aSpanStartingMidMonthEndsItsFirstChunkWithThatMonthsLastWeekAfterTheChunksMonths() {
    // From 2024-02-19: February, March and April make the first chunk (last Monday of April: 29th).
    List<WeekSpan> chunks =
        RollupRepository.chunks(LocalDate.parse("2024-02-19"), LocalDate.parse("2024-05-06"), 3);

    assertThat(chunks)
        .containsExactly(span("2024-02-19", "2024-04-29"), span("2024-05-06", "2024-05-06"));
  }

  @Test
  void everyWeekOfALongSpanIsInExactlyOneChunk() {
    LocalDate first = LocalDate.parse("2019-12-30");
    LocalDate last = LocalDate.parse("2027-06-07");
    List<WeekSpan> chunks = RollupRepository.chunks(first, last, 3);

    LocalDate expected = first;
    for (WeekSpan chunk : chunks) {
      assertThat(chunk.first()).isEqualTo(expected);
      assertThat(chunk.last().getMonth())
          .as("a chunk before the last ends with its month's last Monday: %s", chunk)
          .satisfiesAnyOf(
              m -> assertThat(chunk.last()).isEqualTo(last),
              m -> assertThat(chunk.last().plusWeeks(1).getMonth()).isNotEqualTo(m));
      expected = chunk.last().plusWeeks(1);
    }
    assertThat(expected).isEqualTo(last.plusWeeks(1));
    assertThat(chunks).hasSize(31); // 7.5 years of quarters, starting in December 2019
  }

  @Test
  void aSingleWeekIsOneChunk() {
    assertThat(
            RollupRepository.chunks(
                LocalDate.parse("2025-03-31"), LocalDate.parse("2025-03-31"), 3))
        .containsExactly(span("2025-03-31", "2025-03-31"));
  }
}

package dev.tandem.ingest;

import java.time.LocalDate;

/** The first and last week_start (Mondays) that a batch's rows touch, both included. */
record WeekSpan(LocalDate first, LocalDate last) {

  /** The same weeks as the rollup names them. */
  dev.tandem.rollup.WeekSpan toRollup() {
    return new dev.tandem.rollup.WeekSpan(first, last);
  }

  WeekSpan union(WeekSpan other) {
    if (other == null) {
      return this;
    }
    return new WeekSpan(
        first.isBefore(other.first) ? first : other.first,
        last.isAfter(other.last) ? last : other.last);
  }
}

package dev.tandem.ingest;

import java.time.LocalDate;

/** A vendor identity not on the roster, with the rows held for it until it is mapped. */
public record UnmatchedIdentity(
    String source, String externalId, int rows, LocalDate firstDay, LocalDate lastDay) {

  /** Both entries' rows of one identity (held usage and held seats). */
  UnmatchedIdentity plus(UnmatchedIdentity other) {
    return new UnmatchedIdentity(
        source,
        externalId,
        rows + other.rows,
        firstDay == null || (other.firstDay != null && other.firstDay.isBefore(firstDay))
            ? other.firstDay
            : firstDay,
        lastDay == null || (other.lastDay != null && other.lastDay.isAfter(lastDay))
            ? other.lastDay
            : lastDay);
  }
}

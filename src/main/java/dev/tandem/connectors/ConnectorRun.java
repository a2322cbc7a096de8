package dev.tandem.connectors;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * One run of a connector: trigger, who, when, the days covered, the outcome, for a failed run the
 * day that failed and why, the row counts, and the import batches it made.
 */
public record ConnectorRun(
    long id,
    String connector,
    String trigger,
    String startedBy,
    OffsetDateTime startedAt,
    OffsetDateTime finishedAt,
    LocalDate firstDay,
    LocalDate lastDay,
    String outcome,
    LocalDate failedDay,
    String message,
    int rowsRead,
    int rowsApplied,
    int rowsUnmatched,
    List<Long> batchIds) {

  public boolean succeeded() {
    return "succeeded".equals(outcome);
  }
}

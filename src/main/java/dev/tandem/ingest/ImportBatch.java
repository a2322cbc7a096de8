package dev.tandem.ingest;

import java.time.OffsetDateTime;

/** One import as the history shows it: who, when, what, counts and outcome. */
public record ImportBatch(
    long id,
    String format,
    String tool,
    String fileName,
    String sha256,
    String mode,
    String createdBy,
    OffsetDateTime createdAt,
    int rowsRead,
    int rowsApplied,
    int rowsRejected,
    int rowsUnmatched,
    String outcome,
    String undoneBy,
    OffsetDateTime undoneAt) {

  public boolean undoable() {
    return "applied".equals(outcome) || "partially-applied".equals(outcome);
  }
}

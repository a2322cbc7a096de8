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
    OffsetDateTime undoneAt,
    OffsetDateTime undoPrunedAt,
    String undoPrunedReason) {

  public boolean undoable() {
    return ("applied".equals(outcome) || "partially-applied".equals(outcome))
        && undoPrunedAt == null;
  }

  /** Why this batch cannot be undone, or null when it can. */
  public String notUndoableBecause() {
    if (undoable()) {
      return null;
    }
    if (undoPrunedAt != null) {
      return "its undo data was removed on "
          + undoPrunedAt.toLocalDate()
          + " ("
          + undoPrunedReason
          + ")";
    }
    return switch (outcome) {
      case "undone" -> "it is already undone";
      case "queued", "running" -> "it is still " + outcome;
      case "failed" -> "it failed: nothing of it was applied";
      default -> "it was " + outcome + ": nothing of it was applied";
    };
  }

  boolean finishedState() {
    return !"queued".equals(outcome) && !"running".equals(outcome);
  }

  /** Queued, running, applied (also partially), refused, failed or undone: the job's state. */
  public String state() {
    return "partially-applied".equals(outcome) ? "applied" : outcome;
  }
}

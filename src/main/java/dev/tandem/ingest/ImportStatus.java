package dev.tandem.ingest;

import dev.tandem.ingest.format.ImportError;
import java.util.List;

/**
 * A batch as a job: {@code state} queued, running, applied, refused, failed or undone; rows read so
 * far while it runs; counts and errors once it ended; whether it can still be undone and why not.
 * {@code result} is the full answer while this process still holds it (else null).
 */
public record ImportStatus(
    long batchId,
    String state,
    String format,
    String fileName,
    long rowsRead,
    long rowsApplied,
    long rowsRejected,
    long rowsUnmatched,
    List<ImportError> errors,
    boolean undoable,
    String notUndoableBecause,
    ImportResult result) {

  public boolean finished() {
    return !"queued".equals(state) && !"running".equals(state);
  }
}

package dev.tandem.api;

import dev.tandem.ingest.format.ImportError;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/** The bodies of the imports API ({@link ImportsController}) as its document shows them. */
final class ImportResponses {

  private ImportResponses() {}

  /** The response of an import: 200 when applied (or a dry run), 422 when refused. */
  @Schema(description = "What an import did: 200 when applied or a dry run, 422 when refused.")
  record ImportResponse(
      @Schema(
              nullable = true,
              description = "The batch to undo or follow; null for a dry run and a refused file.")
          Long batchId,
      @Schema(description = "The format key the file was read as.") String format,
      @Schema(description = "Data rows read (header and blank lines not counted).") long rowsRead,
      @Schema(description = "Rows written.") long rowsApplied,
      @Schema(description = "Rows refused for an error (skip-invalid mode).") long rowsRejected,
      @Schema(description = "Rows held because their identity is not on the roster.")
          long rowsUnmatched,
      @Schema(description = "Each problem with its line (0 = the whole file) and field.")
          List<ImportError> errors,
      @Schema(description = "Findings that did not stop the import.") List<ImportError> warnings) {}

  /** An asynchronous import's first answer: follow {@code Location} for its progress. */
  @Schema(description = "A queued import: follow the Location header for its progress.")
  record Accepted(long batchId, @Schema(allowableValues = "queued") String state) {}

  /** A batch as a job (GET): state, rows read so far, counts, errors, and whether undo can run. */
  @Schema(description = "An import batch as a job: its state, progress, counts and errors.")
  record JobResponse(
      long batchId,
      @Schema(
              allowableValues = {
                "queued",
                "running",
                "applied",
                "partially-applied",
                "refused",
                "failed",
                "undone"
              })
          String state,
      String format,
      @Schema(nullable = true, description = "The uploaded file's name; null for a raw body.")
          String fileName,
      @Schema(description = "Rows read so far (while running) or in all.") long rowsRead,
      long rowsApplied,
      long rowsRejected,
      long rowsUnmatched,
      List<ImportError> errors,
      @Schema(description = "Whether DELETE on this batch would undo it now.") boolean undoable,
      @Schema(nullable = true, description = "Why undo cannot run; null when it can.")
          String notUndoableBecause) {}

  /** The multipart body, for the document only. */
  record FilePart(@Schema(type = "string", format = "binary") String file) {}
}

package dev.tandem.ingest;

import dev.tandem.ingest.format.ImportError;
import java.util.List;
import java.util.Map;

/**
 * The outcome of an import (or a dry run, {@code batchId} null): counts, every error with line and
 * field, the first rows as parsed, and warnings (line, field, message) about rows that were not
 * refused but deserve a look (look-alike emails). {@code outcome} is applied, partially-applied,
 * refused or, for a dry run, what would have happened.
 */
public record ImportResult(
    Long batchId,
    String format,
    long rowsRead,
    long rowsApplied,
    long rowsRejected,
    long rowsUnmatched,
    List<ImportError> errors,
    String outcome,
    boolean dryRun,
    List<Map<String, Object>> preview,
    List<ImportError> warnings) {

  public ImportResult {
    warnings = warnings == null ? List.of() : List.copyOf(warnings);
  }

  public boolean refused() {
    return "refused".equals(outcome);
  }
}

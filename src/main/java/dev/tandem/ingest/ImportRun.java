package dev.tandem.ingest;

import dev.tandem.ingest.format.FormatParser;
import dev.tandem.ingest.format.ParsedRow;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongConsumer;

/**
 * One import as its row checker sees it: the batch, its format and identity source, the rows read,
 * what the checks kept, and what they found on the way (incident teams, unresolved staged rows).
 */
final class ImportRun {

  final long batchId;
  final FormatParser parser;
  final String identitySource;
  final OffsetDateTime now;

  /** The parser's output, staged through the checker as it streams in. */
  final RowCollector rows;

  /** The rows of the small kinds that passed the checks across the file. */
  List<ParsedRow> kept = List.of();

  /** An incident's team by its line, found while checking. */
  final Map<Long, Long> teamIds = new HashMap<>();

  /** How many staged rows no identity resolves (what will be held). */
  long unresolved;

  /** A run whose rows go to {@code checker}'s stager (which may count into this run). */
  ImportRun(
      long batchId,
      FormatParser parser,
      String identitySource,
      OffsetDateTime now,
      RowChecker checker,
      LongConsumer progress) {
    this.batchId = batchId;
    this.parser = parser;
    this.identitySource = identitySource;
    this.now = now;
    this.rows =
        new RowCollector(checker.stager(this), checker.duplicateWhat(parser.kind()), progress);
  }

  /** The kept rows as their record type (every kept row of a run is of the kind's type). */
  @SuppressWarnings("unchecked")
  <T extends ParsedRow> List<T> kept(Class<T> type) {
    return (List<T>) (List<?>) kept;
  }

  /** The import's result: counts, errors, preview and warnings, and the given figures. */
  ImportResult result(
      Long batchId, long applied, long unmatched, String outcome, ImportRequest request) {
    return new ImportResult(
        batchId,
        parser.key(),
        rows.rowsRead(),
        applied,
        rows.rejected(),
        unmatched,
        rows.errors(),
        outcome,
        request.dryRun(),
        rows.preview(),
        rows.warnings());
  }

  /** The audit entry's summary of an applied import. */
  Map<String, Object> summary(
      ImportRequest request, String hash, long applied, long unmatched, String outcome) {
    Map<String, Object> s = new LinkedHashMap<>();
    s.put("format", parser.key());
    s.put("file", request.fileName());
    s.put("sha256", hash);
    s.put("mode", request.mode().key());
    s.put("rowsRead", rows.rowsRead());
    s.put("rowsApplied", applied);
    s.put("rowsRejected", rows.rejected());
    s.put("rowsUnmatched", unmatched);
    s.put("outcome", outcome);
    return s;
  }
}

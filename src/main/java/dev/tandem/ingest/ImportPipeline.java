package dev.tandem.ingest;

import dev.tandem.base.ValidationException;
import dev.tandem.ingest.format.FormatParser;
import dev.tandem.ingest.format.Formats;
import dev.tandem.ingest.format.ParseContext;
import dev.tandem.ingest.format.RowKind;
import dev.tandem.security.AuditService;
import dev.tandem.security.CurrentUser;
import dev.tandem.tools.Tool;
import dev.tandem.tools.ToolService;
import java.io.InputStream;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.LongConsumer;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The one pipeline every import goes through (DESIGN §4): stream and validate, check keys, then
 * either refuse, or resolve identities, hold the unmatched and apply set-based in one transaction,
 * recorded as a batch with its SHA-256 and an audit entry. A dry run does all of it and rolls back.
 * The rules of each kind of row are its {@link RowChecker}'s; this class only orchestrates.
 */
@Component
class ImportPipeline {

  private static final Logger LOG = LoggerFactory.getLogger(ImportPipeline.class);

  private final BatchRepository batches;
  private final StagingRepository staging;
  private final Map<RowKind, RowChecker> checkers;
  private final ToolService tools;
  private final AuditService audit;
  private final ImportMetrics metrics;
  private final TransactionTemplate tx;
  private final Clock clock;

  ImportPipeline(
      BatchRepository batches,
      StagingRepository staging,
      List<RowChecker> checkers,
      ToolService tools,
      AuditService audit,
      ImportMetrics metrics,
      TransactionTemplate tx,
      Clock clock) {
    this.batches = batches;
    this.staging = staging;
    this.checkers = RowChecker.byKind(checkers);
    this.tools = tools;
    this.audit = audit;
    this.metrics = metrics;
    this.tx = tx;
    this.clock = clock;
  }

  /** A batch that waits for its turn (an asynchronous import); its id is the job's id. */
  long queue(ImportRequest request, String user) {
    FormatParser parser = parser(request);
    OffsetDateTime now = clock.instant().atOffset(ZoneOffset.UTC);
    return tx.execute(
        s ->
            batches.start(
                parser.key(),
                toolOf(request),
                request.fileName(),
                request.mode().key(),
                user,
                now,
                "queued"));
  }

  ImportResult run(ImportRequest request, InputStream body, long maxBytes) {
    return run(null, request, CurrentUser.name(), body, maxBytes, n -> {});
  }

  /**
   * Streams, checks and applies one file under batch {@code queued} (or a new batch): rows are
   * staged in committed chunks under the batch id, where no reader looks, and become visible in one
   * short final transaction; a crash before it leaves only stage rows that are cleared.
   */
  ImportResult run(
      Long queued,
      ImportRequest request,
      String user,
      InputStream body,
      long maxBytes,
      LongConsumer progress) {
    FormatParser parser = parser(request);
    String tool = toolOf(request);
    ParseContext context =
        new ParseContext(tools.tools().stream().map(Tool::key).collect(Collectors.toSet()), tool);
    var sample = metrics.start();
    OffsetDateTime now = clock.instant().atOffset(ZoneOffset.UTC);
    long batchId;
    if (queued == null) {
      batchId =
          tx.execute(
              s ->
                  batches.start(
                      parser.key(), tool, request.fileName(), request.mode().key(), user, now));
    } else {
      batchId = queued;
      tx.executeWithoutResult(s -> batches.markRunning(batchId));
    }
    ImportResult result;
    try {
      ImportRun run =
          new ImportRun(
              batchId,
              parser,
              parser.identitySource(context),
              now,
              checkers.get(parser.kind()),
              progress);
      result = process(run, context, request, body, maxBytes);
    } catch (RuntimeException e) {
      abandon(batchId, e instanceof ImportTooLargeException || request.dryRun());
      metrics.stop(
          sample, parser.key(), e instanceof ImportTooLargeException ? "too-large" : "failed");
      throw e;
    }
    metrics.record(result);
    metrics.stop(sample, parser.key(), request.dryRun() ? "dry-run" : result.outcome());
    return result;
  }

  private ImportResult process(
      ImportRun run, ParseContext context, ImportRequest request, InputStream body, long maxBytes) {
    long started = System.nanoTime();
    RowChecker checker = checkers.get(run.parser.kind());
    RowCollector rows = run.rows;
    String hash = ImportFile.read(run.parser, context, body, maxBytes, rows);
    rows.finish();
    LOG.info(
        "import batch {}: {} rows read, checked and staged in {} ms",
        run.batchId,
        rows.rowsRead(),
        (System.nanoTime() - started) / 1_000_000);
    if (!rows.fatal()) {
      if (checker.staged()) {
        staging.refreshStatistics();
      }
      checker.check(run);
    }
    if (rows.fatal() || (rows.hasErrors() && request.mode() == ImportMode.ALL_OR_NOTHING)) {
      if (request.dryRun()) {
        tx.executeWithoutResult(s -> batches.delete(run.batchId));
      } else {
        tx.executeWithoutResult(s -> refuse(run, request, hash));
      }
      clearStage(run.batchId, checker.staged());
      return run.result(request.dryRun() ? null : run.batchId, 0, 0, "refused", request);
    }
    String outcome = rows.rejected() > 0 ? "partially-applied" : "applied";
    checker.warn(run);
    if (request.dryRun()) {
      long unmatched = checker.unmatchedInDryRun(run);
      tx.executeWithoutResult(s -> batches.delete(run.batchId));
      clearStage(run.batchId, checker.staged());
      return run.result(null, rows.validRows() - unmatched, unmatched, outcome, request);
    }
    long applyStart = System.nanoTime();
    ImportResult result =
        tx.execute(
            status -> {
              long unmatched = checker.apply(run);
              long applied = rows.validRows() - unmatched;
              batches.finish(
                  run.batchId, hash, rows.rowsRead(), applied, rows.rejected(), unmatched, outcome);
              batches.saveErrors(run.batchId, rows.errors());
              audit.record(
                  "import",
                  "import-batch",
                  run.batchId,
                  null,
                  run.summary(request, hash, applied, unmatched, outcome));
              return run.result(run.batchId, applied, unmatched, outcome, request);
            });
    LOG.info(
        "import batch {}: applied and committed in {} ms",
        run.batchId,
        (System.nanoTime() - applyStart) / 1_000_000);
    clearStage(run.batchId, checker.staged());
    return result;
  }

  /** A refused import is recorded with its errors and audited; nothing of it applies. */
  private void refuse(ImportRun run, ImportRequest request, String hash) {
    RowCollector rows = run.rows;
    batches.finish(run.batchId, hash, rows.rowsRead(), 0, rows.rejected(), 0, "refused");
    batches.saveErrors(run.batchId, rows.errors());
    audit.record(
        "import-refused",
        "import-batch",
        run.batchId,
        null,
        Map.of(
            "format",
            run.parser.key(),
            "file",
            String.valueOf(request.fileName()),
            "errors",
            rows.errors().size()));
  }

  /** After a failure: nothing of the batch applied; it is failed (or gone, for a dry run). */
  private void abandon(long batchId, boolean forget) {
    try {
      tx.executeWithoutResult(
          s -> {
            if (forget) {
              batches.delete(batchId);
            } else {
              batches.markFailed(batchId);
            }
          });
    } finally {
      clearStage(batchId, true);
    }
  }

  private void clearStage(long batchId, boolean staged) {
    if (staged) {
      long start = System.nanoTime();
      staging.clearAfter(batchId);
      LOG.info(
          "import batch {}: stage cleared in {} ms",
          batchId,
          (System.nanoTime() - start) / 1_000_000);
    }
  }

  static FormatParser parser(ImportRequest request) {
    return Formats.byKey(request.format())
        .orElseThrow(
            () ->
                ValidationException.of(
                    "format",
                    "unknown format '"
                        + request.format()
                        + "'; expected one of "
                        + Formats.all().stream()
                            .map(FormatParser::key)
                            .collect(Collectors.joining(", "))));
  }

  private static String toolOf(ImportRequest request) {
    return request.tool() == null || request.tool().isBlank()
        ? null
        : request.tool().trim().toLowerCase(Locale.ROOT);
  }
}

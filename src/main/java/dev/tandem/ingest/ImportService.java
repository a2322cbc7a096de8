package dev.tandem.ingest;

import dev.tandem.base.NotFoundException;
import dev.tandem.base.ValidationException;
import dev.tandem.ingest.format.FormatParser;
import dev.tandem.ingest.format.Formats;
import dev.tandem.ingest.format.ImportError;
import dev.tandem.roster.IdentityLink;
import dev.tandem.roster.RosterService;
import dev.tandem.security.AuditService;
import dev.tandem.security.CurrentUser;
import java.io.IOException;
import java.io.InputStream;
import java.io.PushbackInputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Imports, their history and undo, and the unmatched identities: the Data screen's and API's door.
 * Admins only; reads in one transaction. An import runs outside any caller's transaction: the
 * pipeline commits its staged chunks and its final write in transactions of its own. Callers
 * without a signed-in user act as an admin of their own: a connector's scheduled run ({@code
 * connector:KEY}) and the alert rules ({@code system:alerts}); held rows are released inside an
 * import or a mapping, so under the same admin.
 */
@Service
@PreAuthorize("hasRole('ADMIN')")
@Transactional(readOnly = true)
public class ImportService {

  /** A format the upload screen offers. */
  public record FormatInfo(String key, String description) {}

  private final ImportPipeline pipeline;
  private final ImportJobs jobs;
  private final BatchRepository batches;
  private final BatchRestore restore;
  private final UnmatchedQuery unmatched;
  private final SeatImportRepository seats;
  private final HeldRows held;
  private final RosterService roster;
  private final AuditService audit;
  private final Clock clock;
  private final ImportProperties properties;

  ImportService(
      ImportPipeline pipeline,
      ImportJobs jobs,
      BatchRepository batches,
      BatchRestore restore,
      UnmatchedQuery unmatched,
      SeatImportRepository seats,
      HeldRows held,
      RosterService roster,
      AuditService audit,
      Clock clock,
      ImportProperties properties) {
    this.pipeline = pipeline;
    this.jobs = jobs;
    this.batches = batches;
    this.restore = restore;
    this.unmatched = unmatched;
    this.seats = seats;
    this.held = held;
    this.roster = roster;
    this.audit = audit;
    this.clock = clock;
    this.properties = properties;
  }

  public static List<FormatInfo> formats() {
    return Formats.all().stream().map(f -> new FormatInfo(f.key(), f.description())).toList();
  }

  /** The format the start of a file shows, if recognisable. */
  public static Optional<String> detectFormat(byte[] head, int length) {
    return Formats.detect(head, length);
  }

  /**
   * The size limit: configuration, not data, so anyone may read it (the API answers 413 over it
   * before it knows whether the caller may import).
   */
  @PreAuthorize("permitAll()")
  public long maxBytes() {
    return properties.maxSize().toBytes();
  }

  /**
   * Reads, checks and (unless refused or a dry run) applies one file. Throws {@link
   * ImportTooLargeException} over the size limit and {@link ValidationException} for an unknown
   * format or mode.
   */
  @Transactional(propagation = Propagation.NOT_SUPPORTED)
  public ImportResult importFile(ImportRequest request, InputStream body) {
    PushbackInputStream in = new PushbackInputStream(body, 1);
    if (isEmpty(in)) {
      return emptyBody(request);
    }
    return pipeline.run(request, in, maxBytes());
  }

  /**
   * A request without a body sent no file: refused like an empty file (line 0, field file), but no
   * batch is recorded, since there is nothing to audit or undo.
   */
  private static ImportResult emptyBody(ImportRequest request) {
    FormatParser parser = ImportPipeline.parser(request);
    return new ImportResult(
        null,
        parser.key(),
        0,
        0,
        0,
        0,
        List.of(new ImportError(0, "file", emptyMessage(parser))),
        "refused",
        request.dryRun(),
        List.of(),
        List.of());
  }

  private static String emptyMessage(FormatParser parser) {
    return "the file is empty (the request had no body); expected " + parser.description();
  }

  /** Whether the stream ends before its first byte; a byte read is pushed back. */
  private static boolean isEmpty(PushbackInputStream in) {
    try {
      int first = in.read();
      if (first < 0) {
        return true;
      }
      in.unread(first);
      return false;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Queues an import as a job: the body is spooled to a temporary file first (413 over the limit),
   * then read, checked and applied in the background, one import at a time. Returns the batch id to
   * follow with {@link #importStatus}.
   */
  @Transactional(propagation = Propagation.NOT_SUPPORTED)
  public long startImport(ImportRequest request, InputStream body) {
    if (request.dryRun()) {
      throw ValidationException.of(
          "dryRun", "a dry run answers in the request; use it without async=true");
    }
    PushbackInputStream in = new PushbackInputStream(body, 1);
    if (isEmpty(in)) {
      throw ValidationException.of("file", emptyMessage(ImportPipeline.parser(request)));
    }
    return jobs.submit(request, CurrentUser.name(), in, maxBytes());
  }

  /** What a request naming a batch id that does not exist gets (the API answers it 404). */
  public static NotFoundException unknownBatch(long batchId) {
    return new NotFoundException("batchId", "There is no import batch " + batchId + ".");
  }

  /** A batch as a job: its state, rows read so far, counts and errors. */
  public Optional<ImportStatus> importStatus(long batchId) {
    var job = jobs.job(batchId);
    return batches
        .find(batchId)
        .map(
            b -> {
              ImportResult result = job.map(j -> j.result).orElse(null);
              // The batch row says applied a moment before the job hands over its result: until
              // then the job still runs (the Data screen waits for the result, not for the row).
              boolean handingOver = job.map(j -> j.result == null && !j.failed).orElse(false);
              boolean running = !b.finishedState() || handingOver;
              long read = running ? job.map(j -> j.rowsRead.get()).orElse(0L) : (long) b.rowsRead();
              return new ImportStatus(
                  b.id(),
                  running && b.finishedState() ? "running" : b.state(),
                  b.format(),
                  b.fileName(),
                  read,
                  b.rowsApplied(),
                  b.rowsRejected(),
                  b.rowsUnmatched(),
                  result != null ? result.errors() : batches.errors(batchId),
                  b.undoable(),
                  b.notUndoableBecause(),
                  running ? null : result);
            });
  }

  /** Undoes a whole batch, restoring what it replaced ({@link BatchRestore}). */
  @Transactional
  public ImportBatch undo(long batchId) {
    ImportBatch batch = batches.lock(batchId).orElseThrow(() -> unknownBatch(batchId));
    if (!batch.undoable()) {
      throw ValidationException.of(
          "batchId", "batch " + batchId + " cannot be undone: " + batch.notUndoableBecause());
    }
    restore.restore(batch);
    batches.markUndone(batchId, CurrentUser.name(), clock.instant().atOffset(ZoneOffset.UTC));
    ImportBatch after = batches.find(batchId).orElseThrow();
    audit.record("undo", "import-batch", batchId, batch, after);
    return after;
  }

  public List<ImportBatch> batches(int limit) {
    return batches.latest(limit);
  }

  public List<UnmatchedIdentity> unmatchedIdentities() {
    // Held usage rows and held seats of one identity are one entry to map.
    Map<String, UnmatchedIdentity> merged = new java.util.LinkedHashMap<>();
    for (UnmatchedIdentity u : unmatched.identities()) {
      merged.put(u.source() + "\u0000" + u.externalId(), u);
    }
    for (UnmatchedIdentity s : seats.heldIdentities()) {
      merged.merge(s.source() + "\u0000" + s.externalId(), s, UnmatchedIdentity::plus);
    }
    return List.copyOf(merged.values());
  }

  /** Maps a vendor identity to a developer and applies its held rows at once; returns how many. */
  @Transactional
  public int mapIdentity(String source, String externalId, long developerId) {
    List<IdentityLink> before =
        roster.mapIdentities(List.of(new IdentityLink(source, externalId, developerId)));
    int applied = held.applyAll();
    audit.record(
        "map-identity",
        "identity-map",
        source + ":" + externalId,
        before.get(0),
        Map.of("developerId", developerId, "heldRowsApplied", applied));
    return applied;
  }
}

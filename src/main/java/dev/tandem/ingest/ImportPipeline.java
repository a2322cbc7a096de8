package dev.tandem.ingest;

import dev.tandem.base.ValidationException;
import dev.tandem.ingest.format.FormatParser;
import dev.tandem.ingest.format.Formats;
import dev.tandem.ingest.format.ParseContext;
import dev.tandem.ingest.format.ParsedRow;
import dev.tandem.ingest.format.RowKind;
import dev.tandem.rollup.RollupService;
import dev.tandem.roster.IdentityLink;
import dev.tandem.roster.RosterImportRow;
import dev.tandem.roster.RosterService;
import dev.tandem.roster.Team;
import dev.tandem.security.AuditService;
import dev.tandem.security.CurrentUser;
import dev.tandem.tools.Tool;
import dev.tandem.tools.ToolService;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.LongConsumer;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The one pipeline every import goes through (DESIGN §4): stream and validate, check keys, then
 * either refuse, or resolve identities, hold the unmatched and apply set-based in one transaction,
 * recorded as a batch with its SHA-256 and an audit entry. A dry run does all of it and rolls back.
 */
@Component
class ImportPipeline {

  private static final int HEAD = 8192;
  private static final org.slf4j.Logger LOG =
      org.slf4j.LoggerFactory.getLogger(ImportPipeline.class);

  private final StagingRepository staging;
  private final BatchRepository batches;
  private final IncidentImportRepository incidents;
  private final SeatImportRepository seats;
  private final RosterPriorRepository rosterPrior;
  private final HeldRows held;
  private final RosterService roster;
  private final ToolService tools;
  private final AuditService audit;
  private final ImportMetrics metrics;
  private final TransactionTemplate tx;
  private final Clock clock;
  private final RollupService rollup;

  ImportPipeline(
      StagingRepository staging,
      BatchRepository batches,
      IncidentImportRepository incidents,
      SeatImportRepository seats,
      RosterPriorRepository rosterPrior,
      HeldRows held,
      RosterService roster,
      ToolService tools,
      AuditService audit,
      ImportMetrics metrics,
      TransactionTemplate tx,
      Clock clock,
      RollupService rollup) {
    this.rollup = rollup;
    this.staging = staging;
    this.batches = batches;
    this.incidents = incidents;
    this.seats = seats;
    this.rosterPrior = rosterPrior;
    this.held = held;
    this.roster = roster;
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
      result = process(batchId, parser, context, request, user, now, body, maxBytes, progress);
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
      long batchId,
      FormatParser parser,
      ParseContext context,
      ImportRequest request,
      String user,
      OffsetDateTime now,
      InputStream body,
      long maxBytes,
      LongConsumer progress) {
    long started = System.nanoTime();
    MessageDigest sha = sha256();
    RowKind kind = parser.kind();
    StagingRepository.Identities known =
        staged(kind)
            ? staging.identities(parser.identitySource(context))
            : (identity, email) -> null;
    // Staging asks once per row: the count of rows no identity resolves (what will be held).
    long[] unresolved = {0};
    StagingRepository.Identities developers =
        (identity, email) -> {
          Long developer = known.developerOf(identity, email);
          if (developer == null) {
            unresolved[0]++;
          }
          return developer;
        };
    RowCollector rows =
        new RowCollector(
            chunk ->
                staging.whileStaging(
                    () -> tx.executeWithoutResult(s -> staging.stage(batchId, chunk, developers))),
            duplicateWhat(kind),
            progress);
    try (InputStream in =
        new BufferedInputStream(
            new DigestInputStream(new LimitedInputStream(body, maxBytes), sha), 1 << 16)) {
      read(parser, context, in, rows);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    rows.finish();
    LOG.info(
        "import batch {}: {} rows read, checked and staged in {} ms",
        batchId,
        rows.rowsRead(),
        (System.nanoTime() - started) / 1_000_000);
    String hash = HexFormat.of().formatHex(sha.digest());
    boolean staged = staged(kind);
    Map<Long, Long> teamIds = new HashMap<>();
    List<ParsedRow> kept = rows.fatal() ? List.of() : check(kind, rows, teamIds);
    String identitySource = parser.identitySource(context);
    if (!rows.fatal() && (kind == RowKind.USAGE_WEEK || kind == RowKind.CHANGES)) {
      rejectResolvedRepeats(batchId, identitySource, kind, rows);
    }
    if (rows.fatal() || (rows.hasErrors() && request.mode() == ImportMode.ALL_OR_NOTHING)) {
      if (request.dryRun()) {
        tx.executeWithoutResult(s -> batches.delete(batchId));
      } else {
        tx.executeWithoutResult(
            s -> {
              batches.finish(batchId, hash, rows.rowsRead(), 0, rows.rejected(), 0, "refused");
              batches.saveErrors(batchId, rows.errors());
              audit.record(
                  "import-refused",
                  "import-batch",
                  batchId,
                  null,
                  Map.of(
                      "format",
                      parser.key(),
                      "file",
                      String.valueOf(request.fileName()),
                      "errors",
                      rows.errors().size()));
            });
      }
      clearStage(batchId, staged);
      return result(request.dryRun() ? null : batchId, parser, rows, 0, 0, "refused", request);
    }
    String outcome = rows.rejected() > 0 ? "partially-applied" : "applied";
    if (kind == RowKind.SEAT && parser.seatListIsSnapshot()) {
      // Said before it happens (the preview) and after (the result): what the snapshot closes.
      int closing = seats.closedBySnapshot(cast(kept, ParsedRow.Seat.class), now.toLocalDate());
      if (closing > 0) {
        rows.warning(
            0,
            "seats",
            closing
                + " seats of earlier lists are not on this one: they end on "
                + now.toLocalDate()
                + " at the latest (undo the import to open them again)");
      }
    }
    if (request.dryRun()) {
      long unmatched = staged ? unresolved[0] : kind == RowKind.SEAT ? unmatchedSeats(kept) : 0;
      tx.executeWithoutResult(s -> batches.delete(batchId));
      clearStage(batchId, staged);
      return result(null, parser, rows, rows.validRows() - unmatched, unmatched, outcome, request);
    }
    long applyStart = System.nanoTime();
    ImportResult result =
        tx.execute(
            status -> {
              long unmatched =
                  apply(
                      kind,
                      parser,
                      identitySource,
                      batchId,
                      rows,
                      kept,
                      teamIds,
                      now,
                      unresolved[0] > 0);
              long applied = rows.validRows() - unmatched;
              batches.finish(
                  batchId, hash, rows.rowsRead(), applied, rows.rejected(), unmatched, outcome);
              batches.saveErrors(batchId, rows.errors());
              audit.record(
                  "import",
                  "import-batch",
                  batchId,
                  null,
                  summary(request, parser, hash, rows, applied, unmatched, outcome));
              return result(batchId, parser, rows, applied, unmatched, outcome, request);
            });
    LOG.info(
        "import batch {}: applied and committed in {} ms",
        batchId,
        (System.nanoTime() - applyStart) / 1_000_000);
    clearStage(batchId, staged);
    return result;
  }

  /**
   * Weekly lines whose different identities resolve to the same developer, tool and week as an
   * earlier line are rejected like any repeated key; their staged rows go (skip-invalid applies the
   * first line only).
   */
  private void rejectResolvedRepeats(
      long batchId, String identitySource, RowKind kind, RowCollector rows) {
    List<StagingRepository.ResolvedRepeat> repeats =
        staging.repeatsAfterResolution(batchId, identitySource);
    if (repeats.isEmpty()) {
      return;
    }
    String what = kind == RowKind.CHANGES ? "week and tool" : "tool and week";
    for (StagingRepository.ResolvedRepeat r : repeats) {
      rows.reject(
          r.line(),
          "key",
          "'"
              + r.externalId()
              + "' is the same developer as line "
              + r.firstLine()
              + " (through the identity map), with the same "
              + what
              + "; each may appear once in a file");
    }
    tx.executeWithoutResult(
        s ->
            staging.deleteLines(
                batchId, repeats.stream().map(StagingRepository.ResolvedRepeat::line).toList()));
  }

  /** The final transaction's writes; returns how many rows were held as unmatched. */
  private long apply(
      RowKind kind,
      FormatParser parser,
      String identitySource,
      long batchId,
      RowCollector rows,
      List<ParsedRow> kept,
      Map<Long, Long> teamIds,
      OffsetDateTime now,
      boolean anyUnresolved) {
    switch (kind) {
      case USAGE_DAY, USAGE_WEEK, CHANGES -> {
        long started = System.nanoTime();
        long unmatched = anyUnresolved ? staging.holdUnmatched(batchId, identitySource) : 0;
        long heldAt = System.nanoTime();
        switch (kind) {
          case USAGE_DAY -> {
            staging.applyUsageDays(
                batchId, parser.key(), identitySource, parser.partsReplacedSeparately());
            if (parser.tiersAreSeats()) {
              seats.deriveTierSeats(batchId, parser.key());
            }
          }
          case USAGE_WEEK -> staging.applyUsageWeeks(batchId, parser.key(), identitySource);
          default -> staging.applyChanges(batchId, identitySource);
        }
        long mergedAt = System.nanoTime();
        WeekSpan weeks = rows.weeks();
        // Every base row of the batch is written (still uncommitted): recompute its weeks.
        rollup.refresh(weeks == null ? null : weeks.toRollup());
        LOG.info(
            "import batch {}: unmatched held in {} ms, rows merged in {} ms, rollup in {} ms",
            batchId,
            (heldAt - started) / 1_000_000,
            (mergedAt - heldAt) / 1_000_000,
            (System.nanoTime() - mergedAt) / 1_000_000);
        return unmatched;
      }
      case INCIDENT -> incidents.apply(batchId, cast(kept, ParsedRow.Incident.class), teamIds, now);
      case SEAT -> {
        return seats.apply(
            batchId,
            cast(kept, ParsedRow.Seat.class),
            parser.seatListIsSnapshot() ? now.toLocalDate() : null);
      }
      case ROSTER -> {
        var outcome =
            roster.importRoster(
                cast(kept, ParsedRow.RosterEntry.class).stream()
                    .map(
                        r ->
                            new RosterImportRow(
                                r.email(),
                                r.name(),
                                r.teamPath(),
                                r.startedOn(),
                                r.leftOn(),
                                r.excluded()))
                    .toList());
        rosterPrior.saveRoster(batchId, outcome);
        held.applyAll();
      }
      case IDENTITY -> {
        List<ParsedRow.IdentityMapping> mappings = cast(kept, ParsedRow.IdentityMapping.class);
        Map<String, Long> ids =
            roster.developerIdsByEmail(
                mappings.stream().map(ParsedRow.IdentityMapping::email).toList());
        List<IdentityLink> before =
            roster.mapIdentities(
                mappings.stream()
                    .map(m -> new IdentityLink(m.source(), m.externalId(), ids.get(m.email())))
                    .toList());
        rosterPrior.saveIdentities(batchId, before);
        held.applyAll();
      }
    }
    return 0;
  }

  /** Checks across the rows of the small kinds; staged kinds were checked while streaming. */
  private List<ParsedRow> check(RowKind kind, RowCollector rows, Map<Long, Long> teamIds) {
    return switch (kind) {
      case INCIDENT -> checkIncidents(rows.kept(), rows, teamIds);
      case ROSTER -> {
        List<ParsedRow> kept = checkRoster(rows.kept(), rows);
        RosterWarnings.flag(roster, kept, rows);
        yield kept;
      }
      case IDENTITY -> checkIdentities(rows.kept(), rows);
      case SEAT -> checkSeats(rows.kept(), rows);
      default -> List.of();
    };
  }

  /** Kinds whose rows go through the stage (usage and changes). */
  private static boolean staged(RowKind kind) {
    return kind == RowKind.USAGE_DAY || kind == RowKind.USAGE_WEEK || kind == RowKind.CHANGES;
  }

  private static String duplicateWhat(RowKind kind) {
    return kind == RowKind.CHANGES
        ? "email, week and tool"
        : kind == RowKind.USAGE_WEEK ? "email, tool and week" : "identity, tool and day";
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

  private static ImportResult result(
      Long batchId,
      FormatParser parser,
      RowCollector rows,
      long applied,
      long unmatched,
      String outcome,
      ImportRequest request) {
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

  /** Parses the stream; file-level problems (empty, binary, not UTF-8) are fatal errors. */
  private static void read(
      FormatParser parser, ParseContext context, InputStream in, RowCollector rows) {
    try {
      in.mark(HEAD);
      byte[] head = in.readNBytes(HEAD);
      in.reset();
      if (head.length == 0
          || new String(head, java.nio.charset.StandardCharsets.UTF_8)
              .replace("\uFEFF", "")
              .isBlank()) {
        rows.error(0, "file", "the file is empty; expected " + parser.description());
      } else if (Formats.looksBinary(head, head.length)) {
        rows.error(0, "file", "the file is binary, not text; expected " + parser.description());
      } else {
        try {
          // The parser closes its reader; the rest of the stream is still read below.
          parser.parse(Formats.utf8(new KeepOpen(in)), context, rows);
        } catch (CharacterCodingException e) {
          rows.error(
              0,
              "file",
              "the file is not UTF-8 text (binary or another encoding); save it as UTF-8");
        }
      }
      // Read what the parser left so the SHA-256 covers the whole file and the size limit holds.
      in.transferTo(OutputStream.nullOutputStream());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static final class KeepOpen extends java.io.FilterInputStream {
    KeepOpen(InputStream in) {
      super(in);
    }

    @Override
    public void close() {}
  }

  private List<ParsedRow> checkIncidents(
      List<ParsedRow> rows, RowCollector collector, Map<Long, Long> teamIds) {
    Map<String, Long> teamsByName = new HashMap<>();
    Map<String, Long> teamsByKey = new HashMap<>();
    for (Team t : roster.teams()) {
      teamsByKey.put(t.key(), t.id());
      teamsByName.put(t.name().toLowerCase(Locale.ROOT), t.id());
      teamsByName.putIfAbsent(t.key(), t.id());
    }
    Map<String, Long> seen = new HashMap<>();
    List<ParsedRow> ok = new ArrayList<>();
    for (ParsedRow row : rows) {
      ParsedRow.Incident i = (ParsedRow.Incident) row;
      Long first = seen.putIfAbsent(i.externalId(), i.line());
      if (first != null) {
        collector.reject(
            i.line(),
            "id",
            "repeats incident "
                + i.externalId()
                + " of line "
                + first
                + "; each incident may appear once");
        continue;
      }
      if (i.vendorOwnedOnly()) {
        i.teamNames().stream()
            .map(n -> teamsByName.get(n.toLowerCase(Locale.ROOT)))
            .filter(java.util.Objects::nonNull)
            .findFirst()
            .ifPresent(id -> teamIds.put(i.line(), id));
      } else if (!i.teamNames().isEmpty()) {
        Long id = teamsByKey.get(i.teamNames().get(0).toLowerCase(Locale.ROOT));
        if (id == null) {
          collector.reject(
              i.line(),
              "team",
              "no team with key '"
                  + i.teamNames().get(0)
                  + "'; expected a team key from the Teams screen");
          continue;
        }
        teamIds.put(i.line(), id);
      }
      ok.add(i);
    }
    return ok;
  }

  /** Emails appear once; every path agrees with the existing tree and with the rest of the file. */
  private List<ParsedRow> checkRoster(List<ParsedRow> rows, RowCollector collector) {
    Map<Long, Team> byId = new HashMap<>();
    Map<String, String> parentOf = new LinkedHashMap<>();
    List<Team> teams = roster.teams();
    teams.forEach(t -> byId.put(t.id(), t));
    for (Team t : teams) {
      parentOf.put(t.key(), t.parentId() == null ? "" : byId.get(t.parentId()).key());
    }
    Map<String, Long> seen = new HashMap<>();
    List<ParsedRow> ok = new ArrayList<>();
    for (ParsedRow row : rows) {
      ParsedRow.RosterEntry r = (ParsedRow.RosterEntry) row;
      Long first = seen.putIfAbsent(r.email(), r.line());
      if (first != null) {
        collector.reject(
            r.line(),
            "email",
            r.email() + " repeats line " + first + "; each developer may appear once");
        continue;
      }
      String problem = null;
      Map<String, String> added = new HashMap<>();
      for (int i = 0; i < r.teamPath().size() && problem == null; i++) {
        String key = r.teamPath().get(i);
        String parent = i == 0 ? "" : r.teamPath().get(i - 1);
        String known = parentOf.containsKey(key) ? parentOf.get(key) : added.get(key);
        if (known == null) {
          added.put(key, parent);
        } else if (!known.equals(parent)) {
          problem =
              "team '"
                  + key
                  + "' sits "
                  + (known.isEmpty() ? "at the top" : "under '" + known + "'")
                  + ", not "
                  + (parent.isEmpty() ? "at the top" : "under '" + parent + "'")
                  + "; expected its full path from the top";
        }
      }
      if (problem != null) {
        collector.reject(r.line(), "team_path", problem);
        continue;
      }
      parentOf.putAll(added);
      ok.add(r);
    }
    return ok;
  }

  /** A seat (identity, tool, assigned_on) appears once in a file. */
  private static List<ParsedRow> checkSeats(List<ParsedRow> rows, RowCollector collector) {
    Map<String, Long> seen = new HashMap<>();
    List<ParsedRow> ok = new ArrayList<>();
    for (ParsedRow row : rows) {
      ParsedRow.Seat s = (ParsedRow.Seat) row;
      Long first =
          seen.putIfAbsent(
              s.identity() + "\u0000" + s.tool() + "\u0000" + s.assignedOn(), s.line());
      if (first != null) {
        collector.reject(
            s.line(),
            "key",
            "repeats line "
                + first
                + " (same identity, tool and assigned_on); each seat may appear once in a file");
      } else {
        ok.add(s);
      }
    }
    return ok;
  }

  /** How many seats of a dry run would be held: their identity is on neither list. */
  private long unmatchedSeats(List<ParsedRow> kept) {
    List<ParsedRow.Seat> rows = cast(kept, ParsedRow.Seat.class);
    if (rows.isEmpty()) {
      return 0;
    }
    Map<String, Long> known =
        seats.developersOf(
            rows.get(0).source(), rows.stream().map(ParsedRow.Seat::identity).toList());
    return rows.stream().filter(r -> !known.containsKey(r.identity())).count();
  }

  private List<ParsedRow> checkIdentities(List<ParsedRow> rows, RowCollector collector) {
    Set<String> known =
        roster
            .developerIdsByEmail(
                rows.stream().map(r -> ((ParsedRow.IdentityMapping) r).email()).distinct().toList())
            .keySet();
    Map<String, Long> seen = new HashMap<>();
    List<ParsedRow> ok = new ArrayList<>();
    for (ParsedRow row : rows) {
      ParsedRow.IdentityMapping m = (ParsedRow.IdentityMapping) row;
      Long first = seen.putIfAbsent(m.source() + "\u0000" + m.externalId(), m.line());
      if (first != null) {
        collector.reject(
            m.line(), "external_id", "repeats line " + first + " (same source and external_id)");
      } else if (!known.contains(m.email())) {
        collector.reject(
            m.line(), "email", m.email() + " is not on the roster; expected a roster email");
      } else {
        ok.add(m);
      }
    }
    return ok;
  }

  private static Map<String, Object> summary(
      ImportRequest request,
      FormatParser parser,
      String hash,
      RowCollector rows,
      long applied,
      long unmatched,
      String outcome) {
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

  @SuppressWarnings("unchecked")
  private static <T> List<T> cast(List<ParsedRow> rows, Class<T> type) {
    return (List<T>) (List<?>) rows;
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}

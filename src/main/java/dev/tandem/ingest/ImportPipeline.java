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

  private final StagingRepository staging;
  private final BatchRepository batches;
  private final IncidentImportRepository incidents;
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
    this.rosterPrior = rosterPrior;
    this.held = held;
    this.roster = roster;
    this.tools = tools;
    this.audit = audit;
    this.metrics = metrics;
    this.tx = tx;
    this.clock = clock;
  }

  ImportResult run(ImportRequest request, InputStream body, long maxBytes) {
    FormatParser parser =
        Formats.byKey(request.format())
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
    String tool =
        request.tool() == null || request.tool().isBlank()
            ? null
            : request.tool().trim().toLowerCase(Locale.ROOT);
    ParseContext context =
        new ParseContext(tools.tools().stream().map(Tool::key).collect(Collectors.toSet()), tool);
    var sample = metrics.start();
    MessageDigest sha = sha256();
    OffsetDateTime now = clock.instant().atOffset(ZoneOffset.UTC);
    String user = CurrentUser.name();
    ImportResult result;
    String[] hashOf = new String[1];
    try (InputStream in =
        new BufferedInputStream(
            new DigestInputStream(new LimitedInputStream(body, maxBytes), sha), 1 << 16)) {
      result =
          tx.execute(
              status -> {
                long batchId =
                    batches.start(
                        parser.key(), tool, request.fileName(), request.mode().key(), user, now);
                RowCollector rows = new RowCollector(batchId, staging);
                read(parser, context, in, rows);
                String hash = HexFormat.of().formatHex(sha.digest());
                hashOf[0] = hash;
                rows.flush();
                Applied applied = validateAndApply(parser, context, request, batchId, rows, now);
                String outcome =
                    applied == null
                        ? "refused"
                        : rows.rejected() > 0 ? "partially-applied" : "applied";
                long unmatched = applied == null ? 0 : applied.unmatched();
                long appliedRows = applied == null ? 0 : rows.validRows() - unmatched;
                staging.clear(batchId);
                if (applied == null || request.dryRun()) {
                  status.setRollbackOnly();
                } else {
                  batches.finish(
                      batchId,
                      hash,
                      rows.rowsRead(),
                      appliedRows,
                      rows.rejected(),
                      unmatched,
                      outcome);
                  audit.record(
                      "import",
                      "import-batch",
                      batchId,
                      null,
                      summary(request, parser, hash, rows, appliedRows, unmatched, outcome));
                }
                return new ImportResult(
                    request.dryRun() || applied == null ? null : batchId,
                    parser.key(),
                    rows.rowsRead(),
                    appliedRows,
                    rows.rejected(),
                    unmatched,
                    rows.errors(),
                    outcome,
                    request.dryRun(),
                    rows.preview());
              });
      if (result.refused() && !request.dryRun()) {
        result = recordRefused(request, parser, tool, user, now, hashOf[0], result);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (RuntimeException e) {
      metrics.stop(
          sample, parser.key(), e instanceof ImportTooLargeException ? "too-large" : "failed");
      throw e;
    }
    metrics.record(result);
    metrics.stop(sample, parser.key(), request.dryRun() ? "dry-run" : result.outcome());
    return result;
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

  private record Applied(long unmatched) {}

  private static final class KeepOpen extends java.io.FilterInputStream {
    KeepOpen(InputStream in) {
      super(in);
    }

    @Override
    public void close() {}
  }

  /** Checks across rows, then applies; null when the import is refused. */
  private Applied validateAndApply(
      FormatParser parser,
      ParseContext context,
      ImportRequest request,
      long batchId,
      RowCollector rows,
      OffsetDateTime now) {
    if (rows.fatal()) {
      return null;
    }
    RowKind kind = parser.kind();
    List<ParsedRow> kept = rows.kept();
    Map<Long, Long> teamIds = new HashMap<>();
    List<StagingRepository.Duplicate> duplicates = List.of();
    switch (kind) {
      case USAGE_DAY, USAGE_WEEK, CHANGES -> {
        duplicates = staging.duplicates(batchId);
        String what =
            kind == RowKind.CHANGES
                ? "email, week and tool"
                : kind == RowKind.USAGE_WEEK ? "email, tool and week" : "identity, tool and day";
        for (var d : duplicates) {
          rows.reject(
              d.line(),
              "key",
              "repeats line "
                  + d.firstLine()
                  + " (same "
                  + what
                  + "); each may appear once in a file");
        }
      }
      case INCIDENT -> kept = checkIncidents(kept, rows, teamIds);
      case ROSTER -> kept = checkRoster(kept, rows);
      case IDENTITY -> kept = checkIdentities(kept, rows);
    }
    if (rows.hasErrors() && request.mode() == ImportMode.ALL_OR_NOTHING) {
      return null;
    }
    if (!duplicates.isEmpty()) {
      staging.deleteLines(
          batchId, duplicates.stream().map(StagingRepository.Duplicate::line).toList());
    }
    switch (kind) {
      case USAGE_DAY, USAGE_WEEK, CHANGES -> {
        String source = parser.identitySource(context);
        staging.resolve(batchId, source);
        long unmatched = staging.holdUnmatched(batchId, source);
        applyStaged(kind, batchId, parser.key());
        rollup.refresh(staging.weekSpan(batchId));
        return new Applied(unmatched);
      }
      case INCIDENT -> incidents.apply(batchId, cast(kept, ParsedRow.Incident.class), teamIds, now);
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
    return new Applied(0);
  }

  void applyStaged(RowKind kind, long batchId, String source) {
    switch (kind) {
      case USAGE_DAY -> staging.applyUsageDays(batchId, source);
      case USAGE_WEEK -> staging.applyUsageWeeks(batchId, source);
      case CHANGES -> staging.applyChanges(batchId);
      default -> throw new IllegalArgumentException(kind + " is not staged");
    }
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

  private ImportResult recordRefused(
      ImportRequest request,
      FormatParser parser,
      String tool,
      String user,
      OffsetDateTime now,
      String hash,
      ImportResult refused) {
    return tx.execute(
        status -> {
          long id =
              batches.start(
                  parser.key(), tool, request.fileName(), request.mode().key(), user, now);
          batches.finish(id, hash, refused.rowsRead(), 0, refused.rowsRejected(), 0, "refused");
          audit.record(
              "import-refused",
              "import-batch",
              id,
              null,
              Map.of(
                  "format",
                  parser.key(),
                  "file",
                  String.valueOf(request.fileName()),
                  "errors",
                  refused.errors().size()));
          return new ImportResult(
              id,
              refused.format(),
              refused.rowsRead(),
              0,
              refused.rowsRejected(),
              0,
              refused.errors(),
              "refused",
              false,
              refused.preview());
        });
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

package dev.tandem.ingest;

import static dev.tandem.db.Tables.CHANGE_COUNT;
import static dev.tandem.db.Tables.DEVELOPER;
import static dev.tandem.db.Tables.USAGE_WEEK;

import dev.tandem.base.IsoWeek;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.jooq.DSLContext;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

/** Small helpers for ingest tests: files from src/test/resources/ingest, and weekly totals. */
final class IngestFixtures {

  /** A week's usage of one developer and tool as stored. */
  record Week(String source, int activeDays, Long interactions, Long acceptedLines) {}

  private final ImportService imports;
  private final DSLContext db;

  IngestFixtures(ImportService imports, DSLContext db) {
    this.imports = imports;
    this.db = db;
  }

  static void signInAsAdmin() {
    SecurityContextHolder.getContext()
        .setAuthentication(
            new UsernamePasswordAuthenticationToken(
                "it-admin", null, List.of(new SimpleGrantedAuthority("ROLE_ADMIN"))));
  }

  static InputStream resource(String name) {
    InputStream in = IngestFixtures.class.getResourceAsStream("/ingest/" + name);
    if (in == null) {
      throw new IllegalArgumentException("no fixture " + name);
    }
    return in;
  }

  static byte[] bytes(String name) {
    try (InputStream in = resource(name)) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  ImportResult importFile(String name, String format) {
    return imports.importFile(
        new ImportRequest(format, ImportMode.ALL_OR_NOTHING, false, name, null), resource(name));
  }

  ImportResult importText(String text, String format, ImportMode mode, boolean dryRun) {
    return imports.importFile(
        new ImportRequest(format, mode, dryRun, "inline.csv", null),
        new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
  }

  ImportResult importText(String text, String format) {
    return importText(text, format, ImportMode.ALL_OR_NOTHING, false);
  }

  void roster() {
    importFile("roster.csv", "tandem-roster-csv");
  }

  Week week(String email, String tool, String week) {
    return db.select(
            USAGE_WEEK.SOURCE,
            USAGE_WEEK.ACTIVE_DAYS,
            USAGE_WEEK.INTERACTIONS,
            USAGE_WEEK.ACCEPTED_LINES)
        .from(USAGE_WEEK)
        .join(DEVELOPER)
        .on(DEVELOPER.ID.eq(USAGE_WEEK.DEVELOPER_ID))
        .where(DEVELOPER.EMAIL.eq(email))
        .and(USAGE_WEEK.TOOL_KEY.eq(tool))
        .and(USAGE_WEEK.WEEK_START.eq(IsoWeek.parse(week).monday()))
        .fetchOptional(r -> new Week(r.value1(), r.value2(), r.value3(), r.value4()))
        .orElse(null);
  }

  /** A week's agent days of one developer and tool as stored (null: no row, or cannot tell). */
  Short agentDays(String email, String tool, String week) {
    return db.select(USAGE_WEEK.AGENT_DAYS)
        .from(USAGE_WEEK)
        .join(DEVELOPER)
        .on(DEVELOPER.ID.eq(USAGE_WEEK.DEVELOPER_ID))
        .where(DEVELOPER.EMAIL.eq(email))
        .and(USAGE_WEEK.TOOL_KEY.eq(tool))
        .and(USAGE_WEEK.WEEK_START.eq(IsoWeek.parse(week).monday()))
        .fetchOne(USAGE_WEEK.AGENT_DAYS);
  }

  /** Sum of active days and of interactions over all usage weeks: a fingerprint of the totals. */
  List<Long> usageTotals() {
    var r =
        db.select(
                org.jooq.impl.DSL.count(),
                org.jooq.impl.DSL.sum(USAGE_WEEK.ACTIVE_DAYS),
                org.jooq.impl.DSL.sum(USAGE_WEEK.INTERACTIONS))
            .from(USAGE_WEEK)
            .fetchOne();
    return List.of(
        r.value1().longValue(),
        r.value2() == null ? 0 : r.value2().longValue(),
        r.value3() == null ? 0 : r.value3().longValue());
  }

  Integer changes(String email, String week, String attribution) {
    return db.select(CHANGE_COUNT.CHANGES)
        .from(CHANGE_COUNT)
        .join(DEVELOPER)
        .on(DEVELOPER.ID.eq(CHANGE_COUNT.DEVELOPER_ID))
        .where(DEVELOPER.EMAIL.eq(email))
        .and(CHANGE_COUNT.WEEK_START.eq(IsoWeek.parse(week).monday()))
        .and(CHANGE_COUNT.ATTRIBUTION.eq(attribution))
        .fetchOne(CHANGE_COUNT.CHANGES);
  }
}

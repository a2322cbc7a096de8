package dev.tandem.ingest;

import static dev.tandem.db.Tables.CHANGE_COUNT;
import static dev.tandem.db.Tables.DEVELOPER;
import static dev.tandem.db.Tables.IDENTITY_MAP;
import static dev.tandem.db.Tables.IMPORT_PRIOR_CHANGE_COUNT;
import static dev.tandem.db.Tables.IMPORT_PRIOR_USAGE_DAY;
import static dev.tandem.db.Tables.IMPORT_PRIOR_USAGE_WEEK;
import static dev.tandem.db.Tables.IMPORT_STAGE;
import static dev.tandem.db.Tables.UNMATCHED_ROW;
import static dev.tandem.db.Tables.USAGE_DAY;
import static dev.tandem.db.Tables.USAGE_WEEK;
import static org.jooq.impl.DSL.coalesce;
import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.inline;
import static org.jooq.impl.DSL.max;
import static org.jooq.impl.DSL.min;
import static org.jooq.impl.DSL.select;
import static org.jooq.impl.DSL.selectDistinct;
import static org.jooq.impl.DSL.selectOne;
import static org.jooq.impl.DSL.sum;
import static org.jooq.impl.DSL.when;

import dev.tandem.ingest.format.ParsedRow;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Table;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;
import org.springframework.stereotype.Repository;

/**
 * Usage and change rows of an import: staged with JDBC batches, checked, resolved to developers and
 * merged into the weekly tables with set-based SQL (a handful of statements per import, never one
 * per row). Before each merge the rows it replaces are kept for undo.
 */
@Repository
class StagingRepository {

  private static final dev.tandem.db.tables.ImportStage S = IMPORT_STAGE;
  private final DSLContext db;
  // One process stages; the lock keeps a truncate from meeting another import's chunk in flight.
  private final java.util.concurrent.locks.ReadWriteLock stageLock =
      new java.util.concurrent.locks.ReentrantReadWriteLock();

  StagingRepository(DSLContext db) {
    this.db = db;
  }

  private static final String STAGE_SQL =
      "INSERT INTO import_stage (batch_id, line_no, row_kind, external_id, discriminator,"
          + " tool_key, usage_date, week_start, week_end, active, active_days, interactions,"
          + " accepted_lines, changes, developer_id, agent, agent_days, credits_used,"
          + " overage_credits_used, subscription_tier, usage_based_requests, estimated_cost_cents,"
          + " suggested, accepted)"
          + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

  /**
   * One plain JDBC batch for many rows (jOOQ's per-row bind objects cost more than the insert),
   * each with the developer its identity resolves to ({@code developers}; null: held as unmatched).
   */
  void stage(long batchId, List<? extends ParsedRow> rows, Identities developers) {
    if (rows.isEmpty()) {
      return;
    }
    db.connection(
        c -> {
          if (c.isWrapperFor(org.postgresql.PGConnection.class)) {
            copy(c.unwrap(org.postgresql.PGConnection.class), batchId, rows, developers);
            return;
          }
          try (PreparedStatement ps = c.prepareStatement(STAGE_SQL)) {
            for (ParsedRow row : rows) {
              ps.setLong(1, batchId);
              ps.setLong(2, row.line());
              if (row instanceof ParsedRow.Usage u) {
                ps.setString(3, u.day() == null ? "usage-week" : "usage-day");
                ps.setString(4, u.identity());
                ps.setString(5, u.discriminator() == null ? "" : u.discriminator());
                ps.setString(6, u.tool());
                ps.setObject(7, u.day());
                ps.setObject(8, u.weekStart());
                ps.setObject(9, u.weekStart().plusDays(7));
                ps.setBoolean(10, u.active());
                setNullable(ps, 11, u.activeDays(), Types.SMALLINT);
                setNullable(ps, 12, u.interactions(), Types.BIGINT);
                setNullable(ps, 13, u.acceptedLines(), Types.BIGINT);
                ps.setNull(14, Types.INTEGER);
                setNullable(ps, 15, developers.developerOf(u.identity(), u.email()), Types.BIGINT);
                if (u.agent() == null) {
                  ps.setNull(16, Types.BOOLEAN);
                } else {
                  ps.setBoolean(16, u.agent());
                }
                setNullable(ps, 17, u.agentDays(), Types.SMALLINT);
                ParsedRow.Spend spend = u.spend() == null ? NO_SPEND : u.spend();
                ps.setBigDecimal(18, spend.creditsUsed());
                ps.setBigDecimal(19, spend.overageCreditsUsed());
                ps.setString(20, spend.subscriptionTier());
                setNullable(ps, 21, spend.usageBasedRequests(), Types.BIGINT);
                ps.setBigDecimal(22, spend.estimatedCostCents());
                ParsedRow.Acceptance acceptance = u.acceptance();
                setNullable(
                    ps, 23, acceptance == null ? null : acceptance.suggested(), Types.BIGINT);
                setNullable(
                    ps, 24, acceptance == null ? null : acceptance.accepted(), Types.BIGINT);
              } else if (row instanceof ParsedRow.Change ch) {
                ps.setString(3, "changes");
                ps.setString(4, ch.email());
                ps.setString(5, "");
                ps.setString(6, ch.attribution());
                ps.setNull(7, Types.DATE);
                ps.setObject(8, ch.weekStart());
                ps.setObject(9, ch.weekStart().plusDays(7));
                ps.setNull(10, Types.BOOLEAN);
                ps.setNull(11, Types.SMALLINT);
                ps.setNull(12, Types.BIGINT);
                ps.setNull(13, Types.BIGINT);
                ps.setInt(14, ch.changes());
                setNullable(ps, 15, developers.developerOf(ch.email(), null), Types.BIGINT);
                ps.setNull(16, Types.BOOLEAN);
                ps.setNull(17, Types.SMALLINT);
                ps.setNull(18, Types.DECIMAL);
                ps.setNull(19, Types.DECIMAL);
                ps.setNull(20, Types.VARCHAR);
                ps.setNull(21, Types.BIGINT);
                ps.setNull(22, Types.DECIMAL);
                ps.setNull(23, Types.BIGINT);
                ps.setNull(24, Types.BIGINT);
              } else {
                continue;
              }
              ps.addBatch();
            }
            ps.executeBatch();
          }
        });
  }

  private static final String COPY_SQL =
      "COPY import_stage (batch_id, line_no, row_kind, external_id, discriminator, tool_key,"
          + " usage_date, week_start, week_end, active, active_days, interactions, accepted_lines,"
          + " changes, developer_id, agent, agent_days, credits_used, overage_credits_used,"
          + " subscription_tier, usage_based_requests, estimated_cost_cents, suggested, accepted)"
          + " FROM STDIN (FORMAT csv)";

  private static final ParsedRow.Spend NO_SPEND = new ParsedRow.Spend(null, null, null, null, null);

  /**
   * PostgreSQL's own bulk path: the chunk as CSV through {@code COPY … FROM STDIN} (PgJDBC's
   * CopyManager), inside the caller's transaction. In CSV an unquoted empty field is NULL and a
   * quoted one the empty string; every text is quoted.
   */
  private static void copy(
      org.postgresql.PGConnection pg,
      long batchId,
      List<? extends ParsedRow> rows,
      Identities developers)
      throws SQLException {
    StringBuilder csv = new StringBuilder(rows.size() * 120);
    for (ParsedRow row : rows) {
      if (row instanceof ParsedRow.Usage u) {
        csvRow(
            csv,
            batchId,
            row.line(),
            u.day() == null ? "usage-week" : "usage-day",
            u.identity(),
            u.discriminator() == null ? "" : u.discriminator(),
            u.tool(),
            u.day(),
            u.weekStart(),
            u.active(),
            u.activeDays(),
            u.interactions(),
            u.acceptedLines(),
            null,
            developers.developerOf(u.identity(), u.email()),
            u.agent(),
            u.agentDays(),
            u.spend() == null ? NO_SPEND : u.spend(),
            u.acceptance());
      } else if (row instanceof ParsedRow.Change ch) {
        csvRow(
            csv,
            batchId,
            row.line(),
            "changes",
            ch.email(),
            "",
            ch.attribution(),
            null,
            ch.weekStart(),
            null,
            null,
            null,
            null,
            ch.changes(),
            developers.developerOf(ch.email(), null),
            null,
            null,
            NO_SPEND,
            null);
      }
    }
    try {
      pg.getCopyAPI().copyIn(COPY_SQL, new java.io.StringReader(csv.toString()));
    } catch (java.io.IOException e) {
      throw new SQLException("COPY into import_stage failed", e);
    }
  }

  private static void csvRow(
      StringBuilder csv,
      long batchId,
      long line,
      String kind,
      String externalId,
      String discriminator,
      String tool,
      LocalDate day,
      LocalDate weekStart,
      Boolean active,
      Number activeDays,
      Number interactions,
      Number acceptedLines,
      Number changes,
      Long developerId,
      Boolean agent,
      Number agentDays,
      ParsedRow.Spend spend,
      ParsedRow.Acceptance acceptance) {
    csv.append(batchId).append(',').append(line).append(',');
    quoted(csv, kind).append(',');
    quoted(csv, externalId).append(',');
    quoted(csv, discriminator).append(',');
    quoted(csv, tool).append(',');
    csv.append(day == null ? "" : day.toString()).append(',');
    csv.append(weekStart).append(',').append(weekStart.plusDays(7)).append(',');
    csv.append(active == null ? "" : active.toString()).append(',');
    csv.append(activeDays == null ? "" : activeDays.toString()).append(',');
    csv.append(interactions == null ? "" : interactions.toString()).append(',');
    csv.append(acceptedLines == null ? "" : acceptedLines.toString()).append(',');
    csv.append(changes == null ? "" : changes.toString()).append(',');
    csv.append(developerId == null ? "" : developerId.toString()).append(',');
    csv.append(agent == null ? "" : agent.toString()).append(',');
    csv.append(agentDays == null ? "" : agentDays.toString()).append(',');
    csv.append(spend.creditsUsed() == null ? "" : spend.creditsUsed().toPlainString()).append(',');
    csv.append(spend.overageCreditsUsed() == null ? "" : spend.overageCreditsUsed().toPlainString())
        .append(',');
    if (spend.subscriptionTier() != null) {
      quoted(csv, spend.subscriptionTier());
    }
    csv.append(',');
    csv.append(spend.usageBasedRequests() == null ? "" : spend.usageBasedRequests().toString())
        .append(',');
    csv.append(spend.estimatedCostCents() == null ? "" : spend.estimatedCostCents().toPlainString())
        .append(',');
    if (acceptance != null) {
      csv.append(acceptance.suggested()).append(',').append(acceptance.accepted());
    } else {
      csv.append(',');
    }
    csv.append('\n');
  }

  private static StringBuilder quoted(StringBuilder csv, String text) {
    return csv.append('"').append(text.replace("\"", "\"\"")).append('"');
  }

  private static void setNullable(PreparedStatement ps, int index, Number value, int type)
      throws SQLException {
    if (value == null) {
      ps.setNull(index, type);
    } else if (type == Types.SMALLINT) {
      ps.setShort(index, value.shortValue());
    } else {
      ps.setLong(index, value.longValue());
    }
  }

  /**
   * Every identity of {@code source} that resolves to a developer, in memory for one import (a
   * roster email first, then the identity map: DESIGN §4): staged rows carry their developer, so no
   * later statement joins the roster per row.
   */
  Identities identities(String source) {
    java.util.Map<String, Long> byIdentity = new java.util.HashMap<>();
    db.select(IDENTITY_MAP.EXTERNAL_ID, IDENTITY_MAP.DEVELOPER_ID)
        .from(IDENTITY_MAP)
        .where(IDENTITY_MAP.SOURCE.eq(source))
        .fetchSize(10_000)
        .forEach(r -> byIdentity.put(r.value1(), r.value2()));
    db.select(DEVELOPER.EMAIL, DEVELOPER.ID)
        .from(DEVELOPER)
        .fetchSize(10_000)
        .forEach(r -> byIdentity.put(r.value1(), r.value2()));
    return (identity, email) -> {
      Long developer = byIdentity.get(identity);
      return developer != null || email == null ? developer : byIdentity.get(email);
    };
  }

  /**
   * An identity's developer, or null when neither the roster nor the identity map knows it; {@code
   * email} (may be null) is a roster email the row matches by when the identity does not resolve.
   */
  @FunctionalInterface
  interface Identities {
    Long developerOf(String identity, String email);
  }

  void deleteLines(long batchId, Collection<Long> lines) {
    List<Long> all = List.copyOf(lines);
    for (int i = 0; i < all.size(); i += 1000) {
      db.deleteFrom(S)
          .where(S.BATCH_ID.eq(batchId))
          .and(S.LINE_NO.in(all.subList(i, Math.min(all.size(), i + 1000))))
          .execute();
    }
  }

  /** The developer of a staged row, resolved when it was staged (null: held as unmatched). */
  private static Field<Long> developer() {
    return S.DEVELOPER_ID;
  }

  private static Condition resolves() {
    return S.DEVELOPER_ID.isNotNull();
  }

  /**
   * A staged line whose identity resolves to the same developer, tool and week as an earlier one.
   */
  record ResolvedRepeat(long line, long firstLine, String externalId) {}

  /**
   * Weekly rows whose identities differ in the file but resolve to one developer (an email and an
   * identity mapped to it, or two mapped identities) with the same tool (or attribution) and week:
   * a key repeated inside one file (DESIGN §4.1). Only developers with a mapped identity in the
   * file can have such rows, found from the identity map's side (one index probe per mapping), so a
   * file without mapped identities costs nothing more; their rows are then compared in memory.
   */
  List<ResolvedRepeat> repeatsAfterResolution(long batchId, String source) {
    List<Long> candidates =
        db.selectDistinct(IDENTITY_MAP.DEVELOPER_ID)
            .from(IDENTITY_MAP)
            .where(IDENTITY_MAP.SOURCE.eq(source))
            .andExists(
                selectOne()
                    .from(S)
                    .where(S.BATCH_ID.eq(batchId))
                    .and(S.EXTERNAL_ID.eq(IDENTITY_MAP.EXTERNAL_ID)))
            .fetch(IDENTITY_MAP.DEVELOPER_ID);
    List<ResolvedRepeat> repeats = new java.util.ArrayList<>();
    java.util.Map<List<Object>, Long> firstLine = new java.util.HashMap<>();
    for (int i = 0; i < candidates.size(); i += 1000) {
      db.select(S.LINE_NO, S.DEVELOPER_ID, S.TOOL_KEY, S.WEEK_START, S.EXTERNAL_ID)
          .from(S)
          .where(S.BATCH_ID.eq(batchId))
          .and(S.DEVELOPER_ID.in(candidates.subList(i, Math.min(candidates.size(), i + 1000))))
          .orderBy(S.LINE_NO)
          .forEach(
              r -> {
                List<Object> key = List.of(r.value2(), r.value3(), r.value4());
                Long first = firstLine.putIfAbsent(key, r.value1());
                if (first != null) {
                  repeats.add(new ResolvedRepeat(r.value1(), first, r.value5()));
                }
              });
    }
    repeats.sort(java.util.Comparator.comparingLong(ResolvedRepeat::line));
    return repeats;
  }

  /** Copies rows of unknown identities to {@code unmatched_row}; returns how many. */
  int holdUnmatched(long batchId, String source) {
    return db.insertInto(
            UNMATCHED_ROW,
            UNMATCHED_ROW.BATCH_ID,
            UNMATCHED_ROW.SOURCE,
            UNMATCHED_ROW.EXTERNAL_ID,
            UNMATCHED_ROW.ROW_KIND,
            UNMATCHED_ROW.TOOL_KEY,
            UNMATCHED_ROW.USAGE_DATE,
            UNMATCHED_ROW.WEEK_START,
            UNMATCHED_ROW.ACTIVE,
            UNMATCHED_ROW.ACTIVE_DAYS,
            UNMATCHED_ROW.INTERACTIONS,
            UNMATCHED_ROW.ACCEPTED_LINES,
            UNMATCHED_ROW.CHANGES,
            UNMATCHED_ROW.DISCRIMINATOR,
            UNMATCHED_ROW.AGENT,
            UNMATCHED_ROW.AGENT_DAYS,
            UNMATCHED_ROW.CREDITS_USED,
            UNMATCHED_ROW.OVERAGE_CREDITS_USED,
            UNMATCHED_ROW.SUBSCRIPTION_TIER,
            UNMATCHED_ROW.USAGE_BASED_REQUESTS,
            UNMATCHED_ROW.ESTIMATED_COST_CENTS,
            UNMATCHED_ROW.SUGGESTED,
            UNMATCHED_ROW.ACCEPTED)
        .select(
            select(
                    S.BATCH_ID,
                    inline(source),
                    S.EXTERNAL_ID,
                    S.ROW_KIND,
                    S.TOOL_KEY,
                    S.USAGE_DATE,
                    S.WEEK_START,
                    S.ACTIVE,
                    S.ACTIVE_DAYS,
                    S.INTERACTIONS,
                    S.ACCEPTED_LINES,
                    S.CHANGES,
                    S.DISCRIMINATOR,
                    S.AGENT,
                    S.AGENT_DAYS,
                    S.CREDITS_USED,
                    S.OVERAGE_CREDITS_USED,
                    S.SUBSCRIPTION_TIER,
                    S.USAGE_BASED_REQUESTS,
                    S.ESTIMATED_COST_CENTS,
                    S.SUGGESTED,
                    S.ACCEPTED)
                .from(S)
                .where(S.BATCH_ID.eq(batchId))
                .and(S.DEVELOPER_ID.isNull()))
        .execute();
  }

  /**
   * Stages the held rows of a batch again (line = the held row's id) so that the normal apply steps
   * can write those that now resolve.
   */
  void stageHeld(long batchId) {
    db.insertInto(
            S,
            S.BATCH_ID,
            S.LINE_NO,
            S.ROW_KIND,
            S.EXTERNAL_ID,
            S.TOOL_KEY,
            S.USAGE_DATE,
            S.WEEK_START,
            S.WEEK_END,
            S.ACTIVE,
            S.ACTIVE_DAYS,
            S.INTERACTIONS,
            S.ACCEPTED_LINES,
            S.CHANGES,
            S.DISCRIMINATOR,
            S.AGENT,
            S.AGENT_DAYS,
            S.CREDITS_USED,
            S.OVERAGE_CREDITS_USED,
            S.SUBSCRIPTION_TIER,
            S.USAGE_BASED_REQUESTS,
            S.ESTIMATED_COST_CENTS,
            S.SUGGESTED,
            S.ACCEPTED)
        .select(
            select(
                    UNMATCHED_ROW.BATCH_ID,
                    UNMATCHED_ROW.ID,
                    UNMATCHED_ROW.ROW_KIND,
                    UNMATCHED_ROW.EXTERNAL_ID,
                    UNMATCHED_ROW.TOOL_KEY,
                    UNMATCHED_ROW.USAGE_DATE,
                    UNMATCHED_ROW.WEEK_START,
                    DSL.localDateAdd(UNMATCHED_ROW.WEEK_START, 7),
                    UNMATCHED_ROW.ACTIVE,
                    UNMATCHED_ROW.ACTIVE_DAYS,
                    UNMATCHED_ROW.INTERACTIONS,
                    UNMATCHED_ROW.ACCEPTED_LINES,
                    UNMATCHED_ROW.CHANGES,
                    UNMATCHED_ROW.DISCRIMINATOR,
                    UNMATCHED_ROW.AGENT,
                    UNMATCHED_ROW.AGENT_DAYS,
                    UNMATCHED_ROW.CREDITS_USED,
                    UNMATCHED_ROW.OVERAGE_CREDITS_USED,
                    UNMATCHED_ROW.SUBSCRIPTION_TIER,
                    UNMATCHED_ROW.USAGE_BASED_REQUESTS,
                    UNMATCHED_ROW.ESTIMATED_COST_CENTS,
                    UNMATCHED_ROW.SUGGESTED,
                    UNMATCHED_ROW.ACCEPTED)
                .from(UNMATCHED_ROW)
                .where(UNMATCHED_ROW.BATCH_ID.eq(batchId)))
        .execute();
  }

  /**
   * After {@link #stageHeld}: drops what still does not resolve, removes what will apply from the
   * held rows; returns how many will apply and the weeks they touch.
   */
  int releaseResolvedHeld(long batchId, String source) {
    db.update(S)
        .set(
            S.DEVELOPER_ID,
            coalesce(
                field(
                    select(DEVELOPER.ID).from(DEVELOPER).where(DEVELOPER.EMAIL.eq(S.EXTERNAL_ID))),
                field(
                    select(IDENTITY_MAP.DEVELOPER_ID)
                        .from(IDENTITY_MAP)
                        .where(IDENTITY_MAP.SOURCE.eq(source))
                        .and(IDENTITY_MAP.EXTERNAL_ID.eq(S.EXTERNAL_ID)))))
        .where(S.BATCH_ID.eq(batchId))
        .execute();
    db.deleteFrom(S).where(S.BATCH_ID.eq(batchId)).and(S.DEVELOPER_ID.isNull()).execute();
    return db.deleteFrom(UNMATCHED_ROW)
        .where(UNMATCHED_ROW.BATCH_ID.eq(batchId))
        .and(UNMATCHED_ROW.ID.in(select(S.LINE_NO).from(S).where(S.BATCH_ID.eq(batchId))))
        .execute();
  }

  /** The weeks the staged rows of a batch touch (null when none). */
  WeekSpan stagedWeeks(long batchId) {
    var r =
        db.select(min(S.WEEK_START), max(S.WEEK_START))
            .from(S)
            .where(S.BATCH_ID.eq(batchId))
            .fetchOne();
    return r == null || r.value1() == null ? null : new WeekSpan(r.value1(), r.value2());
  }

  /** Stage rows of batches that no longer run (after a commit, a refusal or a restart). */
  int clearFinished(Collection<Long> running) {
    return running.isEmpty()
        ? db.deleteFrom(S).execute()
        : db.deleteFrom(S).where(S.BATCH_ID.notIn(running)).execute();
  }

  /** Removes the batch's staged rows (inside the caller's transaction: held rows). */
  void clear(long batchId) {
    db.deleteFrom(S).where(S.BATCH_ID.eq(batchId)).execute();
  }

  /**
   * Writes a chunk of staged rows in {@code write} (its own transaction) while no {@link
   * #clearAfter} empties the stage.
   */
  void whileStaging(Runnable write) {
    stageLock.readLock().lock();
    try {
      write.run();
    } finally {
      stageLock.readLock().unlock();
    }
  }

  /**
   * After a batch ended (outside any transaction): when no other batch has committed rows in the
   * stage, it is truncated, which costs nothing per row; otherwise only this batch's rows go.
   */
  void clearAfter(long batchId) {
    stageLock.writeLock().lock();
    try {
      if (!db.fetchExists(selectOne().from(S).where(S.BATCH_ID.ne(batchId)))) {
        try {
          db.truncate(S).execute();
          return;
        } catch (org.springframework.dao.DataAccessException e) {
          // Another transaction still uses the stage (held rows being applied): delete instead.
        }
      }
      db.deleteFrom(S).where(S.BATCH_ID.eq(batchId)).execute();
    } finally {
      stageLock.writeLock().unlock();
    }
  }

  /**
   * Daily rows: merged per developer, tool, day, source and part (the discriminator when the format
   * replaces parts separately, else ''), then rolled up into their weeks.
   */
  void applyUsageDays(long batchId, String source, String identitySource, boolean parted) {
    Field<Integer> activeFlag = when(S.ACTIVE.isTrue(), inline(1)).otherwise(inline(0));
    // 1 agent, 0 not agent, null: the source cannot tell (stays null when no row can tell).
    Field<Integer> agentFlag = when(S.AGENT.isTrue(), inline(1)).when(S.AGENT.isFalse(), inline(0));
    Field<String> stagedPart = parted ? S.DISCRIMINATOR : inline("");
    Table<?> a =
        select(
                developer().as("developer_id"),
                S.TOOL_KEY,
                S.USAGE_DATE,
                stagedPart.as("part"),
                max(activeFlag).as("act"),
                max(agentFlag).as("agt"),
                sum(S.INTERACTIONS).cast(SQLDataType.BIGINT).as("inter"),
                sum(S.ACCEPTED_LINES).cast(SQLDataType.BIGINT).as("lines"),
                sum(S.CREDITS_USED).cast(S.CREDITS_USED.getDataType()).as("credits"),
                sum(S.OVERAGE_CREDITS_USED).cast(S.CREDITS_USED.getDataType()).as("overage"),
                max(S.SUBSCRIPTION_TIER).as("tier"),
                sum(S.USAGE_BASED_REQUESTS).cast(SQLDataType.BIGINT).as("usage_based"),
                sum(S.ESTIMATED_COST_CENTS).cast(S.CREDITS_USED.getDataType()).as("cost"),
                sum(S.SUGGESTED).cast(SQLDataType.BIGINT).as("suggested"),
                sum(S.ACCEPTED).cast(SQLDataType.BIGINT).as("accepted"))
            .from(S)
            .where(S.BATCH_ID.eq(batchId))
            .and(resolves())
            // PostgreSQL refuses a constant in GROUP BY: the part is grouped only when it is a
            // column.
            .groupBy(
                parted
                    ? List.of(developer(), S.TOOL_KEY, S.USAGE_DATE, S.DISCRIMINATOR)
                    : List.of(developer(), S.TOOL_KEY, S.USAGE_DATE))
            .asTable("a");
    Field<Long> dev = a.field("developer_id", Long.class);
    Field<String> tool = a.field(S.TOOL_KEY.getName(), String.class);
    Field<LocalDate> day = a.field(S.USAGE_DATE.getName(), LocalDate.class);
    Field<String> part = a.field("part", String.class);
    Field<Boolean> active = field(a.field("act", Integer.class).eq(1));
    Field<Integer> agt = a.field("agt", Integer.class);
    Field<Boolean> agent = when(agt.isNull(), inline((Boolean) null)).otherwise(field(agt.eq(1)));
    Field<Long> inter = a.field("inter", Long.class);
    Field<Long> lines = a.field("lines", Long.class);
    Field<java.math.BigDecimal> credits = a.field("credits", java.math.BigDecimal.class);
    Field<java.math.BigDecimal> overage = a.field("overage", java.math.BigDecimal.class);
    Field<String> tier = a.field("tier", String.class);
    Field<Long> usageBased = a.field("usage_based", Long.class);
    Field<java.math.BigDecimal> cost = a.field("cost", java.math.BigDecimal.class);
    Field<Long> suggested = a.field("suggested", Long.class);
    Field<Long> accepted = a.field("accepted", Long.class);

    Condition sameKey =
        USAGE_DAY
            .DEVELOPER_ID
            .eq(dev)
            .and(USAGE_DAY.TOOL_KEY.eq(tool))
            .and(USAGE_DAY.USAGE_DATE.eq(day))
            .and(USAGE_DAY.SOURCE.eq(source))
            .and(USAGE_DAY.PART.eq(part));
    var p = IMPORT_PRIOR_USAGE_DAY;
    // Only rows that existed are kept: a row the batch created is one that carries its id and has
    // no prior row.
    db.insertInto(
            p,
            p.BATCH_ID,
            p.DEVELOPER_ID,
            p.TOOL_KEY,
            p.USAGE_DATE,
            p.SOURCE,
            p.PART,
            p.EXISTED,
            p.ACTIVE,
            p.INTERACTIONS,
            p.ACCEPTED_LINES,
            p.AGENT,
            p.CREDITS_USED,
            p.OVERAGE_CREDITS_USED,
            p.SUBSCRIPTION_TIER,
            p.USAGE_BASED_REQUESTS,
            p.ESTIMATED_COST_CENTS,
            p.SUGGESTED,
            p.ACCEPTED,
            p.PRIOR_BATCH_ID)
        .select(
            select(
                    inline(batchId),
                    dev,
                    tool,
                    day,
                    inline(source),
                    part,
                    inline(true),
                    USAGE_DAY.ACTIVE,
                    USAGE_DAY.INTERACTIONS,
                    USAGE_DAY.ACCEPTED_LINES,
                    USAGE_DAY.AGENT,
                    USAGE_DAY.CREDITS_USED,
                    USAGE_DAY.OVERAGE_CREDITS_USED,
                    USAGE_DAY.SUBSCRIPTION_TIER,
                    USAGE_DAY.USAGE_BASED_REQUESTS,
                    USAGE_DAY.ESTIMATED_COST_CENTS,
                    USAGE_DAY.SUGGESTED,
                    USAGE_DAY.ACCEPTED,
                    USAGE_DAY.BATCH_ID)
                .from(a)
                .join(USAGE_DAY)
                .on(sameKey)
                .where(USAGE_DAY.BATCH_ID.isDistinctFrom(inline(batchId)))
                .andNotExists(
                    selectOne()
                        .from(p)
                        .where(p.BATCH_ID.eq(batchId))
                        .and(p.DEVELOPER_ID.eq(dev))
                        .and(p.TOOL_KEY.eq(tool))
                        .and(p.USAGE_DATE.eq(day))
                        .and(p.SOURCE.eq(source))
                        .and(p.PART.eq(part))))
        .execute();

    db.mergeInto(USAGE_DAY)
        .using(a)
        .on(sameKey)
        .whenMatchedThenUpdate()
        .set(USAGE_DAY.ACTIVE, active)
        .set(USAGE_DAY.INTERACTIONS, inter)
        .set(USAGE_DAY.ACCEPTED_LINES, lines)
        .set(USAGE_DAY.AGENT, agent)
        .set(USAGE_DAY.CREDITS_USED, credits)
        .set(USAGE_DAY.OVERAGE_CREDITS_USED, overage)
        .set(USAGE_DAY.SUBSCRIPTION_TIER, tier)
        .set(USAGE_DAY.USAGE_BASED_REQUESTS, usageBased)
        .set(USAGE_DAY.ESTIMATED_COST_CENTS, cost)
        .set(USAGE_DAY.SUGGESTED, suggested)
        .set(USAGE_DAY.ACCEPTED, accepted)
        .set(USAGE_DAY.BATCH_ID, inline(batchId))
        .whenNotMatchedThenInsert(
            USAGE_DAY.DEVELOPER_ID,
            USAGE_DAY.TOOL_KEY,
            USAGE_DAY.USAGE_DATE,
            USAGE_DAY.SOURCE,
            USAGE_DAY.PART,
            USAGE_DAY.ACTIVE,
            USAGE_DAY.INTERACTIONS,
            USAGE_DAY.ACCEPTED_LINES,
            USAGE_DAY.AGENT,
            USAGE_DAY.CREDITS_USED,
            USAGE_DAY.OVERAGE_CREDITS_USED,
            USAGE_DAY.SUBSCRIPTION_TIER,
            USAGE_DAY.USAGE_BASED_REQUESTS,
            USAGE_DAY.ESTIMATED_COST_CENTS,
            USAGE_DAY.SUGGESTED,
            USAGE_DAY.ACCEPTED,
            USAGE_DAY.BATCH_ID)
        .values(
            dev,
            tool,
            day,
            inline(source),
            part,
            active,
            inter,
            lines,
            agent,
            credits,
            overage,
            tier,
            usageBased,
            cost,
            suggested,
            accepted,
            inline(batchId))
        .execute();

    // The weeks these days fall in, rolled up from all of this source's days: the latest import
    // of the week wins over any other source.
    Table<?> k =
        selectDistinct(developer().as("developer_id"), S.TOOL_KEY, S.WEEK_START, S.WEEK_END)
            .from(S)
            .where(S.BATCH_ID.eq(batchId))
            .and(resolves())
            .asTable("k");
    Field<Long> kDev = k.field("developer_id", Long.class);
    Field<String> kTool = k.field(S.TOOL_KEY.getName(), String.class);
    Field<LocalDate> kWeek = k.field(S.WEEK_START.getName(), LocalDate.class);
    Field<LocalDate> kEnd = k.field(S.WEEK_END.getName(), LocalDate.class);
    Table<?> r =
        select(
                kDev.as("developer_id"),
                kTool.as("tool_key"),
                kWeek.as("week_start"),
                activeDays().as("active_days"),
                sum(USAGE_DAY.INTERACTIONS).cast(SQLDataType.BIGINT).as("interactions"),
                sum(USAGE_DAY.ACCEPTED_LINES).cast(SQLDataType.BIGINT).as("accepted_lines"),
                agentDays().as("agent_days"))
            .from(k)
            .join(USAGE_DAY)
            .on(USAGE_DAY.DEVELOPER_ID.eq(kDev))
            .and(USAGE_DAY.TOOL_KEY.eq(kTool))
            .and(USAGE_DAY.SOURCE.eq(source))
            .and(USAGE_DAY.USAGE_DATE.ge(kWeek))
            .and(USAGE_DAY.USAGE_DATE.lt(kEnd))
            .groupBy(kDev, kTool, kWeek)
            .asTable("r");
    mergeWeeks(batchId, source, r);
  }

  /**
   * Active days of a group of {@code usage_day} rows: the dates with an active part (the parts of
   * one day count once).
   */
  static Field<Short> activeDays() {
    return DSL.countDistinct(when(USAGE_DAY.ACTIVE.isTrue(), USAGE_DAY.USAGE_DATE))
        .cast(SQLDataType.SMALLINT);
  }

  /**
   * Agent days of a group of {@code usage_day} rows: the active dates with an agent part; null when
   * no row of the group can tell (agent null throughout).
   */
  static Field<Short> agentDays() {
    return when(max(when(USAGE_DAY.AGENT.isNotNull(), inline(1))).isNull(), inline((Short) null))
        .otherwise(
            DSL.countDistinct(
                    when(
                        USAGE_DAY.AGENT.isTrue().and(USAGE_DAY.ACTIVE.isTrue()),
                        USAGE_DAY.USAGE_DATE))
                .cast(SQLDataType.SMALLINT));
  }

  /**
   * Weekly rows (tandem-usage-csv): merged per developer, tool and week. A key appears once per
   * file (repeats are rejected while streaming), so no grouping is needed.
   */
  void applyUsageWeeks(long batchId, String source, String identitySource) {
    Table<?> r =
        select(
                developer().as("developer_id"),
                S.TOOL_KEY.as("tool_key"),
                S.WEEK_START.as("week_start"),
                S.ACTIVE_DAYS.as("active_days"),
                S.INTERACTIONS.as("interactions"),
                S.ACCEPTED_LINES.as("accepted_lines"),
                S.AGENT_DAYS.as("agent_days"))
            .from(S)
            .where(S.BATCH_ID.eq(batchId))
            .and(resolves())
            .asTable("r");
    mergeWeeks(batchId, source, r);
  }

  private void mergeWeeks(long batchId, String source, Table<?> r) {
    Field<Long> dev = r.field("developer_id", Long.class);
    Field<String> tool = r.field("tool_key", String.class);
    Field<LocalDate> week = r.field("week_start", LocalDate.class);
    Field<Short> days = r.field("active_days", Short.class);
    Field<Long> inter = r.field("interactions", Long.class);
    Field<Long> lines = r.field("accepted_lines", Long.class);
    Field<Short> agentDays = r.field("agent_days", Short.class);
    Condition sameKey =
        USAGE_WEEK
            .DEVELOPER_ID
            .eq(dev)
            .and(USAGE_WEEK.TOOL_KEY.eq(tool))
            .and(USAGE_WEEK.WEEK_START.eq(week));
    var p = IMPORT_PRIOR_USAGE_WEEK;
    db.insertInto(
            p,
            p.BATCH_ID,
            p.DEVELOPER_ID,
            p.TOOL_KEY,
            p.WEEK_START,
            p.EXISTED,
            p.SOURCE,
            p.ACTIVE_DAYS,
            p.INTERACTIONS,
            p.ACCEPTED_LINES,
            p.AGENT_DAYS,
            p.PRIOR_BATCH_ID)
        .select(
            select(
                    inline(batchId),
                    dev,
                    tool,
                    week,
                    inline(true),
                    USAGE_WEEK.SOURCE,
                    USAGE_WEEK.ACTIVE_DAYS,
                    USAGE_WEEK.INTERACTIONS,
                    USAGE_WEEK.ACCEPTED_LINES,
                    USAGE_WEEK.AGENT_DAYS,
                    USAGE_WEEK.BATCH_ID)
                .from(r)
                .join(USAGE_WEEK)
                .on(sameKey)
                .where(USAGE_WEEK.BATCH_ID.isDistinctFrom(inline(batchId)))
                .andNotExists(
                    selectOne()
                        .from(p)
                        .where(p.BATCH_ID.eq(batchId))
                        .and(p.DEVELOPER_ID.eq(dev))
                        .and(p.TOOL_KEY.eq(tool))
                        .and(p.WEEK_START.eq(week))))
        .execute();
    db.mergeInto(USAGE_WEEK)
        .using(r)
        .on(sameKey)
        .whenMatchedThenUpdate()
        .set(USAGE_WEEK.SOURCE, inline(source))
        .set(USAGE_WEEK.ACTIVE_DAYS, days)
        .set(USAGE_WEEK.INTERACTIONS, inter)
        .set(USAGE_WEEK.ACCEPTED_LINES, lines)
        .set(USAGE_WEEK.AGENT_DAYS, agentDays)
        .set(USAGE_WEEK.BATCH_ID, inline(batchId))
        .whenNotMatchedThenInsert(
            USAGE_WEEK.DEVELOPER_ID,
            USAGE_WEEK.TOOL_KEY,
            USAGE_WEEK.WEEK_START,
            USAGE_WEEK.SOURCE,
            USAGE_WEEK.ACTIVE_DAYS,
            USAGE_WEEK.INTERACTIONS,
            USAGE_WEEK.ACCEPTED_LINES,
            USAGE_WEEK.AGENT_DAYS,
            USAGE_WEEK.BATCH_ID)
        .values(dev, tool, week, inline(source), days, inter, lines, agentDays, inline(batchId))
        .execute();
  }

  /** Changes: merged per developer, week and attribution (one line per key in a file). */
  void applyChanges(long batchId, String identitySource) {
    Table<?> a =
        select(
                developer().as("developer_id"),
                S.WEEK_START.as("week_start"),
                S.TOOL_KEY.as("attribution"),
                S.CHANGES.as("changes"))
            .from(S)
            .where(S.BATCH_ID.eq(batchId))
            .and(resolves())
            .asTable("a");
    Field<Long> dev = a.field("developer_id", Long.class);
    Field<LocalDate> week = a.field("week_start", LocalDate.class);
    Field<String> attribution = a.field("attribution", String.class);
    Field<Integer> changes = a.field("changes", Integer.class);
    Condition sameKey =
        CHANGE_COUNT
            .DEVELOPER_ID
            .eq(dev)
            .and(CHANGE_COUNT.WEEK_START.eq(week))
            .and(CHANGE_COUNT.ATTRIBUTION.eq(attribution));
    var p = IMPORT_PRIOR_CHANGE_COUNT;
    db.insertInto(
            p,
            p.BATCH_ID,
            p.DEVELOPER_ID,
            p.WEEK_START,
            p.ATTRIBUTION,
            p.EXISTED,
            p.CHANGES,
            p.PRIOR_BATCH_ID)
        .select(
            select(
                    inline(batchId),
                    dev,
                    week,
                    attribution,
                    inline(true),
                    CHANGE_COUNT.CHANGES,
                    CHANGE_COUNT.BATCH_ID)
                .from(a)
                .join(CHANGE_COUNT)
                .on(sameKey)
                .where(CHANGE_COUNT.BATCH_ID.isDistinctFrom(inline(batchId)))
                .andNotExists(
                    selectOne()
                        .from(p)
                        .where(p.BATCH_ID.eq(batchId))
                        .and(p.DEVELOPER_ID.eq(dev))
                        .and(p.WEEK_START.eq(week))
                        .and(p.ATTRIBUTION.eq(attribution))))
        .execute();
    db.mergeInto(CHANGE_COUNT)
        .using(a)
        .on(sameKey)
        .whenMatchedThenUpdate()
        .set(CHANGE_COUNT.CHANGES, changes)
        .set(CHANGE_COUNT.BATCH_ID, inline(batchId))
        .whenNotMatchedThenInsert(
            CHANGE_COUNT.DEVELOPER_ID,
            CHANGE_COUNT.WEEK_START,
            CHANGE_COUNT.ATTRIBUTION,
            CHANGE_COUNT.CHANGES,
            CHANGE_COUNT.BATCH_ID)
        .values(dev, week, attribution, changes, inline(batchId))
        .execute();
  }

  /** Batches holding rows that the roster or identity map now resolves, with their source. */
  record HeldBatch(long batchId, String source) {}

  List<HeldBatch> batchesWithResolvableHeldRows() {
    return db.selectDistinct(UNMATCHED_ROW.BATCH_ID, UNMATCHED_ROW.SOURCE)
        .from(UNMATCHED_ROW)
        .where(
            DSL.exists(
                    selectOne()
                        .from(IDENTITY_MAP)
                        .where(IDENTITY_MAP.SOURCE.eq(UNMATCHED_ROW.SOURCE))
                        .and(IDENTITY_MAP.EXTERNAL_ID.eq(UNMATCHED_ROW.EXTERNAL_ID)))
                .or(
                    DSL.exists(
                        selectOne()
                            .from(DEVELOPER)
                            .where(DEVELOPER.EMAIL.eq(DSL.lower(UNMATCHED_ROW.EXTERNAL_ID))))))
        .orderBy(UNMATCHED_ROW.BATCH_ID)
        .fetch(r -> new HeldBatch(r.value1(), r.value2()));
  }
}

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
import java.time.LocalDate;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import org.jooq.BatchBindStep;
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

  StagingRepository(DSLContext db) {
    this.db = db;
  }

  /** One JDBC batch for many rows. */
  void stage(long batchId, List<? extends ParsedRow> rows) {
    if (rows.isEmpty()) {
      return;
    }
    BatchBindStep batch =
        db.batch(
            db.insertInto(
                    S,
                    S.BATCH_ID,
                    S.LINE_NO,
                    S.ROW_KIND,
                    S.EXTERNAL_ID,
                    S.DISCRIMINATOR,
                    S.TOOL_KEY,
                    S.USAGE_DATE,
                    S.WEEK_START,
                    S.WEEK_END,
                    S.ACTIVE,
                    S.ACTIVE_DAYS,
                    S.INTERACTIONS,
                    S.ACCEPTED_LINES,
                    S.CHANGES)
                .values(Collections.nCopies(14, null)));
    for (ParsedRow row : rows) {
      if (row instanceof ParsedRow.Usage u) {
        batch.bind(
            batchId,
            u.line(),
            u.day() == null ? "usage-week" : "usage-day",
            u.identity(),
            u.discriminator(),
            u.tool(),
            u.day(),
            u.weekStart(),
            u.weekStart().plusDays(7),
            u.active(),
            u.activeDays(),
            u.interactions(),
            u.acceptedLines(),
            null);
      } else if (row instanceof ParsedRow.Change c) {
        batch.bind(
            batchId,
            c.line(),
            "changes",
            c.email(),
            "",
            c.attribution(),
            null,
            c.weekStart(),
            c.weekStart().plusDays(7),
            null,
            null,
            null,
            null,
            c.changes());
      }
    }
    batch.execute();
  }

  /** A line repeating the key of an earlier line, and that earlier line. */
  record Duplicate(long line, long firstLine) {}

  List<Duplicate> duplicates(long batchId) {
    Field<Long> first =
        min(S.LINE_NO)
            .over()
            .partitionBy(S.EXTERNAL_ID, S.TOOL_KEY, S.USAGE_DATE, S.WEEK_START, S.DISCRIMINATOR)
            .as("first_line");
    Table<?> t = select(S.LINE_NO, first).from(S).where(S.BATCH_ID.eq(batchId)).asTable("d");
    Field<Long> line = t.field(S.LINE_NO.getName(), Long.class);
    Field<Long> firstLine = t.field("first_line", Long.class);
    return db.select(line, firstLine)
        .from(t)
        .where(line.gt(firstLine))
        .orderBy(line)
        .fetch(r -> new Duplicate(r.value1(), r.value2()));
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

  /** Resolves identities: a roster email first, then the identity map of {@code source}. */
  void resolve(long batchId, String source) {
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
  }

  /** Moves rows of unknown identities to {@code unmatched_row}; returns how many. */
  int holdUnmatched(long batchId, String source) {
    Condition unmatched = S.BATCH_ID.eq(batchId).and(S.DEVELOPER_ID.isNull());
    int held =
        db.insertInto(
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
                UNMATCHED_ROW.CHANGES)
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
                        S.CHANGES)
                    .from(S)
                    .where(unmatched))
            .execute();
    db.deleteFrom(S).where(unmatched).execute();
    return held;
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
            S.CHANGES)
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
                    UNMATCHED_ROW.CHANGES)
                .from(UNMATCHED_ROW)
                .where(UNMATCHED_ROW.BATCH_ID.eq(batchId)))
        .execute();
  }

  /** After {@link #stageHeld}: drops what still does not resolve, removes what will apply. */
  int releaseResolvedHeld(long batchId) {
    db.deleteFrom(S).where(S.BATCH_ID.eq(batchId)).and(S.DEVELOPER_ID.isNull()).execute();
    return db.deleteFrom(UNMATCHED_ROW)
        .where(UNMATCHED_ROW.BATCH_ID.eq(batchId))
        .and(UNMATCHED_ROW.ID.in(select(S.LINE_NO).from(S).where(S.BATCH_ID.eq(batchId))))
        .execute();
  }

  /** The weeks of the rows staged for a batch (null when none): what the rollup recomputes. */
  dev.tandem.rollup.WeekSpan weekSpan(long batchId) {
    var r =
        db.select(DSL.min(S.WEEK_START), DSL.max(S.WEEK_START))
            .from(S)
            .where(S.BATCH_ID.eq(batchId))
            .fetchOne();
    return dev.tandem.rollup.WeekSpan.between(r.value1(), r.value2());
  }

  void clear(long batchId) {
    db.deleteFrom(S).where(S.BATCH_ID.eq(batchId)).execute();
  }

  /** Daily rows: merged per developer, tool, day and source, then rolled up into their weeks. */
  void applyUsageDays(long batchId, String source) {
    Field<Integer> activeFlag = when(S.ACTIVE.isTrue(), inline(1)).otherwise(inline(0));
    Table<?> a =
        select(
                S.DEVELOPER_ID,
                S.TOOL_KEY,
                S.USAGE_DATE,
                max(activeFlag).as("act"),
                sum(S.INTERACTIONS).cast(SQLDataType.BIGINT).as("inter"),
                sum(S.ACCEPTED_LINES).cast(SQLDataType.BIGINT).as("lines"))
            .from(S)
            .where(S.BATCH_ID.eq(batchId))
            .groupBy(S.DEVELOPER_ID, S.TOOL_KEY, S.USAGE_DATE)
            .asTable("a");
    Field<Long> dev = a.field(S.DEVELOPER_ID.getName(), Long.class);
    Field<String> tool = a.field(S.TOOL_KEY.getName(), String.class);
    Field<LocalDate> day = a.field(S.USAGE_DATE.getName(), LocalDate.class);
    Field<Boolean> active = field(a.field("act", Integer.class).eq(1));
    Field<Long> inter = a.field("inter", Long.class);
    Field<Long> lines = a.field("lines", Long.class);

    Condition sameKey =
        USAGE_DAY
            .DEVELOPER_ID
            .eq(dev)
            .and(USAGE_DAY.TOOL_KEY.eq(tool))
            .and(USAGE_DAY.USAGE_DATE.eq(day))
            .and(USAGE_DAY.SOURCE.eq(source));
    var p = IMPORT_PRIOR_USAGE_DAY;
    db.insertInto(
            p,
            p.BATCH_ID,
            p.DEVELOPER_ID,
            p.TOOL_KEY,
            p.USAGE_DATE,
            p.SOURCE,
            p.EXISTED,
            p.ACTIVE,
            p.INTERACTIONS,
            p.ACCEPTED_LINES,
            p.PRIOR_BATCH_ID)
        .select(
            select(
                    inline(batchId),
                    dev,
                    tool,
                    day,
                    inline(source),
                    field(USAGE_DAY.DEVELOPER_ID.isNotNull()),
                    USAGE_DAY.ACTIVE,
                    USAGE_DAY.INTERACTIONS,
                    USAGE_DAY.ACCEPTED_LINES,
                    USAGE_DAY.BATCH_ID)
                .from(a)
                .leftJoin(USAGE_DAY)
                .on(sameKey)
                .whereNotExists(
                    selectOne()
                        .from(p)
                        .where(p.BATCH_ID.eq(batchId))
                        .and(p.DEVELOPER_ID.eq(dev))
                        .and(p.TOOL_KEY.eq(tool))
                        .and(p.USAGE_DATE.eq(day))
                        .and(p.SOURCE.eq(source))))
        .execute();

    db.mergeInto(USAGE_DAY)
        .using(a)
        .on(sameKey)
        .whenMatchedThenUpdate()
        .set(USAGE_DAY.ACTIVE, active)
        .set(USAGE_DAY.INTERACTIONS, inter)
        .set(USAGE_DAY.ACCEPTED_LINES, lines)
        .set(USAGE_DAY.BATCH_ID, inline(batchId))
        .whenNotMatchedThenInsert(
            USAGE_DAY.DEVELOPER_ID,
            USAGE_DAY.TOOL_KEY,
            USAGE_DAY.USAGE_DATE,
            USAGE_DAY.SOURCE,
            USAGE_DAY.ACTIVE,
            USAGE_DAY.INTERACTIONS,
            USAGE_DAY.ACCEPTED_LINES,
            USAGE_DAY.BATCH_ID)
        .values(dev, tool, day, inline(source), active, inter, lines, inline(batchId))
        .execute();

    // The weeks these days fall in, rolled up from all of this source's days: the latest import
    // of the week wins over any other source.
    Table<?> k =
        selectDistinct(S.DEVELOPER_ID, S.TOOL_KEY, S.WEEK_START, S.WEEK_END)
            .from(S)
            .where(S.BATCH_ID.eq(batchId))
            .asTable("k");
    Field<Long> kDev = k.field(S.DEVELOPER_ID.getName(), Long.class);
    Field<String> kTool = k.field(S.TOOL_KEY.getName(), String.class);
    Field<LocalDate> kWeek = k.field(S.WEEK_START.getName(), LocalDate.class);
    Field<LocalDate> kEnd = k.field(S.WEEK_END.getName(), LocalDate.class);
    Table<?> r =
        select(
                kDev.as("developer_id"),
                kTool.as("tool_key"),
                kWeek.as("week_start"),
                sum(when(USAGE_DAY.ACTIVE.isTrue(), inline(1)).otherwise(inline(0)))
                    .cast(SQLDataType.SMALLINT)
                    .as("active_days"),
                sum(USAGE_DAY.INTERACTIONS).cast(SQLDataType.BIGINT).as("interactions"),
                sum(USAGE_DAY.ACCEPTED_LINES).cast(SQLDataType.BIGINT).as("accepted_lines"))
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

  /** Weekly rows (tandem-usage-csv): merged per developer, tool and week. */
  void applyUsageWeeks(long batchId, String source) {
    Table<?> r =
        select(
                S.DEVELOPER_ID.as("developer_id"),
                S.TOOL_KEY.as("tool_key"),
                S.WEEK_START.as("week_start"),
                max(S.ACTIVE_DAYS).as("active_days"),
                sum(S.INTERACTIONS).cast(SQLDataType.BIGINT).as("interactions"),
                sum(S.ACCEPTED_LINES).cast(SQLDataType.BIGINT).as("accepted_lines"))
            .from(S)
            .where(S.BATCH_ID.eq(batchId))
            .groupBy(S.DEVELOPER_ID, S.TOOL_KEY, S.WEEK_START)
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
            p.PRIOR_BATCH_ID)
        .select(
            select(
                    inline(batchId),
                    dev,
                    tool,
                    week,
                    field(USAGE_WEEK.DEVELOPER_ID.isNotNull()),
                    USAGE_WEEK.SOURCE,
                    USAGE_WEEK.ACTIVE_DAYS,
                    USAGE_WEEK.INTERACTIONS,
                    USAGE_WEEK.ACCEPTED_LINES,
                    USAGE_WEEK.BATCH_ID)
                .from(r)
                .leftJoin(USAGE_WEEK)
                .on(sameKey)
                .whereNotExists(
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
        .set(USAGE_WEEK.BATCH_ID, inline(batchId))
        .whenNotMatchedThenInsert(
            USAGE_WEEK.DEVELOPER_ID,
            USAGE_WEEK.TOOL_KEY,
            USAGE_WEEK.WEEK_START,
            USAGE_WEEK.SOURCE,
            USAGE_WEEK.ACTIVE_DAYS,
            USAGE_WEEK.INTERACTIONS,
            USAGE_WEEK.ACCEPTED_LINES,
            USAGE_WEEK.BATCH_ID)
        .values(dev, tool, week, inline(source), days, inter, lines, inline(batchId))
        .execute();
  }

  /** Changes: merged per developer, week and attribution. */
  void applyChanges(long batchId) {
    Table<?> a =
        select(
                S.DEVELOPER_ID.as("developer_id"),
                S.WEEK_START.as("week_start"),
                S.TOOL_KEY.as("attribution"),
                sum(S.CHANGES).cast(SQLDataType.INTEGER).as("changes"))
            .from(S)
            .where(S.BATCH_ID.eq(batchId))
            .groupBy(S.DEVELOPER_ID, S.WEEK_START, S.TOOL_KEY)
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
                    field(CHANGE_COUNT.DEVELOPER_ID.isNotNull()),
                    CHANGE_COUNT.CHANGES,
                    CHANGE_COUNT.BATCH_ID)
                .from(a)
                .leftJoin(CHANGE_COUNT)
                .on(sameKey)
                .whereNotExists(
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

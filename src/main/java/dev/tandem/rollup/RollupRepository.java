package dev.tandem.rollup;

import static dev.tandem.db.Tables.CHANGE_COUNT;
import static dev.tandem.db.Tables.ROLLUP_SCOPE_TOOL_WEEK;
import static dev.tandem.db.Tables.ROLLUP_SCOPE_WEEK;
import static dev.tandem.db.Tables.ROLLUP_TEAM_MONTH;
import static dev.tandem.db.Tables.ROLLUP_TEAM_TOOL_WEEK;
import static dev.tandem.db.Tables.ROLLUP_TEAM_WEEK;
import static dev.tandem.db.Tables.ROLLUP_WRITE;
import static dev.tandem.db.Tables.USAGE_WEEK;

import dev.tandem.base.IdSets;
import java.time.LocalDate;
import java.util.Collection;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.QueryPart;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;

/**
 * THE definition of the rollup (DESIGN §3.1, §3.3), used alike to maintain it and to rebuild it:
 * the slices of a span of weeks (and optionally of some teams) are deleted and recomputed set-based
 * from the base tables. A developer counts for their own team ({@code developer.team_id}).
 *
 * <ul>
 *   <li>{@code rollup_team_week}: headcount; AI users (in headcount, {@code active_days >= 1} for
 *       at least one tool); agent users (in headcount, {@code agent_days >= 1} for at least one
 *       tool; a source that cannot tell writes NULL, which counts for nothing); their intensity
 *       cohorts by active days summed over tools and capped at 7 (1 light, 2–3 moderate, 4+ heavy);
 *       active usage rows of developers not in headcount that week.
 *   <li>{@code rollup_team_tool_week}, per tool or attribution: users in headcount, developers with
 *       any active usage, changes of developers in headcount that week (changes outside employment
 *       or while excluded do not count, as for developer-weeks), developers with any changes, agent
 *       users in headcount, users in headcount whose data cannot tell agent use ({@code agent_days}
 *       NULL), and the changes left out (of developers not in headcount that week: a data-quality
 *       figure).
 *   <li>{@code rollup_scope_week} and {@code rollup_scope_tool_week}: the same figures summed over
 *       each scope (a team and every team below it; {@link #ORGANISATION} for all teams), so that a
 *       read of any scope is a few rows per week. Recomputed from the per-team tables for the
 *       scopes that hold the recomputed teams.
 * </ul>
 */
@Repository
public class RollupRepository {

  private static final org.slf4j.Logger log =
      org.slf4j.LoggerFactory.getLogger(RollupRepository.class);

  /** The scope id of the whole organisation in the subtree tables (team ids start at 1). */
  public static final long ORGANISATION = 0L;

  /**
   * Calendar months of weeks recomputed per statement where usage or changes exist (memory stays
   * bounded). Chunks end with a month, so that no month of the monthly table is recomputed twice.
   */
  static final int CHUNK_MONTHS = 3;

  /** Weeks of subtree totals rebuilt per statement ({@link RollupScopeRepository#rebuild}). */
  static final int SCOPE_CHUNK_WEEKS = 52;

  /** At most this many teams are recomputed in long chunks even where usage exists. */
  static final int FEW_TEAMS = 20;

  /**
   * Calendar months of weeks recomputed per statement where only headcount exists (one pass over
   * the roster).
   */
  static final int HEADCOUNT_CHUNK_MONTHS = 60;

  private final DSLContext db;
  private final RollupWeekRepository weeks;
  private final RollupMonthRepository months;
  private final RollupScopeRepository scopes;

  public RollupRepository(DSLContext db) {
    this.db = db;
    this.weeks = new RollupWeekRepository(db);
    this.months = new RollupMonthRepository(db);
    this.scopes = new RollupScopeRepository(db);
  }

  /** For the migration that builds the rollup of an existing database (and tests). */
  public static RollupRepository on(DSLContext db) {
    return new RollupRepository(db);
  }

  /**
   * Recomputes the span chunk by chunk; {@code teamIds} null means every team. Weeks with usage or
   * changes go {@link #CHUNK_MONTHS} months at a time; weeks before and after them hold only
   * headcount and go in long chunks, since each statement reads the roster once whatever its
   * length. A week belongs to the month of its Monday.
   */
  void recomputeInChunks(WeekSpan span, Collection<Long> teamIds) {
    recomputeInChunks(span, teamIds, false);
  }

  /**
   * {@code empty}: the rollup was emptied in this transaction (a rebuild), so nothing needs
   * deleting; deleting ranges of rows removed earlier in the same transaction walks over them
   * again.
   */
  private void recomputeInChunks(WeekSpan span, Collection<Long> teamIds, boolean empty) {
    LocalDate first =
        span.first().isBefore(WeekSpan.ALL.first()) ? WeekSpan.ALL.first() : span.first();
    LocalDate last = span.last();
    if (first.isAfter(last)) {
      return;
    }
    LocalDate dataFirst = firstDataWeek(first, last);
    if (dataFirst == null) {
      inChunks(first, last, HEADCOUNT_CHUNK_MONTHS, teamIds, empty);
      return;
    }
    LocalDate dataLast = lastDataWeek(first, last);
    if (first.isBefore(dataFirst)) {
      inChunks(first, dataFirst.minusWeeks(1), HEADCOUNT_CHUNK_MONTHS, teamIds, empty);
    }
    // A few teams' rows fit in memory for any span: one statement instead of a pass per chunk.
    int dataChunk =
        teamIds != null && teamIds.size() <= FEW_TEAMS ? HEADCOUNT_CHUNK_MONTHS : CHUNK_MONTHS;
    inChunks(dataFirst, dataLast, dataChunk, teamIds, empty);
    if (dataLast.isBefore(last)) {
      inChunks(dataLast.plusWeeks(1), last, HEADCOUNT_CHUNK_MONTHS, teamIds, empty);
    }
  }

  private void inChunks(
      LocalDate first, LocalDate last, int months, Collection<Long> teamIds, boolean empty) {
    for (WeekSpan chunk : chunks(first, last, months)) {
      recompute(chunk, teamIds, empty);
    }
  }

  /**
   * The weeks from Monday {@code first} to Monday {@code last} in chunks of {@code months} calendar
   * months (a week belongs to the month of its Monday): every chunk but the last ends with the last
   * week of a month, so consecutive chunks never share a month.
   */
  static java.util.List<WeekSpan> chunks(LocalDate first, LocalDate last, int months) {
    java.util.List<WeekSpan> chunks = new java.util.ArrayList<>();
    for (LocalDate from = first; !from.isAfter(last); ) {
      // The last Monday before the first day of the month after the chunk's months.
      LocalDate to =
          from.withDayOfMonth(1)
              .plusMonths(months)
              .minusDays(1)
              .with(
                  java.time.temporal.TemporalAdjusters.previousOrSame(java.time.DayOfWeek.MONDAY));
      chunks.add(new WeekSpan(from, to.isAfter(last) ? last : to));
      from = to.plusWeeks(1);
    }
    return chunks;
  }

  private LocalDate firstDataWeek(LocalDate first, LocalDate last) {
    LocalDate used =
        db.select(USAGE_WEEK.WEEK_START)
            .from(USAGE_WEEK)
            .where(USAGE_WEEK.WEEK_START.between(first, last))
            .orderBy(USAGE_WEEK.WEEK_START)
            .limit(1)
            .fetchOne(USAGE_WEEK.WEEK_START);
    LocalDate changed =
        db.select(CHANGE_COUNT.WEEK_START)
            .from(CHANGE_COUNT)
            .where(CHANGE_COUNT.WEEK_START.between(first, last))
            .orderBy(CHANGE_COUNT.WEEK_START)
            .limit(1)
            .fetchOne(CHANGE_COUNT.WEEK_START);
    return used == null ? changed : changed == null || used.isBefore(changed) ? used : changed;
  }

  private LocalDate lastDataWeek(LocalDate first, LocalDate last) {
    LocalDate used =
        db.select(USAGE_WEEK.WEEK_START)
            .from(USAGE_WEEK)
            .where(USAGE_WEEK.WEEK_START.between(first, last))
            .orderBy(USAGE_WEEK.WEEK_START.desc())
            .limit(1)
            .fetchOne(USAGE_WEEK.WEEK_START);
    LocalDate changed =
        db.select(CHANGE_COUNT.WEEK_START)
            .from(CHANGE_COUNT)
            .where(CHANGE_COUNT.WEEK_START.between(first, last))
            .orderBy(CHANGE_COUNT.WEEK_START.desc())
            .limit(1)
            .fetchOne(CHANGE_COUNT.WEEK_START);
    return used == null ? changed : changed == null || used.isAfter(changed) ? used : changed;
  }

  /**
   * Empties the rollup and builds it again up to {@code horizon} (the V12 migration, the rebuild
   * command).
   */
  public void rebuild(LocalDate horizon) {
    deleteAll();
    LocalDate first = new RollupQuery(db).earliestWeek();
    if (first != null && !first.isAfter(horizon)) {
      recomputeInChunks(new WeekSpan(first, horizon), null, true);
    }
  }

  /**
   * The V25 migration on a rollup built before the tool tables held the changes left out of
   * exposure: see {@link ChangesOutsideHeadcountRepository#takeOut}.
   */
  public void takeOutChangesOutsideHeadcount() {
    new ChangesOutsideHeadcountRepository(db).takeOut();
  }

  void deleteAll() {
    recordWrite(db);
    db.deleteFrom(ROLLUP_TEAM_WEEK).execute();
    db.deleteFrom(ROLLUP_TEAM_TOOL_WEEK).execute();
    db.deleteFrom(ROLLUP_SCOPE_WEEK).execute();
    db.deleteFrom(ROLLUP_SCOPE_TOOL_WEEK).execute();
    db.deleteFrom(ROLLUP_TEAM_MONTH).execute();
  }

  /**
   * Recomputes the slices of the span; {@code teamIds} null means every team. Returns the rows
   * written to the per-team tables.
   */
  public int recompute(WeekSpan span, Collection<Long> teamIds) {
    return recompute(span, teamIds, false);
  }

  private int recompute(WeekSpan span, Collection<Long> teamIds, boolean empty) {
    recordWrite(db);
    if (!empty) {
      weeks.deleteSlices(span, teamIds);
    }
    QueryPart[] parts = weeks.parts(span, teamIds);
    long start = System.nanoTime();
    int rows = weeks.teamWeeks(parts);
    long teamWeeks = System.nanoTime();
    rows += weeks.toolWeeks(parts);
    long toolWeeks = System.nanoTime();
    months.recompute(span, teamIds);
    long teamMonths = System.nanoTime();
    if (teamIds == null) {
      scopes.recompute(span, null, empty);
    } else {
      scopes.recomputeAbove(span, teamIds, empty);
    }
    log.debug(
        "Recomputed {} to {} ({}): team weeks {} ms, tool weeks {} ms, months {} ms, subtree"
            + " totals {} ms",
        span.first(),
        span.last(),
        teamIds == null ? "every team" : teamIds.size() + " teams",
        (teamWeeks - start) / 1_000_000,
        (toolWeeks - teamWeeks) / 1_000_000,
        (teamMonths - toolWeeks) / 1_000_000,
        (System.nanoTime() - teamMonths) / 1_000_000);
    return rows;
  }

  /**
   * Builds the monthly rollup of an existing database up to {@code horizon} (V39), a year of months
   * at a time.
   */
  public void rebuildMonths(LocalDate horizon) {
    months.rebuild(horizon);
  }

  /** Rows of {@code table} in the span's weeks, of the given ids (null: every id). */
  static void deleteRange(
      DSLContext db,
      org.jooq.Table<?> table,
      Field<LocalDate> week,
      Field<Long> id,
      WeekSpan span,
      Collection<Long> ids) {
    db.deleteFrom(table)
        .where(week.between(span.first(), span.last()))
        .and(ids == null ? DSL.noCondition() : IdSets.in(id, ids))
        .execute();
  }

  /** Recomputes every scope's subtree totals from the per-team tables (the V17 migration). */
  public void rebuildScopes() {
    scopes.rebuild();
  }

  /**
   * Recomputes, over the span, the subtree totals of the given teams' scopes and of every scope
   * above them (after a team moved in the tree: its old and new parent).
   */
  public void recomputeScopesAbove(WeekSpan span, Collection<Long> teamIds) {
    scopes.recomputeAbove(span, teamIds, false);
  }

  /**
   * Notes a write of the rollup in the writing transaction ({@code rollup_write}): readers name the
   * rollup's state in their snapshot by the number of writes they see ({@link RollupQuery}'s
   * cache). An insert, not an update of one counter row, so concurrent writers never wait for each
   * other.
   */
  static void recordWrite(DSLContext db) {
    db.insertInto(ROLLUP_WRITE)
        .set(ROLLUP_WRITE.WRITTEN_AT, java.time.OffsetDateTime.now())
        .execute();
  }
}

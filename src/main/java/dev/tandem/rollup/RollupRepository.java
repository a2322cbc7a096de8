package dev.tandem.rollup;

import static dev.tandem.db.Tables.CHANGE_COUNT;
import static dev.tandem.db.Tables.ROLLUP_SCOPE_TOOL_WEEK;
import static dev.tandem.db.Tables.ROLLUP_SCOPE_WEEK;
import static dev.tandem.db.Tables.ROLLUP_TEAM_MONTH;
import static dev.tandem.db.Tables.ROLLUP_TEAM_TOOL_WEEK;
import static dev.tandem.db.Tables.ROLLUP_TEAM_WEEK;
import static dev.tandem.db.Tables.ROLLUP_WRITE;
import static dev.tandem.db.Tables.TEAM;
import static dev.tandem.db.Tables.USAGE_WEEK;

import dev.tandem.base.IdSets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jooq.Condition;
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

  private static final Field<LocalDate> MONDAY =
      DSL.field(DSL.name("w", "week_start"), LocalDate.class);
  private static final Field<LocalDate> SUNDAY =
      DSL.field(DSL.name("w", "week_end"), LocalDate.class);

  /**
   * DESIGN §3.1 headcount per team and week of the span {1}–{2} (Sunday of the last week {4}),
   * counted from events instead of joining every week to every developer: a developer (not
   * excluded) adds 1 from the week of {@code started_on} (clamped to the span's first week) and
   * takes it away from the week after the week of {@code left_on}; the running sum per team over
   * the weeks is the headcount, the same rule as {@link RollupQuery#inHeadcount}. Rows of every
   * team and week with 0 carry the sum through weeks without events. {3} limits developers, {5} the
   * teams.
   */
  private static final String HEADCOUNT =
      """
      SELECT team_id, week_start, headcount FROM (
        SELECT team_id, week_start,
            SUM(delta) OVER (PARTITION BY team_id ORDER BY week_start
                ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS headcount
        FROM (
          SELECT team_id, week_start, SUM(delta) AS delta FROM (
            SELECT developer.team_id,
                CASE WHEN developer.started_on < {1} THEN {1} ELSE s.week_start END AS week_start,
                1 AS delta
            FROM developer LEFT JOIN calendar_week s
              ON developer.started_on >= {1}
              AND s.week_start BETWEEN CAST(developer.started_on - INTERVAL '6' DAY AS DATE)
                  AND developer.started_on
            WHERE developer.excluded = FALSE AND developer.started_on <= {4}
              AND (developer.left_on IS NULL OR developer.left_on >= {1}) AND {3}
            UNION ALL
            SELECT developer.team_id, CAST(s.week_start + INTERVAL '7' DAY AS DATE), -1
            FROM developer LEFT JOIN calendar_week s
              ON s.week_start BETWEEN CAST(developer.left_on - INTERVAL '6' DAY AS DATE)
                  AND developer.left_on
            WHERE developer.excluded = FALSE AND developer.started_on <= {4}
              AND developer.left_on >= {1} AND developer.left_on < {2} AND {3}
            UNION ALL
            SELECT team.id, w.week_start, 0
            FROM team CROSS JOIN calendar_week w
            WHERE w.week_start BETWEEN {1} AND {2} AND {5}
          ) e
          GROUP BY team_id, week_start
        ) d
      ) h
      WHERE headcount > 0 AND week_start BETWEEN {1} AND {2}
      """;

  private static final String TEAM_WEEK =
      """
      INSERT INTO rollup_team_week (team_id, week_start, headcount, ai_users, light_users,
          moderate_users, heavy_users, usage_outside_headcount, agent_users)
      SELECT team_id, week_start, SUM(headcount), SUM(ai_users), SUM(light), SUM(moderate),
          SUM(heavy), SUM(outside), SUM(agent_users)
      FROM (
        SELECT team_id, week_start, headcount, 0 AS ai_users, 0 AS light, 0 AS moderate,
            0 AS heavy, 0 AS outside, 0 AS agent_users
        FROM ({6}) hc
        UNION ALL
        SELECT team_id, week_start, 0, in_headcount,
            CASE WHEN in_headcount = 1 AND days = 1 THEN 1 ELSE 0 END,
            CASE WHEN in_headcount = 1 AND days BETWEEN 2 AND 3 THEN 1 ELSE 0 END,
            CASE WHEN in_headcount = 1 AND days >= 4 THEN 1 ELSE 0 END,
            CASE WHEN in_headcount = 0 THEN tools ELSE 0 END,
            CASE WHEN in_headcount = 1 THEN agent ELSE 0 END
        FROM (
          SELECT developer.team_id, w.week_start, u.developer_id,
              MAX(CASE WHEN {0} THEN 1 ELSE 0 END) AS in_headcount,
              LEAST(SUM(u.active_days), 7) AS days, COUNT(*) AS tools,
              MAX(CASE WHEN u.agent_days >= 1 THEN 1 ELSE 0 END) AS agent
          FROM {7}
          LEFT JOIN calendar_week w ON w.week_start = u.week_start
          WHERE u.week_start BETWEEN {1} AND {2} AND {9}
            AND w.week_start IS NOT NULL AND {3}
          GROUP BY developer.team_id, w.week_start, u.developer_id
        ) p
      ) f
      GROUP BY team_id, week_start
      """;

  private static final String TEAM_TOOL_WEEK =
      """
      INSERT INTO rollup_team_tool_week (team_id, week_start, tool_key, users, usage_developers,
          changes, change_developers, agent_users, agent_unknown_users, changes_outside_headcount)
      SELECT team_id, week_start, tool_key, SUM(users), SUM(usage_developers), SUM(changes),
          SUM(change_developers), SUM(agent_users), SUM(agent_unknown_users), SUM(outside)
      FROM (
        SELECT developer.team_id, w.week_start, u.tool_key,
            CASE WHEN {0} THEN 1 ELSE 0 END AS users, 1 AS usage_developers,
            0 AS changes, 0 AS change_developers,
            CASE WHEN {0} AND u.agent_days >= 1 THEN 1 ELSE 0 END AS agent_users,
            CASE WHEN {0} AND u.agent_days IS NULL THEN 1 ELSE 0 END AS agent_unknown_users,
            0 AS outside
        FROM {7}
        LEFT JOIN calendar_week w ON w.week_start = u.week_start
        WHERE u.week_start BETWEEN {1} AND {2} AND {9}
          AND w.week_start IS NOT NULL AND {3}
        UNION ALL
        SELECT developer.team_id, c.week_start, c.attribution, 0, 0,
            CASE WHEN {0} THEN c.changes ELSE 0 END,
            CASE WHEN c.changes > 0 THEN 1 ELSE 0 END, 0, 0,
            CASE WHEN {0} THEN 0 ELSE c.changes END
        FROM {8}
        LEFT JOIN calendar_week w ON w.week_start = c.week_start
        WHERE c.week_start BETWEEN {1} AND {2} AND {3}
      ) f
      GROUP BY team_id, week_start, tool_key
      """;

  /**
   * Active developers per team, calendar month and tool, and their active weeks (V38): usage weeks
   * in which developers in headcount that week ({0}) used AI ({4}), the week's Monday in the month
   * ({9} is its first day); tool {@code '*'} counts a developer-week once over any tool. {1}–{2}
   * are whole months, {3} limits the developers, {7} joins usage to the roster.
   */
  private static final String TEAM_MONTH =
      """
      INSERT INTO rollup_team_month (team_id, month_start, tool_key, active_developers,
          active_weeks)
      SELECT team_id, month_start, tool_key, COUNT(DISTINCT developer_id), COUNT(*)
      FROM (
        SELECT developer.team_id, {9} AS month_start, u.tool_key, u.developer_id
        FROM {7}
        LEFT JOIN calendar_week w ON w.week_start = u.week_start
        WHERE u.week_start BETWEEN {1} AND {2} AND {4}
          AND w.week_start IS NOT NULL AND {0} AND {3}
      ) t
      GROUP BY team_id, month_start, tool_key
      UNION ALL
      SELECT team_id, month_start, '*', COUNT(DISTINCT developer_id), COUNT(*)
      FROM (
        SELECT DISTINCT developer.team_id, {9} AS month_start, u.developer_id, u.week_start
        FROM {7}
        LEFT JOIN calendar_week w ON w.week_start = u.week_start
        WHERE u.week_start BETWEEN {1} AND {2} AND {4}
          AND w.week_start IS NOT NULL AND {0} AND {3}
      ) d
      GROUP BY team_id, month_start
      """;

  /**
   * Each team with every scope that holds it: itself, each team above it, and the organisation
   * ({@link #ORGANISATION}); the subtree totals join it to the per-team tables. The joins to it are
   * written {@code LEFT JOIN} (the WHERE keeps only matched rows) because H2 keeps the order of
   * outer joins: the small team tree drives the per-team tables' primary keys, instead of the tree
   * being evaluated again for every per-team row.
   */
  private static final String SCOPES_OF_TEAMS =
      """
      WITH RECURSIVE tree (team_id, scope_id) AS (
        SELECT id, id FROM team
        UNION ALL
        SELECT tree.team_id, t.parent_id FROM tree JOIN team t ON t.id = tree.scope_id
        WHERE t.parent_id IS NOT NULL
      )
      """;

  private static final String SCOPE_WEEK =
      "INSERT INTO rollup_scope_week (scope_id, week_start, headcount, ai_users, light_users,"
          + " moderate_users, heavy_users, usage_outside_headcount, agent_users) "
          + SCOPES_OF_TEAMS
          + """
          SELECT c.scope_id, r.week_start, SUM(r.headcount), SUM(r.ai_users), SUM(r.light_users),
              SUM(r.moderate_users), SUM(r.heavy_users), SUM(r.usage_outside_headcount),
              SUM(r.agent_users)
          FROM (SELECT team_id, scope_id FROM tree UNION ALL SELECT id, 0 FROM team) c
          LEFT JOIN rollup_team_week r ON r.team_id = c.team_id
          WHERE r.week_start BETWEEN {0} AND {1} AND {2}
          GROUP BY c.scope_id, r.week_start
          """;

  private static final String SCOPE_TOOL_WEEK =
      "INSERT INTO rollup_scope_tool_week (scope_id, week_start, tool_key, users,"
          + " usage_developers, changes, change_developers, agent_users, agent_unknown_users,"
          + " changes_outside_headcount) "
          + SCOPES_OF_TEAMS
          + """
          SELECT c.scope_id, r.week_start, r.tool_key, SUM(r.users), SUM(r.usage_developers),
              SUM(r.changes), SUM(r.change_developers), SUM(r.agent_users),
              SUM(r.agent_unknown_users), SUM(r.changes_outside_headcount)
          FROM (SELECT team_id, scope_id FROM tree UNION ALL SELECT id, 0 FROM team) c
          LEFT JOIN rollup_team_tool_week r ON r.team_id = c.team_id
          WHERE r.week_start BETWEEN {0} AND {1} AND {2}
          GROUP BY c.scope_id, r.week_start, r.tool_key
          """;

  /*
   * How usage ({7}) and changes ({8}) meet the roster. H2 keeps the order of outer joins, so the
   * joins are written LEFT (every row has its developer and, for weeks from 1970-01-05 on, its
   * calendar week; the WHERE drops the others as an inner join would): for every team the week
   * range of usage or changes drives the statement, for some teams their developers do. Left to
   * choose, H2 drove by every developer and read all their rows, whatever the weeks.
   */
  private static final QueryPart USAGE_BY_WEEK =
      DSL.sql("usage_week u LEFT JOIN developer ON developer.id = u.developer_id");
  private static final QueryPart USAGE_BY_DEVELOPER =
      DSL.sql("developer LEFT JOIN usage_week u ON u.developer_id = developer.id");
  private static final QueryPart CHANGES_BY_WEEK =
      DSL.sql("change_count c LEFT JOIN developer ON developer.id = c.developer_id");
  private static final QueryPart CHANGES_BY_DEVELOPER =
      DSL.sql("developer LEFT JOIN change_count c ON c.developer_id = developer.id");

  /** A scope's totals: its own team's rows ({0}; none for the organisation) and its children's. */
  private static final String SCOPE_WEEK_FROM_CHILDREN =
      """
      INSERT INTO rollup_scope_week (scope_id, week_start, headcount, ai_users, light_users,
          moderate_users, heavy_users, usage_outside_headcount, agent_users)
      SELECT {0}, week_start, SUM(headcount), SUM(ai_users), SUM(light_users),
          SUM(moderate_users), SUM(heavy_users), SUM(usage_outside_headcount), SUM(agent_users)
      FROM (
        SELECT week_start, headcount, ai_users, light_users, moderate_users, heavy_users,
            usage_outside_headcount, agent_users
        FROM rollup_team_week WHERE team_id = {0} AND week_start BETWEEN {1} AND {2}
        UNION ALL
        SELECT week_start, headcount, ai_users, light_users, moderate_users, heavy_users,
            usage_outside_headcount, agent_users
        FROM rollup_scope_week WHERE {3} AND week_start BETWEEN {1} AND {2}
      ) x
      GROUP BY week_start
      """;

  private static final String SCOPE_TOOL_WEEK_FROM_CHILDREN =
      """
      INSERT INTO rollup_scope_tool_week (scope_id, week_start, tool_key, users, usage_developers,
          changes, change_developers, agent_users, agent_unknown_users, changes_outside_headcount)
      SELECT {0}, week_start, tool_key, SUM(users), SUM(usage_developers), SUM(changes),
          SUM(change_developers), SUM(agent_users), SUM(agent_unknown_users),
          SUM(changes_outside_headcount)
      FROM (
        SELECT week_start, tool_key, users, usage_developers, changes, change_developers,
            agent_users, agent_unknown_users, changes_outside_headcount
        FROM rollup_team_tool_week WHERE team_id = {0} AND week_start BETWEEN {1} AND {2}
        UNION ALL
        SELECT week_start, tool_key, users, usage_developers, changes, change_developers,
            agent_users, agent_unknown_users, changes_outside_headcount
        FROM rollup_scope_tool_week WHERE {3} AND week_start BETWEEN {1} AND {2}
      ) x
      GROUP BY week_start, tool_key
      """;

  /** Weeks recomputed per statement where usage or changes exist (memory stays bounded). */
  static final int CHUNK_WEEKS = 13;

  /** At most this many teams are recomputed in long chunks even where usage exists. */
  static final int FEW_TEAMS = 20;

  /** Weeks recomputed per statement where only headcount exists (one pass over the roster). */
  static final int HEADCOUNT_CHUNK_WEEKS = 260;

  private final DSLContext db;

  public RollupRepository(DSLContext db) {
    this.db = db;
  }

  /** For the migration that builds the rollup of an existing database (and tests). */
  public static RollupRepository on(DSLContext db) {
    return new RollupRepository(db);
  }

  /**
   * Recomputes the span chunk by chunk; {@code teamIds} null means every team. Weeks with usage or
   * changes go {@link #CHUNK_WEEKS} at a time; weeks before and after them hold only headcount and
   * go in long chunks, since each statement reads the roster once whatever its length.
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
      inChunks(first, last, HEADCOUNT_CHUNK_WEEKS, teamIds, empty);
      return;
    }
    LocalDate dataLast = lastDataWeek(first, last);
    if (first.isBefore(dataFirst)) {
      inChunks(first, dataFirst.minusWeeks(1), HEADCOUNT_CHUNK_WEEKS, teamIds, empty);
    }
    // A few teams' rows fit in memory for any span: one statement instead of a pass per chunk.
    int dataChunk =
        teamIds != null && teamIds.size() <= FEW_TEAMS ? HEADCOUNT_CHUNK_WEEKS : CHUNK_WEEKS;
    inChunks(dataFirst, dataLast, dataChunk, teamIds, empty);
    if (dataLast.isBefore(last)) {
      inChunks(dataLast.plusWeeks(1), last, HEADCOUNT_CHUNK_WEEKS, teamIds, empty);
    }
  }

  private void inChunks(
      LocalDate first, LocalDate last, int weeks, Collection<Long> teamIds, boolean empty) {
    for (LocalDate from = first; !from.isAfter(last); from = from.plusWeeks(weeks)) {
      LocalDate to = from.plusWeeks(weeks - 1L);
      recompute(new WeekSpan(from, to.isAfter(last) ? last : to), teamIds, empty);
    }
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
   * exposure (and, coming from before V23, when every change counted), without recomputing every
   * team (a rebuild takes minutes at 20,000 developers). One pass over the changes finds the team,
   * week and attribution slices holding changes of developers out of headcount that week (the rule
   * of {@link #recompute}), with the changes that count there and those left out; those per-team
   * rows are set to both figures, and the subtree rows above them lose the changes that no longer
   * count and get the sum of those left out. Slices beyond the rollup's weeks are skipped, as the
   * rollup leaves them out. Idempotent: run again, it writes the same figures.
   */
  public void takeOutChangesOutsideHeadcount() {
    Field<Long> team = DSL.field(DSL.name("developer", "team_id"), Long.class);
    Field<LocalDate> week = DSL.field(DSL.name("c", "week_start"), LocalDate.class);
    Field<String> attribution = DSL.field(DSL.name("c", "attribution"), String.class);
    Field<Integer> changes = DSL.field(DSL.name("c", "changes"), Integer.class);
    Condition in = RollupQuery.inHeadcount(MONDAY, SUNDAY);
    var outside = DSL.sum(DSL.when(in, 0).otherwise(changes));
    var slices =
        db.select(team, week, attribution, DSL.sum(DSL.when(in, changes).otherwise(0)), outside)
            .from(DSL.table("{0}", CHANGES_BY_WEEK))
            .leftJoin(DSL.table(DSL.name("calendar_week")).as("w"))
            .on(MONDAY.eq(week))
            .where(MONDAY.isNotNull())
            .groupBy(team, week, attribution)
            .having(outside.gt(java.math.BigDecimal.ZERO))
            .fetch();
    if (slices.isEmpty()) {
      return;
    }
    var r = ROLLUP_TEAM_TOOL_WEEK;
    Map<List<Object>, Long> stored = new HashMap<>();
    db.select(r.TEAM_ID, r.WEEK_START, r.TOOL_KEY, r.CHANGES)
        .from(r)
        .where(r.TEAM_ID.in(new HashSet<>(slices.getValues(team))))
        .forEach(x -> stored.put(List.of(x.value1(), x.value2(), x.value3()), x.value4()));
    Map<Long, Long> parents = parents();
    Map<List<Object>, long[]> scopeFigures =
        new HashMap<>(); // {changes no longer counted, left out}
    // One prepared statement per table, bound once per slice: parsing a statement per slice costs
    // minutes at 20,000 developers.
    var teamRows =
        db.batch(
            db.update(r)
                .set(r.CHANGES, DSL.param("changes", Long.class))
                .set(r.CHANGES_OUTSIDE_HEADCOUNT, DSL.param("outside", Long.class))
                .where(r.TEAM_ID.eq(DSL.param("team", Long.class)))
                .and(r.WEEK_START.eq(DSL.param("week", LocalDate.class)))
                .and(r.TOOL_KEY.eq(DSL.param("tool", String.class))));
    int written = 0;
    for (var slice : slices) {
      Long old = stored.get(List.of(slice.value1(), slice.value2(), slice.value3()));
      if (old == null) {
        continue; // beyond the rollup's weeks
      }
      long counted = slice.value4().longValue();
      long left = slice.value5().longValue();
      teamRows = teamRows.bind(counted, left, slice.value1(), slice.value2(), slice.value3());
      written++;
      for (Long scope : scopesHolding(List.of(slice.value1()), parents)) {
        long[] f =
            scopeFigures.computeIfAbsent(
                List.of(scope, slice.value2(), slice.value3()), k -> new long[2]);
        f[0] += old - counted;
        f[1] += left;
      }
    }
    if (written == 0) {
      return;
    }
    recordWrite();
    teamRows.execute();
    var s = ROLLUP_SCOPE_TOOL_WEEK;
    var scopeRows =
        db.batch(
            db.update(s)
                .set(s.CHANGES, s.CHANGES.minus(DSL.param("difference", Long.class)))
                .set(s.CHANGES_OUTSIDE_HEADCOUNT, DSL.param("outside", Long.class))
                .where(s.SCOPE_ID.eq(DSL.param("scope", Long.class)))
                .and(s.WEEK_START.eq(DSL.param("week", LocalDate.class)))
                .and(s.TOOL_KEY.eq(DSL.param("tool", String.class))));
    for (var e : scopeFigures.entrySet()) {
      scopeRows =
          scopeRows.bind(
              e.getValue()[0],
              e.getValue()[1],
              e.getKey().get(0),
              e.getKey().get(1),
              e.getKey().get(2));
    }
    scopeRows.execute();
  }

  void deleteAll() {
    recordWrite();
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
    recordWrite();
    if (!empty) {
      deleteSlices(span, teamIds);
    }
    Condition teams =
        teamIds == null
            ? DSL.trueCondition()
            : IdSets.in(DSL.field(DSL.name("developer", "team_id"), Long.class), teamIds);
    Condition teamRows = teamIds == null ? DSL.trueCondition() : IdSets.in(TEAM.ID, teamIds);
    // {9}: DESIGN §3.1 "used AI", the one definition (RollupQuery.usedAi) on the usage alias u.
    QueryPart[] parts = {
      RollupQuery.inHeadcount(MONDAY, SUNDAY),
      DSL.val(span.first()),
      DSL.val(span.last()),
      teams,
      DSL.val(span.last().plusDays(6)),
      teamRows,
      null,
      teamIds == null ? USAGE_BY_WEEK : USAGE_BY_DEVELOPER,
      teamIds == null ? CHANGES_BY_WEEK : CHANGES_BY_DEVELOPER,
      RollupQuery.usedAi(DSL.field(DSL.name("u", "active_days"), Short.class))
    };
    parts[6] = DSL.sql(HEADCOUNT, parts);
    long start = System.nanoTime();
    int rows = db.execute(TEAM_WEEK, parts);
    long teamWeeks = System.nanoTime();
    rows += db.execute(TEAM_TOOL_WEEK, parts);
    recomputeMonths(span, teamIds);
    long toolWeeks = System.nanoTime();
    if (teamIds == null) {
      recomputeScopes(span, null, empty);
    } else {
      recomputeScopesAbove(span, teamIds, empty);
    }
    log.debug(
        "Recomputed {} to {} ({}): team weeks {} ms, tool weeks {} ms, subtree totals {} ms",
        span.first(),
        span.last(),
        teamIds == null ? "every team" : teamIds.size() + " teams",
        (teamWeeks - start) / 1_000_000,
        (toolWeeks - teamWeeks) / 1_000_000,
        (System.nanoTime() - toolWeeks) / 1_000_000);
    return rows;
  }

  /**
   * The monthly rows of every calendar month holding a week of the span, recomputed whole (a month
   * is counted from all its weeks, also those outside the span): chunks of a longer span that share
   * a month compute it again, with the same result.
   */
  private void recomputeMonths(WeekSpan span, Collection<Long> teamIds) {
    LocalDate first = span.first().withDayOfMonth(1);
    LocalDate last = java.time.YearMonth.from(span.last()).atEndOfMonth();
    var m = ROLLUP_TEAM_MONTH;
    db.deleteFrom(m)
        .where(m.MONTH_START.between(first, last))
        .and(teamIds == null ? DSL.noCondition() : IdSets.in(m.TEAM_ID, teamIds))
        .execute();
    QueryPart[] parts = {
      RollupQuery.inHeadcount(MONDAY, SUNDAY),
      DSL.val(first),
      DSL.val(last),
      teamIds == null
          ? DSL.trueCondition()
          : IdSets.in(DSL.field(DSL.name("developer", "team_id"), Long.class), teamIds),
      RollupQuery.usedAi(DSL.field(DSL.name("u", "active_days"), Short.class)),
      null,
      null,
      teamIds == null ? USAGE_BY_WEEK : USAGE_BY_DEVELOPER,
      null,
      // Portable (H2 and PostgreSQL); jOOQ's trunc renders H2's date formatting functions.
      DSL.sql("CAST(DATE_TRUNC('MONTH', u.week_start) AS DATE)")
    };
    db.execute(TEAM_MONTH, parts);
  }

  /**
   * Builds the monthly rollup of an existing database up to {@code horizon} (V39), a year of months
   * at a time.
   */
  public void rebuildMonths(LocalDate horizon) {
    recordWrite();
    db.deleteFrom(ROLLUP_TEAM_MONTH).execute();
    LocalDate first = new RollupQuery(db).earliestWeek();
    for (LocalDate from = first;
        from != null && !from.isAfter(horizon);
        from = from.withDayOfMonth(1).plusYears(1)) {
      LocalDate to = from.withDayOfMonth(1).plusYears(1).minusDays(1);
      recomputeMonths(new WeekSpan(from, to.isAfter(horizon) ? horizon : to), null);
    }
  }

  private void deleteSlices(WeekSpan span, Collection<Long> teamIds) {
    deleteRange(
        ROLLUP_TEAM_WEEK, ROLLUP_TEAM_WEEK.WEEK_START, ROLLUP_TEAM_WEEK.TEAM_ID, span, teamIds);
    deleteRange(
        ROLLUP_TEAM_TOOL_WEEK,
        ROLLUP_TEAM_TOOL_WEEK.WEEK_START,
        ROLLUP_TEAM_TOOL_WEEK.TEAM_ID,
        span,
        teamIds);
  }

  /** Rows of {@code table} in the span's weeks, of the given ids (null: every id). */
  private void deleteRange(
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
    recordWrite();
    db.deleteFrom(ROLLUP_SCOPE_WEEK).execute();
    db.deleteFrom(ROLLUP_SCOPE_TOOL_WEEK).execute();
    LocalDate first =
        db.select(DSL.min(ROLLUP_TEAM_WEEK.WEEK_START)).from(ROLLUP_TEAM_WEEK).fetchOne().value1();
    LocalDate last =
        db.select(DSL.max(ROLLUP_TEAM_WEEK.WEEK_START)).from(ROLLUP_TEAM_WEEK).fetchOne().value1();
    if (first != null) {
      for (LocalDate from = first; !from.isAfter(last); from = from.plusWeeks(CHUNK_WEEKS * 4L)) {
        LocalDate to = from.plusWeeks(CHUNK_WEEKS * 4L - 1);
        recomputeScopes(new WeekSpan(from, to.isAfter(last) ? last : to), null, true);
      }
    }
  }

  /**
   * Recomputes, over the span, the subtree totals of the given teams' scopes and of every scope
   * above them (after a team moved in the tree: its old and new parent).
   */
  public void recomputeScopesAbove(WeekSpan span, Collection<Long> teamIds) {
    recomputeScopesAbove(span, teamIds, false);
  }

  /**
   * The subtree totals of the scopes holding the teams, bottom-up: each scope is its own team's
   * rows plus its direct children's totals (unchanged ones are already right, changed ones are
   * recomputed first), so a refresh of a few teams reads a few teams' and children's rows per week,
   * not every team's.
   */
  private void recomputeScopesAbove(WeekSpan span, Collection<Long> teamIds, boolean empty) {
    recordWrite();
    Map<Long, Long> parents = parents();
    Set<Long> scopeIds = scopesHolding(teamIds, parents);
    Map<Long, List<Long>> children = new HashMap<>();
    parents.forEach(
        (id, parent) ->
            children
                .computeIfAbsent(parent == null ? ORGANISATION : parent, k -> new ArrayList<>())
                .add(id));
    Map<Long, Integer> depth = new HashMap<>();
    depth.put(ORGANISATION, -1);
    for (Long id : scopeIds) {
      int d = 0;
      for (Long t = parents.get(id); t != null; t = parents.get(t)) {
        d++;
      }
      depth.putIfAbsent(id, d);
    }
    if (!empty) {
      deleteScopes(span, scopeIds);
    }
    scopeIds.stream()
        .sorted(Comparator.comparing((Long id) -> depth.get(id)).reversed())
        .forEach(id -> sumOwnAndChildren(span, id, children.getOrDefault(id, List.of())));
  }

  private void sumOwnAndChildren(WeekSpan span, long scope, List<Long> children) {
    QueryPart[] parts = {
      DSL.inline(scope),
      DSL.val(span.first()),
      DSL.val(span.last()),
      children.isEmpty()
          ? DSL.falseCondition()
          : IdSets.in(DSL.field(DSL.name("scope_id"), Long.class), children)
    };
    db.execute(SCOPE_WEEK_FROM_CHILDREN, parts);
    db.execute(SCOPE_TOOL_WEEK_FROM_CHILDREN, parts);
  }

  /**
   * The scopes whose totals hold these teams: each team and its ancestors, and the organisation.
   */
  private Set<Long> scopesHolding(Collection<Long> teamIds, Map<Long, Long> parents) {
    Set<Long> scopes = new HashSet<>();
    scopes.add(ORGANISATION);
    for (Long id : teamIds) {
      Long t = id;
      while (t != null && parents.containsKey(t) && scopes.add(t)) {
        t = parents.get(t);
      }
    }
    return scopes;
  }

  /** {@code scopeIds} null: every scope; {@code empty}: nothing to delete first. */
  private void recomputeScopes(WeekSpan span, Set<Long> scopeIds, boolean empty) {
    if (!empty) {
      deleteScopes(span, scopeIds);
    }
    QueryPart[] parts = {
      DSL.val(span.first()),
      DSL.val(span.last()),
      scopeIds == null
          ? DSL.trueCondition()
          : IdSets.in(DSL.field(DSL.name("c", "scope_id"), Long.class), scopeIds)
    };
    db.execute(SCOPE_WEEK, parts);
    db.execute(SCOPE_TOOL_WEEK, parts);
  }

  private void deleteScopes(WeekSpan span, Set<Long> scopeIds) {
    deleteRange(
        ROLLUP_SCOPE_WEEK,
        ROLLUP_SCOPE_WEEK.WEEK_START,
        ROLLUP_SCOPE_WEEK.SCOPE_ID,
        span,
        scopeIds);
    deleteRange(
        ROLLUP_SCOPE_TOOL_WEEK,
        ROLLUP_SCOPE_TOOL_WEEK.WEEK_START,
        ROLLUP_SCOPE_TOOL_WEEK.SCOPE_ID,
        span,
        scopeIds);
  }

  /**
   * Notes a write of the rollup in the writing transaction ({@code rollup_write}): readers name the
   * rollup's state in their snapshot by the number of writes they see ({@link RollupQuery}'s
   * cache). An insert, not an update of one counter row, so concurrent writers never wait for each
   * other.
   */
  private void recordWrite() {
    db.insertInto(ROLLUP_WRITE)
        .set(ROLLUP_WRITE.WRITTEN_AT, java.time.OffsetDateTime.now())
        .execute();
  }

  /** Each team's parent (null at the top). */
  private Map<Long, Long> parents() {
    Map<Long, Long> parent = new HashMap<>();
    db.select(TEAM.ID, TEAM.PARENT_ID).from(TEAM).forEach(r -> parent.put(r.value1(), r.value2()));
    return parent;
  }
}

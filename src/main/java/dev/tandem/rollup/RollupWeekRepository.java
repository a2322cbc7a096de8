package dev.tandem.rollup;

import static dev.tandem.db.Tables.ROLLUP_TEAM_TOOL_WEEK;
import static dev.tandem.db.Tables.ROLLUP_TEAM_WEEK;
import static dev.tandem.db.Tables.TEAM;

import dev.tandem.base.IdSets;
import java.time.LocalDate;
import java.util.Collection;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.QueryPart;
import org.jooq.impl.DSL;

/**
 * The per-team weekly tables of the rollup ({@code rollup_team_week}, {@code
 * rollup_team_tool_week}) as {@link RollupRepository} defines them: the statements that recompute a
 * span of weeks set-based from the base tables, and the deletion of the slices they replace.
 */
final class RollupWeekRepository {

  /** The calendar week {@code w} a statement joins: its Monday and Sunday. */
  static final Field<LocalDate> MONDAY = DSL.field(DSL.name("w", "week_start"), LocalDate.class);

  static final Field<LocalDate> SUNDAY = DSL.field(DSL.name("w", "week_end"), LocalDate.class);

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

  /*
   * The developers' rows ({@code p}) are summed per team and week before the union with the
   * headcount, so the union holds a few rows per team and week, not one per developer-week.
   */
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
        SELECT team_id, week_start, 0, SUM(in_headcount),
            SUM(CASE WHEN in_headcount = 1 AND days = 1 THEN 1 ELSE 0 END),
            SUM(CASE WHEN in_headcount = 1 AND days BETWEEN 2 AND 3 THEN 1 ELSE 0 END),
            SUM(CASE WHEN in_headcount = 1 AND days >= 4 THEN 1 ELSE 0 END),
            SUM(CASE WHEN in_headcount = 0 THEN tools ELSE 0 END),
            SUM(CASE WHEN in_headcount = 1 THEN agent ELSE 0 END)
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
        GROUP BY team_id, week_start
      ) f
      GROUP BY team_id, week_start
      """;

  /*
   * Each branch is grouped by team, week and tool before the union, so the union holds a few rows
   * per team and week rather than one per usage or change row; the outer sums add the branches'
   * sums.
   */
  private static final String TEAM_TOOL_WEEK =
      """
      INSERT INTO rollup_team_tool_week (team_id, week_start, tool_key, users, usage_developers,
          changes, change_developers, agent_users, agent_unknown_users, changes_outside_headcount)
      SELECT team_id, week_start, tool_key, SUM(users), SUM(usage_developers), SUM(changes),
          SUM(change_developers), SUM(agent_users), SUM(agent_unknown_users), SUM(outside)
      FROM (
        SELECT developer.team_id, w.week_start, u.tool_key,
            SUM(CASE WHEN {0} THEN 1 ELSE 0 END) AS users, COUNT(*) AS usage_developers,
            0 AS changes, 0 AS change_developers,
            SUM(CASE WHEN {0} AND u.agent_days >= 1 THEN 1 ELSE 0 END) AS agent_users,
            SUM(CASE WHEN {0} AND u.agent_days IS NULL THEN 1 ELSE 0 END) AS agent_unknown_users,
            0 AS outside
        FROM {7}
        LEFT JOIN calendar_week w ON w.week_start = u.week_start
        WHERE u.week_start BETWEEN {1} AND {2} AND {9}
          AND w.week_start IS NOT NULL AND {3}
        GROUP BY developer.team_id, w.week_start, u.tool_key
        UNION ALL
        SELECT developer.team_id, c.week_start, c.attribution, 0, 0,
            SUM(CASE WHEN {0} THEN c.changes ELSE 0 END),
            SUM(CASE WHEN c.changes > 0 THEN 1 ELSE 0 END), 0, 0,
            SUM(CASE WHEN {0} THEN 0 ELSE c.changes END)
        FROM {8}
        LEFT JOIN calendar_week w ON w.week_start = c.week_start
        WHERE c.week_start BETWEEN {1} AND {2} AND {3}
        GROUP BY developer.team_id, c.week_start, c.attribution
      ) f
      GROUP BY team_id, week_start, tool_key
      """;

  /*
   * How usage ({7}) and changes ({8}) meet the roster. H2 keeps the order of outer joins, so the
   * joins are written LEFT (every row has its developer and, for weeks from 1970-01-05 on, its
   * calendar week; the WHERE drops the others as an inner join would): for every team the week
   * range of usage or changes drives the statement, for some teams their developers do. Left to
   * choose, H2 drove by every developer and read all their rows, whatever the weeks.
   */
  static final QueryPart USAGE_BY_WEEK =
      DSL.sql("usage_week u LEFT JOIN developer ON developer.id = u.developer_id");
  static final QueryPart USAGE_BY_DEVELOPER =
      DSL.sql("developer LEFT JOIN usage_week u ON u.developer_id = developer.id");
  static final QueryPart CHANGES_BY_WEEK =
      DSL.sql("change_count c LEFT JOIN developer ON developer.id = c.developer_id");
  static final QueryPart CHANGES_BY_DEVELOPER =
      DSL.sql("developer LEFT JOIN change_count c ON c.developer_id = developer.id");

  private final DSLContext db;

  RollupWeekRepository(DSLContext db) {
    this.db = db;
  }

  /** The statements' parameters for the span and teams ({@code teamIds} null: every team). */
  QueryPart[] parts(WeekSpan span, Collection<Long> teamIds) {
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
    return parts;
  }

  /** Writes the {@code rollup_team_week} rows; returns how many. */
  int teamWeeks(QueryPart[] parts) {
    return db.execute(TEAM_WEEK, parts);
  }

  /** Writes the {@code rollup_team_tool_week} rows; returns how many. */
  int toolWeeks(QueryPart[] parts) {
    return db.execute(TEAM_TOOL_WEEK, parts);
  }

  void deleteSlices(WeekSpan span, Collection<Long> teamIds) {
    RollupRepository.deleteRange(
        db, ROLLUP_TEAM_WEEK, ROLLUP_TEAM_WEEK.WEEK_START, ROLLUP_TEAM_WEEK.TEAM_ID, span, teamIds);
    RollupRepository.deleteRange(
        db,
        ROLLUP_TEAM_TOOL_WEEK,
        ROLLUP_TEAM_TOOL_WEEK.WEEK_START,
        ROLLUP_TEAM_TOOL_WEEK.TEAM_ID,
        span,
        teamIds);
  }
}

package dev.tandem.rollup;

import static dev.tandem.db.Tables.ROLLUP_TEAM_TOOL_WEEK;
import static dev.tandem.db.Tables.ROLLUP_TEAM_WEEK;

import java.time.LocalDate;
import java.util.Collection;
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
 *       at least one tool); their intensity cohorts by active days summed over tools and capped at
 *       7 (1 light, 2–3 moderate, 4+ heavy); active usage rows of developers not in headcount that
 *       week.
 *   <li>{@code rollup_team_tool_week}, per tool or attribution: users in headcount, developers with
 *       any active usage, changes, developers with changes.
 * </ul>
 */
@Repository
public class RollupRepository {

  private static final Field<LocalDate> MONDAY =
      DSL.field(DSL.name("w", "week_start"), LocalDate.class);
  private static final Field<LocalDate> SUNDAY =
      DSL.field(DSL.name("w", "week_end"), LocalDate.class);

  private static final String TEAM_WEEK =
      """
      INSERT INTO rollup_team_week (team_id, week_start, headcount, ai_users, light_users,
          moderate_users, heavy_users, usage_outside_headcount)
      SELECT team_id, week_start, SUM(headcount), SUM(ai_users), SUM(light), SUM(moderate),
          SUM(heavy), SUM(outside)
      FROM (
        SELECT developer.team_id, w.week_start, 1 AS headcount, 0 AS ai_users, 0 AS light,
            0 AS moderate, 0 AS heavy, 0 AS outside
        FROM calendar_week w JOIN developer ON {0}
        WHERE w.week_start BETWEEN {1} AND {2} AND {3}
        UNION ALL
        SELECT team_id, week_start, 0, in_headcount,
            CASE WHEN in_headcount = 1 AND days = 1 THEN 1 ELSE 0 END,
            CASE WHEN in_headcount = 1 AND days BETWEEN 2 AND 3 THEN 1 ELSE 0 END,
            CASE WHEN in_headcount = 1 AND days >= 4 THEN 1 ELSE 0 END,
            CASE WHEN in_headcount = 0 THEN tools ELSE 0 END
        FROM (
          SELECT developer.team_id, w.week_start, u.developer_id,
              MAX(CASE WHEN {0} THEN 1 ELSE 0 END) AS in_headcount,
              LEAST(SUM(u.active_days), 7) AS days, COUNT(*) AS tools
          FROM calendar_week w
          JOIN usage_week u ON u.week_start = w.week_start
          JOIN developer ON developer.id = u.developer_id
          WHERE w.week_start BETWEEN {1} AND {2} AND u.active_days >= 1 AND {3}
          GROUP BY developer.team_id, w.week_start, u.developer_id
        ) p
      ) f
      GROUP BY team_id, week_start
      """;

  private static final String TEAM_TOOL_WEEK =
      """
      INSERT INTO rollup_team_tool_week (team_id, week_start, tool_key, users, usage_developers,
          changes, change_developers)
      SELECT team_id, week_start, tool_key, SUM(users), SUM(usage_developers), SUM(changes),
          SUM(change_developers)
      FROM (
        SELECT developer.team_id, w.week_start, u.tool_key,
            CASE WHEN {0} THEN 1 ELSE 0 END AS users, 1 AS usage_developers,
            0 AS changes, 0 AS change_developers
        FROM calendar_week w
        JOIN usage_week u ON u.week_start = w.week_start
        JOIN developer ON developer.id = u.developer_id
        WHERE w.week_start BETWEEN {1} AND {2} AND u.active_days >= 1 AND {3}
        UNION ALL
        SELECT developer.team_id, w.week_start, c.attribution, 0, 0, c.changes,
            CASE WHEN c.changes > 0 THEN 1 ELSE 0 END
        FROM calendar_week w
        JOIN change_count c ON c.week_start = w.week_start
        JOIN developer ON developer.id = c.developer_id
        WHERE w.week_start BETWEEN {1} AND {2} AND {3}
      ) f
      GROUP BY team_id, week_start, tool_key
      """;

  private final DSLContext db;

  RollupRepository(DSLContext db) {
    this.db = db;
  }

  /** For the V12 migration, which builds the rollup of an existing database once. */
  public static RollupRepository on(DSLContext db) {
    return new RollupRepository(db);
  }

  /** Weeks recomputed per statement, so that memory stays bounded whatever the span. */
  static final int CHUNK_WEEKS = 13;

  /** Recomputes the span chunk by chunk; {@code teamIds} null means every team. */
  void recomputeInChunks(WeekSpan span, Collection<Long> teamIds) {
    for (LocalDate from = span.first();
        !from.isAfter(span.last());
        from = from.plusWeeks(CHUNK_WEEKS)) {
      LocalDate to = from.plusWeeks(CHUNK_WEEKS - 1L);
      recompute(new WeekSpan(from, to.isAfter(span.last()) ? span.last() : to), teamIds);
    }
  }

  /**
   * Empties the rollup and builds it again up to {@code horizon} (the V12 migration, the rebuild
   * command).
   */
  public void rebuild(LocalDate horizon) {
    deleteAll();
    LocalDate first = new RollupQuery(db).earliestWeek();
    if (first != null && !first.isAfter(horizon)) {
      recomputeInChunks(new WeekSpan(first, horizon), null);
    }
  }

  void deleteAll() {
    db.deleteFrom(ROLLUP_TEAM_WEEK).execute();
    db.deleteFrom(ROLLUP_TEAM_TOOL_WEEK).execute();
  }

  /**
   * Recomputes the slices of the span; {@code teamIds} null means every team. Returns the rows
   * written.
   */
  public int recompute(WeekSpan span, Collection<Long> teamIds) {
    Condition teams =
        teamIds == null
            ? DSL.noCondition()
            : DSL.field(DSL.name("developer", "team_id"), Long.class).in(teamIds);
    Condition rollupTeams =
        teamIds == null ? DSL.noCondition() : ROLLUP_TEAM_WEEK.TEAM_ID.in(teamIds);
    Condition rollupToolTeams =
        teamIds == null ? DSL.noCondition() : ROLLUP_TEAM_TOOL_WEEK.TEAM_ID.in(teamIds);
    db.deleteFrom(ROLLUP_TEAM_WEEK)
        .where(ROLLUP_TEAM_WEEK.WEEK_START.between(span.first(), span.last()))
        .and(rollupTeams)
        .execute();
    db.deleteFrom(ROLLUP_TEAM_TOOL_WEEK)
        .where(ROLLUP_TEAM_TOOL_WEEK.WEEK_START.between(span.first(), span.last()))
        .and(rollupToolTeams)
        .execute();
    QueryPart[] parts = {
      RollupQuery.inHeadcount(MONDAY, SUNDAY),
      DSL.val(span.first()),
      DSL.val(span.last()),
      teams.equals(DSL.noCondition()) ? DSL.trueCondition() : teams
    };
    return db.execute(TEAM_WEEK, parts) + db.execute(TEAM_TOOL_WEEK, parts);
  }
}

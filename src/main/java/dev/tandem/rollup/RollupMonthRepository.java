package dev.tandem.rollup;

import static dev.tandem.db.Tables.ROLLUP_TEAM_MONTH;
import static dev.tandem.rollup.RollupWeekRepository.MONDAY;
import static dev.tandem.rollup.RollupWeekRepository.SUNDAY;
import static dev.tandem.rollup.RollupWeekRepository.USAGE_BY_DEVELOPER;
import static dev.tandem.rollup.RollupWeekRepository.USAGE_BY_WEEK;

import dev.tandem.base.IdSets;
import java.time.LocalDate;
import java.util.Collection;
import org.jooq.DSLContext;
import org.jooq.QueryPart;
import org.jooq.impl.DSL;

/**
 * The monthly table of the rollup ({@code rollup_team_month}, V38) as {@link RollupRepository}
 * defines it.
 */
final class RollupMonthRepository {

  /**
   * Active developers per team, calendar month and tool, and their active weeks (V38): usage weeks
   * in which developers in headcount that week ({0}) used AI ({4}), the week's Monday in the month
   * ({9} is its first day); tool {@code '*'} counts a developer-week once over any tool. {1}–{2}
   * are whole months, {3} limits the developers, {7} joins usage to the roster. Each developer's
   * weeks are counted first (a usage row is one developer, tool and week), so a team's month adds
   * one row per developer: active developers are those rows, active weeks their sum.
   */
  private static final String TEAM_MONTH =
      """
      INSERT INTO rollup_team_month (team_id, month_start, tool_key, active_developers,
          active_weeks)
      SELECT team_id, month_start, tool_key, COUNT(*), SUM(weeks)
      FROM (
        SELECT developer.team_id, {9} AS month_start, u.tool_key, u.developer_id,
            COUNT(*) AS weeks
        FROM {7}
        LEFT JOIN calendar_week w ON w.week_start = u.week_start
        WHERE u.week_start BETWEEN {1} AND {2} AND {4}
          AND w.week_start IS NOT NULL AND {0} AND {3}
        GROUP BY developer.team_id, {9}, u.tool_key, u.developer_id
      ) t
      GROUP BY team_id, month_start, tool_key
      UNION ALL
      SELECT team_id, month_start, '*', COUNT(*), SUM(weeks)
      FROM (
        SELECT developer.team_id, {9} AS month_start, u.developer_id,
            COUNT(DISTINCT u.week_start) AS weeks
        FROM {7}
        LEFT JOIN calendar_week w ON w.week_start = u.week_start
        WHERE u.week_start BETWEEN {1} AND {2} AND {4}
          AND w.week_start IS NOT NULL AND {0} AND {3}
        GROUP BY developer.team_id, {9}, u.developer_id
      ) d
      GROUP BY team_id, month_start
      """;

  private final DSLContext db;

  RollupMonthRepository(DSLContext db) {
    this.db = db;
  }

  /**
   * The monthly rows of every calendar month holding a week of the span, recomputed whole (a month
   * is counted from all its weeks, also those outside the span): chunks of a longer span that share
   * a month compute it again, with the same result.
   */
  void recompute(WeekSpan span, Collection<Long> teamIds) {
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
  void rebuild(LocalDate horizon) {
    RollupRepository.recordWrite(db);
    db.deleteFrom(ROLLUP_TEAM_MONTH).execute();
    LocalDate first = new RollupQuery(db).earliestWeek();
    for (LocalDate from = first;
        from != null && !from.isAfter(horizon);
        from = from.withDayOfMonth(1).plusYears(1)) {
      LocalDate to = from.withDayOfMonth(1).plusYears(1).minusDays(1);
      recompute(new WeekSpan(from, to.isAfter(horizon) ? horizon : to), null);
    }
  }
}

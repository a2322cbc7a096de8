package dev.tandem.rollup;

import static dev.tandem.db.Tables.ROLLUP_TEAM_MONTH;
import static dev.tandem.db.Tables.ROLLUP_TEAM_TOOL_WEEK;
import static dev.tandem.db.Tables.ROLLUP_TEAM_WEEK;
import static dev.tandem.rollup.RollupQuery.i;
import static dev.tandem.rollup.RollupQuery.l;
import static org.jooq.impl.DSL.max;
import static org.jooq.impl.DSL.sum;

import dev.tandem.base.IdSets;
import dev.tandem.base.WeekRange;
import dev.tandem.rollup.RollupQuery.TeamMonth;
import dev.tandem.rollup.RollupQuery.TeamToolTotal;
import dev.tandem.rollup.RollupQuery.TeamTotal;
import dev.tandem.rollup.RollupQuery.TeamWeek;
import dev.tandem.rollup.RollupQuery.ToolWeek;
import dev.tandem.rollup.RollupQuery.WeekTotals;
import java.util.List;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.impl.DSL;

/**
 * {@link RollupQuery}'s reads of the per-team tables ({@code rollup_team_week}, {@code
 * rollup_team_tool_week}, {@code rollup_team_month}) for the teams of a scope.
 */
final class TeamRollupQuery {

  private final DSLContext db;

  TeamRollupQuery(DSLContext db) {
    this.db = db;
  }

  /** The weeks of a set of teams, summed from the per-team table (the roster's own scopes). */
  public List<WeekTotals> weeks(WeekRange range, ScopeIds scope) {
    var r = ROLLUP_TEAM_WEEK;
    return db.select(
            r.WEEK_START,
            sum(r.HEADCOUNT),
            sum(r.AI_USERS),
            sum(r.LIGHT_USERS),
            sum(r.MODERATE_USERS),
            sum(r.HEAVY_USERS),
            sum(r.USAGE_OUTSIDE_HEADCOUNT),
            sum(r.AGENT_USERS))
        .from(r)
        .where(r.WEEK_START.between(range.from().monday(), range.to().monday()))
        .and(in(r.TEAM_ID, scope))
        .groupBy(r.WEEK_START)
        .orderBy(r.WEEK_START)
        .fetch(
            x ->
                new WeekTotals(
                    x.value1(),
                    i(x.value2()),
                    i(x.value3()),
                    i(x.value4()),
                    i(x.value5()),
                    i(x.value6()),
                    i(x.value7()),
                    i(x.value8())));
  }

  public List<TeamWeek> teamWeeks(WeekRange range, ScopeIds scope) {
    var r = ROLLUP_TEAM_WEEK;
    return db.select(r.WEEK_START, r.TEAM_ID, r.HEADCOUNT, r.AI_USERS, r.AGENT_USERS)
        .from(r)
        .where(r.WEEK_START.between(range.from().monday(), range.to().monday()))
        .and(in(r.TEAM_ID, scope))
        .fetch(x -> new TeamWeek(x.value1(), x.value2(), x.value3(), x.value4(), x.value5()));
  }

  public List<ToolWeek> tools(WeekRange range, ScopeIds scope) {
    var r = ROLLUP_TEAM_TOOL_WEEK;
    return db.select(
            r.WEEK_START,
            r.TOOL_KEY,
            sum(r.USERS),
            sum(r.USAGE_DEVELOPERS),
            sum(r.CHANGES),
            sum(r.CHANGE_DEVELOPERS),
            sum(r.AGENT_USERS),
            sum(r.AGENT_UNKNOWN_USERS))
        .from(r)
        .where(r.WEEK_START.between(range.from().monday(), range.to().monday()))
        .and(in(r.TEAM_ID, scope))
        .groupBy(r.WEEK_START, r.TOOL_KEY)
        .fetch(
            x ->
                new ToolWeek(
                    x.value1(),
                    x.value2(),
                    i(x.value3()),
                    i(x.value4()),
                    x.value5() == null ? 0 : x.value5().longValue(),
                    i(x.value6()),
                    i(x.value7()),
                    i(x.value8())));
  }

  /**
   * Per team (the developers' own teams, from the per-team table) the totals over the range: one
   * grouped read, teams rows.
   */
  public List<TeamTotal> teamTotals(WeekRange range, ScopeIds scope) {
    var r = ROLLUP_TEAM_WEEK;
    return db.select(r.TEAM_ID, sum(r.HEADCOUNT), sum(r.AI_USERS), max(r.HEADCOUNT))
        .from(r)
        .where(r.WEEK_START.between(range.from().monday(), range.to().monday()))
        .and(in(r.TEAM_ID, scope))
        .groupBy(r.TEAM_ID)
        .fetch(
            x ->
                new TeamTotal(
                    x.value1(), l(x.value2()), l(x.value3()), x.value4() == null ? 0 : x.value4()));
  }

  List<TeamToolTotal> teamToolTotals(WeekRange range, ScopeIds scope) {
    var r = ROLLUP_TEAM_TOOL_WEEK;
    return db
        .select(r.TEAM_ID, r.TOOL_KEY, sum(r.USERS), sum(r.CHANGES))
        .from(r)
        .where(r.WEEK_START.between(range.from().monday(), range.to().monday()))
        .and(in(r.TEAM_ID, scope))
        .groupBy(r.TEAM_ID, r.TOOL_KEY)
        .fetch(x -> new TeamToolTotal(x.value1(), x.value2(), l(x.value3()), l(x.value4())))
        .stream()
        .toList();
  }

  /** The monthly rollup (V38) of the scope's teams from month to month. */
  public List<TeamMonth> teamMonths(
      java.time.YearMonth from, java.time.YearMonth to, ScopeIds scope) {
    var m = ROLLUP_TEAM_MONTH;
    return db.select(m.TEAM_ID, m.MONTH_START, m.TOOL_KEY, m.ACTIVE_DEVELOPERS, m.ACTIVE_WEEKS)
        .from(m)
        .where(m.MONTH_START.between(from.atDay(1), to.atDay(1)))
        .and(in(m.TEAM_ID, scope))
        .fetch(
            x ->
                new TeamMonth(
                    x.value1(),
                    x.value2(),
                    "*".equals(x.value3()) ? null : x.value3(),
                    x.value4(),
                    x.value5()));
  }

  /** The rows of the scope's teams (every row for the organisation). */
  private static Condition in(Field<Long> teamId, ScopeIds scope) {
    return scope.organisation() ? DSL.noCondition() : IdSets.in(teamId, scope.teams());
  }
}

package dev.tandem.rollup;

import static dev.tandem.db.Tables.ROLLUP_SCOPE_TOOL_WEEK;
import static dev.tandem.db.Tables.ROLLUP_SCOPE_WEEK;
import static org.jooq.impl.DSL.sum;

import dev.tandem.base.IdSets;
import dev.tandem.base.WeekRange;
import dev.tandem.rollup.RollupQuery.TeamWeek;
import dev.tandem.rollup.RollupQuery.ToolWeek;
import dev.tandem.rollup.RollupQuery.WeekTotals;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Records;

/**
 * {@link RollupQuery}'s reads of the subtree totals ({@code rollup_scope_week}, {@code
 * rollup_scope_tool_week}): a few rows per week and scope.
 */
final class ScopeRollupQuery {

  private final DSLContext db;

  ScopeRollupQuery(DSLContext db) {
    this.db = db;
  }

  /** The weeks of a scope from the subtree totals: one row per week. */
  public List<WeekTotals> scopeWeeks(WeekRange range, ScopeIds scope) {
    var r = ROLLUP_SCOPE_WEEK;
    return db.select(
            r.WEEK_START,
            r.HEADCOUNT,
            r.AI_USERS,
            r.LIGHT_USERS,
            r.MODERATE_USERS,
            r.HEAVY_USERS,
            r.USAGE_OUTSIDE_HEADCOUNT,
            r.AGENT_USERS)
        .from(r)
        .where(of(scope, range, r.SCOPE_ID, r.WEEK_START))
        .orderBy(r.WEEK_START)
        .fetch(Records.mapping(WeekTotals::new));
  }

  /**
   * Headcount and AI users per week of each of the given scopes (each a team and the teams below
   * it), from the subtree totals: {@code teamId} of a row is the scope's top team.
   */
  public List<TeamWeek> scopesWeeks(WeekRange range, Collection<Long> scopeTeamIds) {
    var r = ROLLUP_SCOPE_WEEK;
    return db.select(r.WEEK_START, r.SCOPE_ID, r.HEADCOUNT, r.AI_USERS, r.AGENT_USERS)
        .from(r)
        .where(IdSets.in(r.SCOPE_ID, scopeTeamIds))
        .and(r.WEEK_START.between(range.from().monday(), range.to().monday()))
        .fetch(x -> new TeamWeek(x.value1(), x.value2(), x.value3(), x.value4(), x.value5()));
  }

  /** The tools of a scope per week from the subtree totals (see {@link RollupQuery#tools}). */
  public List<ToolWeek> scopeTools(WeekRange range, ScopeIds scope) {
    var r = ROLLUP_SCOPE_TOOL_WEEK;
    return db.select(
            r.WEEK_START,
            r.TOOL_KEY,
            r.USERS,
            r.USAGE_DEVELOPERS,
            r.CHANGES,
            r.CHANGE_DEVELOPERS,
            r.AGENT_USERS,
            r.AGENT_UNKNOWN_USERS)
        .from(r)
        .where(of(scope, range, r.SCOPE_ID, r.WEEK_START))
        .fetch(Records.mapping(ToolWeek::new));
  }

  /**
   * The subtree rows of one scope (the organisation's are {@link RollupRepository#ORGANISATION}'s)
   * in the range's weeks.
   */
  private static Condition of(
      ScopeIds scope, WeekRange range, Field<Long> scopeId, Field<LocalDate> weekStart) {
    return scopeId
        .eq(scope.organisation() ? RollupRepository.ORGANISATION : scope.top())
        .and(weekStart.between(range.from().monday(), range.to().monday()));
  }

  /**
   * Changes of the scope's developers in weeks of the range when they were not in headcount (before
   * {@code started_on}, after {@code left_on}, or while excluded): the rollup leaves them out of
   * change exposure, and this data-quality figure says how many. One sum over the scope's subtree
   * totals: a few rows per week.
   */
  public long changesOutsideHeadcount(WeekRange range, ScopeIds scope) {
    var r = ROLLUP_SCOPE_TOOL_WEEK;
    return RollupQuery.l(
        db.select(sum(r.CHANGES_OUTSIDE_HEADCOUNT))
            .from(r)
            .where(of(scope, range, r.SCOPE_ID, r.WEEK_START))
            .fetchOne()
            .value1());
  }
}

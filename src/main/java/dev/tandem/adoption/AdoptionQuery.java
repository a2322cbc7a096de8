package dev.tandem.adoption;

import static dev.tandem.db.Tables.DEVELOPER;
import static dev.tandem.db.Tables.TEAM;
import static dev.tandem.db.Tables.UNMATCHED_ROW;
import static dev.tandem.db.Tables.USAGE_WEEK;
import static org.jooq.impl.DSL.any;
import static org.jooq.impl.DSL.count;
import static org.jooq.impl.DSL.inline;
import static org.jooq.impl.DSL.max;
import static org.jooq.impl.DSL.select;

import dev.tandem.base.WeekRange;
import dev.tandem.rollup.RollupQuery;
import dev.tandem.rollup.ScopeIds;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.springframework.stereotype.Repository;

/**
 * The SQL behind DESIGN §3.1. Figures of a scope come from the rollup ({@link RollupQuery}), sized
 * teams × weeks; per-developer lists read the base tables, bounded by the scope, with grouped joins
 * rather than a subquery per developer.
 */
@Repository
class AdoptionQuery {

  private final DSLContext db;
  private final RollupQuery rollup;

  AdoptionQuery(DSLContext db, RollupQuery rollup) {
    this.db = db;
    this.rollup = rollup;
  }

  record TeamWeek(LocalDate monday, long teamId, int headcount, int aiUsers, int agentUsers) {}

  /**
   * A tool's users in headcount in one week, its agent users, and the users whose data cannot tell
   * agent use from other use.
   */
  record ToolWeek(
      LocalDate monday, String tool, int users, int agentUsers, int agentUnknownUsers) {}

  record CohortWeek(LocalDate monday, int light, int moderate, int heavy) {}

  record Inactive(long id, String name, String email, String teamKey, LocalDate lastAiWeek) {}

  /** One page of developers without AI use, and how many there are in all. */
  record InactivePage(List<Inactive> rows, int total) {}

  /** Headcount and AI users per week of the whole scope (teamId -1). */
  List<TeamWeek> headcountAndAiUsers(WeekRange range, ScopeIds scope) {
    return rollup.scopeWeeks(range, scope).stream()
        .map(w -> new TeamWeek(w.monday(), -1, w.headcount(), w.aiUsers(), w.agentUsers()))
        .toList();
  }

  /**
   * Headcount and AI users per week of each given team's scope (the team and the teams below it; a
   * developer counts once however many tools they used): {@code teamId} is the scope's top team.
   */
  List<TeamWeek> headcountAndAiUsersByScope(WeekRange range, Collection<Long> topTeamIds) {
    return rollup.scopesWeeks(range, topTeamIds).stream()
        .map(t -> new TeamWeek(t.monday(), t.teamId(), t.headcount(), t.aiUsers(), t.agentUsers()))
        .toList();
  }

  /**
   * Users of each tool per week among the developers in headcount (DESIGN §3.1 reach numerator).
   */
  List<ToolWeek> toolUsersByWeek(WeekRange range, ScopeIds scope) {
    return rollup.scopeTools(range, scope).stream()
        .filter(t -> t.users() > 0)
        .map(
            t ->
                new ToolWeek(
                    t.monday(), t.tool(), t.users(), t.agentUsers(), t.agentUnknownUsers()))
        .toList();
  }

  /**
   * AI user-weeks per intensity cohort: active days summed over tools, capped at 7; 1 light, 2–3
   * moderate, 4+ heavy.
   */
  List<CohortWeek> cohortsByWeek(WeekRange range, ScopeIds scope) {
    return rollup.scopeWeeks(range, scope).stream()
        .map(w -> new CohortWeek(w.monday(), w.light(), w.moderate(), w.heavy()))
        .toList();
  }

  /**
   * Developers in headcount in the last week of the range with no AI use in any week of the range,
   * ordered by team and name, one page of them, with their last week of AI use. Who they are is
   * decided once for the whole organisation ({@link #withoutAiUseIds}, kept under the rollup's
   * state); names, emails and teams are read for the scope's page from the roster as it is now.
   */
  InactivePage withoutAiUse(WeekRange range, ScopeIds scope, int offset, int limit) {
    LocalDate monday = range.to().monday();
    Long[] ids = withoutAiUseIds(range);
    if (ids.length == 0) {
      return new InactivePage(List.of(), 0);
    }
    Condition listed = DEVELOPER.ID.eq(any(ids)).and(RollupQuery.inScope(scope));
    Field<Integer> total = count().over().as("total");
    var records =
        db.select(DEVELOPER.ID, DEVELOPER.NAME, DEVELOPER.EMAIL, TEAM.TEAM_KEY, total)
            .from(DEVELOPER)
            .join(TEAM)
            .on(TEAM.ID.eq(DEVELOPER.TEAM_ID))
            .where(listed)
            .orderBy(TEAM.TEAM_KEY, DEVELOPER.NAME, DEVELOPER.ID)
            .offset(offset)
            .limit(limit)
            .fetch();
    if (records.isEmpty()) {
      return new InactivePage(List.of(), offset == 0 ? 0 : db.fetchCount(DEVELOPER, listed));
    }
    List<Long> page = records.map(r -> r.value1());
    Map<Long, LocalDate> lastAiWeek =
        db.select(USAGE_WEEK.DEVELOPER_ID, max(USAGE_WEEK.WEEK_START))
            .from(USAGE_WEEK)
            .where(USAGE_WEEK.DEVELOPER_ID.in(page))
            .and(RollupQuery.usedAi())
            .and(USAGE_WEEK.WEEK_START.le(monday))
            .groupBy(USAGE_WEEK.DEVELOPER_ID)
            .fetchMap(r -> r.value1(), r -> r.value2());
    return new InactivePage(
        records.map(
            r ->
                new Inactive(
                    r.value1(), r.value2(), r.value3(), r.value4(), lastAiWeek.get(r.value1()))),
        records.get(0).value5());
  }

  /**
   * The ids of every developer of the organisation in headcount in the range's last week with no AI
   * use in any week of the range, ascending. The one costly part of the list (the range's usage
   * rows of the whole organisation, read from the week index), it depends only on usage and
   * headcount, which every rollup write follows, so it is kept under the rollup's state.
   */
  private Long[] withoutAiUseIds(WeekRange range) {
    LocalDate monday = range.to().monday();
    return rollup.underState(
        List.of("without-ai-use", range),
        () ->
            db.select(DEVELOPER.ID)
                .from(DEVELOPER)
                .where(RollupQuery.inHeadcount(inline(monday), inline(range.to().sunday())))
                .and(
                    DEVELOPER.ID.notIn(
                        select(USAGE_WEEK.DEVELOPER_ID)
                            .from(USAGE_WEEK)
                            .where(
                                USAGE_WEEK.WEEK_START.between(
                                    inline(range.from().monday()), inline(monday)))
                            .and(RollupQuery.usedAi())))
                .orderBy(DEVELOPER.ID)
                .fetchArray(DEVELOPER.ID));
  }

  record OwnWeek(
      LocalDate monday,
      String tool,
      int activeDays,
      Long interactions,
      Long acceptedLines,
      Short agentDays) {}

  /** One developer's weekly usage per tool in the range. */
  List<OwnWeek> usageOf(long developerId, WeekRange range) {
    return db.select(
            USAGE_WEEK.WEEK_START,
            USAGE_WEEK.TOOL_KEY,
            USAGE_WEEK.ACTIVE_DAYS,
            USAGE_WEEK.INTERACTIONS,
            USAGE_WEEK.ACCEPTED_LINES,
            USAGE_WEEK.AGENT_DAYS)
        .from(USAGE_WEEK)
        .where(USAGE_WEEK.DEVELOPER_ID.eq(developerId))
        .and(USAGE_WEEK.WEEK_START.between(range.from().monday(), range.to().monday()))
        .orderBy(USAGE_WEEK.WEEK_START, USAGE_WEEK.TOOL_KEY)
        .fetch(
            r ->
                new OwnWeek(
                    r.value1(), r.value2(), r.value3(), r.value4(), r.value5(), r.value6()));
  }

  /**
   * Usage rows held as unmatched (identity not on the roster) whose day or week falls in the range.
   */
  int unmatchedUsageRows(WeekRange range) {
    LocalDate from = range.from().monday();
    LocalDate to = range.to().sunday();
    return db.fetchCount(
        UNMATCHED_ROW,
        UNMATCHED_ROW
            .ROW_KIND
            .in("usage-day", "usage-week")
            .and(
                UNMATCHED_ROW
                    .USAGE_DATE
                    .between(from, to)
                    .or(UNMATCHED_ROW.WEEK_START.between(from, to))));
  }

  /**
   * Active usage rows (developer, tool, week) of roster developers who were not in headcount that
   * week (before start, after leaving, excluded).
   */
  int usageOutsideHeadcount(WeekRange range, ScopeIds scope) {
    return rollup.scopeWeeks(range, scope).stream()
        .mapToInt(RollupQuery.WeekTotals::usageOutsideHeadcount)
        .sum();
  }
}

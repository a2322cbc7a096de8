package dev.tandem.adoption;

import static dev.tandem.db.Tables.DEVELOPER;
import static dev.tandem.db.Tables.TEAM;
import static dev.tandem.db.Tables.UNMATCHED_ROW;
import static dev.tandem.db.Tables.USAGE_WEEK;
import static org.jooq.impl.DSL.count;
import static org.jooq.impl.DSL.inline;
import static org.jooq.impl.DSL.max;
import static org.jooq.impl.DSL.select;

import dev.tandem.base.WeekRange;
import dev.tandem.rollup.RollupQuery;
import dev.tandem.rollup.Scope;
import java.time.LocalDate;
import java.util.ArrayList;
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

  record CohortWeek(LocalDate monday, String cohort, int userWeeks) {}

  record Inactive(long id, String name, String email, String teamKey, LocalDate lastAiWeek) {}

  /** One page of developers without AI use, and how many there are in all. */
  record InactivePage(List<Inactive> rows, int total) {}

  /** Headcount and AI users per week of the whole scope (teamId -1). */
  List<TeamWeek> headcountAndAiUsers(WeekRange range, Scope scope) {
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
  List<ToolWeek> toolUsersByWeek(WeekRange range, Scope scope) {
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
  List<CohortWeek> cohortsByWeek(WeekRange range, Scope scope) {
    List<CohortWeek> cohorts = new ArrayList<>();
    for (RollupQuery.WeekTotals w : rollup.scopeWeeks(range, scope)) {
      cohorts.add(new CohortWeek(w.monday(), "light", w.light()));
      cohorts.add(new CohortWeek(w.monday(), "moderate", w.moderate()));
      cohorts.add(new CohortWeek(w.monday(), "heavy", w.heavy()));
    }
    return cohorts;
  }

  /**
   * Developers in headcount in the last week of the range with no AI use in any week of the range,
   * ordered by team and name, one page of them, with their last week of AI use. The developers with
   * AI use come from the week index (a few weeks of rows, never a developer's whole history); the
   * last week of AI use is looked up only for the page.
   */
  InactivePage withoutAiUse(WeekRange range, Collection<Long> teamIds, int offset, int limit) {
    LocalDate monday = range.to().monday();
    Field<Integer> total = count().over().as("total");
    var records =
        db.select(DEVELOPER.ID, DEVELOPER.NAME, DEVELOPER.EMAIL, TEAM.TEAM_KEY, total)
            .from(DEVELOPER)
            .join(TEAM)
            .on(TEAM.ID.eq(DEVELOPER.TEAM_ID))
            .where(withoutAiUseIn(range, teamIds))
            .orderBy(TEAM.TEAM_KEY, DEVELOPER.NAME, DEVELOPER.ID)
            .offset(offset)
            .limit(limit)
            .fetch();
    if (records.isEmpty()) {
      return new InactivePage(List.of(), offset == 0 ? 0 : countWithoutAiUse(range, teamIds));
    }
    List<Long> ids = records.map(r -> r.value1());
    Map<Long, LocalDate> lastAiWeek =
        db.select(USAGE_WEEK.DEVELOPER_ID, max(USAGE_WEEK.WEEK_START))
            .from(USAGE_WEEK)
            .where(USAGE_WEEK.DEVELOPER_ID.in(ids))
            .and(USAGE_WEEK.ACTIVE_DAYS.ge((short) 1))
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

  /** How many developers {@link #withoutAiUse} lists in all (the total of an empty page). */
  int countWithoutAiUse(WeekRange range, Collection<Long> teamIds) {
    return db.fetchCount(DEVELOPER, withoutAiUseIn(range, teamIds));
  }

  private static Condition withoutAiUseIn(WeekRange range, Collection<Long> teamIds) {
    LocalDate monday = range.to().monday();
    return RollupQuery.inHeadcount(inline(monday), inline(range.to().sunday()))
        .and(RollupQuery.inScope(teamIds))
        .and(
            DEVELOPER.ID.notIn(
                select(USAGE_WEEK.DEVELOPER_ID)
                    .from(USAGE_WEEK)
                    .where(
                        USAGE_WEEK.WEEK_START.between(
                            inline(range.from().monday()), inline(monday)))
                    .and(USAGE_WEEK.ACTIVE_DAYS.ge(inline((short) 1)))));
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
  int usageOutsideHeadcount(WeekRange range, Scope scope) {
    return rollup.scopeWeeks(range, scope).stream()
        .mapToInt(RollupQuery.WeekTotals::usageOutsideHeadcount)
        .sum();
  }
}

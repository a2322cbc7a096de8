package dev.tandem.rollup;

import static dev.tandem.db.Tables.CHANGE_COUNT;
import static dev.tandem.db.Tables.DEVELOPER;
import static dev.tandem.db.Tables.ROLLUP_TEAM_WEEK;
import static dev.tandem.db.Tables.ROLLUP_WRITE;
import static dev.tandem.db.Tables.USAGE_WEEK;
import static org.jooq.impl.DSL.max;
import static org.jooq.impl.DSL.min;

import dev.tandem.base.IdSets;
import dev.tandem.base.WeekRange;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;

/**
 * Reads of the rollup for a scope ({@link ScopeIds}: the organisation, or a team and the teams
 * below it) and a range of weeks: a few rows per week, whatever the number of developers.
 */
@Repository
public class RollupQuery {

  /** One week of a scope: DESIGN §3.1 headcount, AI users and their cohorts, agent users. */
  public record WeekTotals(
      LocalDate monday,
      int headcount,
      int aiUsers,
      int light,
      int moderate,
      int heavy,
      int usageOutsideHeadcount,
      int agentUsers) {}

  /** One week of one team of the scope (headcount, AI and agent users), for tables of sub-teams. */
  public record TeamWeek(
      LocalDate monday, long teamId, int headcount, int aiUsers, int agentUsers) {}

  /**
   * One week of one tool or attribution ('none') in a scope: users in headcount, developers with
   * any active usage, changes, developers with changes, agent users in headcount, users whose data
   * cannot tell agent use from other use.
   */
  public record ToolWeek(
      LocalDate monday,
      String tool,
      int users,
      int usageDevelopers,
      long changes,
      int changeDevelopers,
      int agentUsers,
      int agentUnknownUsers) {}

  private final DSLContext db;
  private final ScopeRollupQuery scopes;
  private final TeamRollupQuery teams;
  private final RollupStateCache cache = new RollupStateCache(this::state);

  RollupQuery(DSLContext db) {
    this.db = db;
    this.scopes = new ScopeRollupQuery(db);
    this.teams = new TeamRollupQuery(db);
  }

  /** Outside Spring (tests on PostgreSQL). */
  public static RollupQuery on(DSLContext db) {
    return new RollupQuery(db);
  }

  /** The weeks of a scope from the subtree totals: one row per week. */
  public List<WeekTotals> scopeWeeks(WeekRange range, ScopeIds scope) {
    return scopes.scopeWeeks(range, scope);
  }

  /**
   * Headcount and AI users per week of each scope (a team and the teams below it), from the subtree
   * totals, kept under the rollup's state: {@code teamId} of a row is the scope's top team.
   */
  public List<TeamWeek> scopesWeeks(WeekRange range, Collection<Long> scopeTeamIds) {
    return underState(
        List.of("scopes-weeks", range, Set.copyOf(scopeTeamIds)),
        () -> List.copyOf(scopes.scopesWeeks(range, scopeTeamIds)));
  }

  /** The tools of a scope per week from the subtree totals (see {@link #tools}). */
  public List<ToolWeek> scopeTools(WeekRange range, ScopeIds scope) {
    return scopes.scopeTools(range, scope);
  }

  /** The weeks of a set of teams, summed from the per-team table (the roster's own scopes). */
  public List<WeekTotals> weeks(WeekRange range, ScopeIds scope) {
    return teams.weeks(range, scope);
  }

  public List<TeamWeek> teamWeeks(WeekRange range, ScopeIds scope) {
    return teams.teamWeeks(range, scope);
  }

  public List<ToolWeek> tools(WeekRange range, ScopeIds scope) {
    return teams.tools(range, scope);
  }

  /**
   * One team's totals over a range: developer-weeks in headcount, of them with any AI use, and its
   * largest weekly headcount (a lower bound of its distinct developers, for DESIGN §3.4).
   */
  public record TeamTotal(long teamId, long developerWeeks, long aiUserWeeks, int largestWeek) {}

  /**
   * One team's totals of one tool or attribution ('none') over a range: user-weeks in headcount and
   * changes.
   */
  public record TeamToolTotal(long teamId, String tool, long userWeeks, long changes) {}

  /**
   * Per team (the developers' own teams, from the per-team table) the totals over the range: one
   * grouped read of teams × weeks rows (tens of milliseconds for 400 teams and 104 weeks on H2),
   * kept under the rollup's state like {@link #teamToolTotals}.
   */
  public List<TeamTotal> teamTotals(WeekRange range, ScopeIds scope) {
    return underState(
        List.of("team-totals", range, scope), () -> List.copyOf(teams.teamTotals(range, scope)));
  }

  /**
   * Per team and tool (or 'none') the user-weeks and changes over the range: one grouped read of
   * teams × tools × weeks rows (hundreds of milliseconds for 400 teams and 104 weeks), so inside a
   * snapshot transaction the answer is kept under the rollup's state in that snapshot (see {@link
   * #state}) and read again only after a write.
   */
  public List<TeamToolTotal> teamToolTotals(WeekRange range, ScopeIds scope) {
    return underState(
        List.of("team-tool-totals", range, scope), () -> teams.teamToolTotals(range, scope));
  }

  /**
   * A read whose answer depends only on what the rollup's maintenance tracks (usage, changes,
   * incidents and the roster's headcount, teams and exclusions): inside a snapshot transaction it
   * is kept under the rollup's state in that snapshot (see {@link #state}) and {@code key}, and
   * read again only after a write; outside one it is read every time (two statements need not see
   * one state). {@code key} names the read and its arguments; the answer must not be changed.
   */
  public <T> T underState(List<Object> key, java.util.function.Supplier<T> read) {
    return cache.underState(key, read);
  }

  /**
   * The rollup's state as the current transaction's snapshot sees it: the number of writes it sees.
   * Writes only add rows to {@code rollup_write}, and a snapshot sees every transaction committed
   * before it, so two snapshots that see as many writes see the same rollup.
   */
  long state() {
    return db.fetchCount(ROLLUP_WRITE);
  }

  /**
   * Distinct developers of the scope with active usage of {@code tool} or changes attributed to it
   * in the range: the exact group size behind a tool's figures, read only when the rollup's bounds
   * cannot decide (DESIGN §3.4). Driven by the scope's developers through their usage and change
   * indexes.
   */
  public int developersOfTool(String tool, WeekRange range, ScopeIds teams) {
    LocalDate first = range.from().monday();
    LocalDate last = range.to().monday();
    Condition scope = inScope(teams);
    var usage =
        DSL.select(USAGE_WEEK.DEVELOPER_ID)
            .from(DEVELOPER)
            .join(USAGE_WEEK)
            .on(USAGE_WEEK.DEVELOPER_ID.eq(DEVELOPER.ID))
            .where(scope)
            .and(USAGE_WEEK.TOOL_KEY.eq(tool))
            .and(USAGE_WEEK.WEEK_START.between(first, last))
            .and(usedAi());
    var changes =
        DSL.select(CHANGE_COUNT.DEVELOPER_ID)
            .from(DEVELOPER)
            .join(CHANGE_COUNT)
            .on(CHANGE_COUNT.DEVELOPER_ID.eq(DEVELOPER.ID))
            .where(scope)
            .and(CHANGE_COUNT.ATTRIBUTION.eq(tool))
            .and(CHANGE_COUNT.WEEK_START.between(first, last))
            .and(CHANGE_COUNT.CHANGES.gt(0));
    return db.fetchCount(usage.union(changes));
  }

  /**
   * Changes of the scope's developers in weeks of the range when they were not in headcount (before
   * {@code started_on}, after {@code left_on}, or while excluded): the rollup leaves them out of
   * change exposure, and this data-quality figure says how many. One sum over the scope's subtree
   * totals: a few rows per week.
   */
  public long changesOutsideHeadcount(WeekRange range, ScopeIds scope) {
    return scopes.changesOutsideHeadcount(range, scope);
  }

  /**
   * Distinct developers of the scope in headcount in at least one week of the range (DESIGN §3.4
   * group size): one pass over the roster, no weeks needed.
   */
  public int developersInHeadcount(WeekRange range, ScopeIds scope) {
    return developersInHeadcount(range, scope, Integer.MAX_VALUE);
  }

  /**
   * {@link #developersInHeadcount(WeekRange, ScopeIds)} counted up to {@code upTo}: whether a group
   * is smaller than k needs k developers found, not the whole roster read.
   */
  public int developersInHeadcount(WeekRange range, ScopeIds scope, int upTo) {
    return db.fetchCount(
        db.selectOne()
            .from(DEVELOPER)
            .where(inHeadcountDuring(range.from().monday(), range.to().sunday()))
            .and(inScope(scope))
            .limit(upTo));
  }

  /**
   * A team's active developers and their active weeks in a calendar month, per tool ({@code tool}
   * null: over any tool).
   */
  public record TeamMonth(long teamId, LocalDate month, String tool, int developers, int weeks) {}

  /** The monthly rollup (V38) of the scope's teams from month to month. */
  public List<TeamMonth> teamMonths(
      java.time.YearMonth from, java.time.YearMonth to, ScopeIds scope) {
    return teams.teamMonths(from, to, scope);
  }

  /** The earliest week with a developer's start, usage or changes (null: no data). */
  LocalDate earliestWeek() {
    LocalDate started = db.select(min(DEVELOPER.STARTED_ON)).from(DEVELOPER).fetchOne().value1();
    LocalDate used = db.select(min(USAGE_WEEK.WEEK_START)).from(USAGE_WEEK).fetchOne().value1();
    LocalDate changed =
        db.select(min(CHANGE_COUNT.WEEK_START)).from(CHANGE_COUNT).fetchOne().value1();
    return Stream.of(started, used, changed)
        .filter(java.util.Objects::nonNull)
        .min(LocalDate::compareTo)
        .orElse(null);
  }

  /** The latest week the rollup holds (null: empty). */
  LocalDate latestWeek() {
    return db.select(max(ROLLUP_TEAM_WEEK.WEEK_START)).from(ROLLUP_TEAM_WEEK).fetchOne().value1();
  }

  /**
   * DESIGN §3.1 "in headcount in week W", defined once: not excluded, {@code started_on <=
   * Sunday(W)} and ({@code left_on} empty or {@code left_on >= Monday(W)}); {@code monday}/{@code
   * sunday} bound the week. The rollup is built with it; per-developer lists use it directly.
   */
  public static Condition inHeadcount(Field<LocalDate> monday, Field<LocalDate> sunday) {
    return DEVELOPER
        .STARTED_ON
        .le(sunday)
        .and(DEVELOPER.LEFT_ON.isNull().or(DEVELOPER.LEFT_ON.ge(monday)))
        .and(DEVELOPER.EXCLUDED.isFalse());
  }

  /**
   * DESIGN §3.1 "used AI in week W", defined once: a usage row of the week (one developer, tool and
   * week) with at least one active day. An AI user of W is in headcount ({@link #inHeadcount}) and
   * has such a row for at least one tool.
   */
  public static Condition usedAi(Field<Short> activeDays) {
    return activeDays.ge(DSL.inline((short) 1));
  }

  /** {@link #usedAi(Field)} of {@code usage_week}'s own rows. */
  public static Condition usedAi() {
    return usedAi(USAGE_WEEK.ACTIVE_DAYS);
  }

  /**
   * In headcount in at least one week from {@code firstMonday} to {@code lastSunday}: the same rule
   * over an interval, since {@code left_on >= started_on}.
   */
  public static Condition inHeadcountDuring(LocalDate firstMonday, LocalDate lastSunday) {
    return inHeadcount(DSL.inline(firstMonday), DSL.inline(lastSunday));
  }

  /** Developers of the scope's teams (every developer for the organisation). */
  public static Condition inScope(ScopeIds scope) {
    return scope.organisation() ? DSL.noCondition() : IdSets.in(DEVELOPER.TEAM_ID, scope.teams());
  }

  static long l(BigDecimal value) {
    return value == null ? 0 : value.longValue();
  }

  static int i(BigDecimal value) {
    return value == null ? 0 : value.intValue();
  }
}

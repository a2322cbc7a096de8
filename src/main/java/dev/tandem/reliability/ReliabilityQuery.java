package dev.tandem.reliability;

import static dev.tandem.db.Tables.INCIDENT;
import static org.jooq.impl.DSL.count;
import static org.jooq.impl.DSL.when;

import dev.tandem.base.AiInvolvement;
import dev.tandem.base.Attribution;
import dev.tandem.base.IdSets;
import dev.tandem.base.IsoWeek;
import dev.tandem.base.RootCause;
import dev.tandem.base.Severity;
import dev.tandem.base.WeekRange;
import dev.tandem.rollup.RollupQuery;
import dev.tandem.rollup.ScopeIds;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;

/**
 * The aggregates behind DESIGN §3.3: exposures from the rollup ({@link RollupQuery}, teams ×
 * weeks), incidents by an indexed range read of their start (incidents are few; each is placed in
 * its week of the organisation's zone by {@link WeekBounds}).
 *
 * <p>Scope: changes and developer-weeks count developers whose team is in the scope; incidents
 * count when their owning team is in the scope (an incident without an owning team counts only for
 * the whole organisation). {@code teamIds} null means the whole organisation.
 */
@Repository
class ReliabilityQuery {

  /** Incidents of one week, involvement, tool (null for none/unknown) and severity. */
  record IncidentCount(
      LocalDate monday,
      AiInvolvement involvement,
      String tool,
      Severity severity,
      long incidents) {}

  /** Changes of one week and attribution ('none' or a tool key). */
  record ChangeSum(LocalDate monday, String attribution, long changes) {}

  /** Headcount of one week and how many of those developers used any AI tool (active_days >= 1). */
  record HeadcountWeek(LocalDate monday, long headcount, long aiUsers) {}

  /**
   * Developers in headcount who used a tool in a week (active_days >= 1), and those of them who
   * used an agent mode (agent_days >= 1).
   */
  record ToolUsers(LocalDate monday, String tool, long users, long agentUsers) {}

  /** A resolved incident's group and its start and resolution. */
  record Restore(
      AiInvolvement involvement,
      String tool,
      OffsetDateTime startedAt,
      OffsetDateTime resolvedAt) {}

  /** Counts of one involvement and root cause with the safeguard answers (null = not recorded). */
  record CauseCount(
      AiInvolvement involvement,
      String tool,
      RootCause rootCause,
      long incidents,
      long notPeerReviewed,
      long peerReviewedUnknown,
      long noApprovalRequired,
      long approvalUnknown,
      long permissionsExceeded,
      long permissionsUnknown) {}

  private final DSLContext db;

  private final RollupQuery rollup;

  ReliabilityQuery(DSLContext db, RollupQuery rollup) {
    this.db = db;
    this.rollup = rollup;
  }

  /**
   * Incidents per week, involvement, tool and severity: the range's incidents (one indexed range
   * read; incidents are few) placed in their week of the organisation's zone.
   */
  List<IncidentCount> incidentsByWeek(List<WeekBounds> weeks, ScopeIds scope) {
    Map<List<Object>, long[]> counts = new LinkedHashMap<>();
    db.select(INCIDENT.STARTED_AT, INCIDENT.AI_INVOLVEMENT, INCIDENT.TOOL_KEY, INCIDENT.SEVERITY)
        .from(INCIDENT)
        .where(inRange(weeks).and(incidentInScope(scope)))
        .forEach(
            r -> {
              LocalDate monday = weekOf(weeks, r.value1());
              counts
                  .computeIfAbsent(
                      java.util.Arrays.asList(monday, r.value2(), r.value3(), r.value4()),
                      k -> new long[1])[0]++;
            });
    List<IncidentCount> result = new ArrayList<>();
    counts.forEach(
        (k, n) ->
            result.add(
                new IncidentCount(
                    (LocalDate) k.get(0),
                    (AiInvolvement) k.get(1),
                    (String) k.get(2),
                    (Severity) k.get(3),
                    n[0])));
    return result;
  }

  /** The Monday of the week whose bounds hold the instant (the range holds it). */
  private static LocalDate weekOf(List<WeekBounds> weeks, OffsetDateTime at) {
    int lo = 0;
    int hi = weeks.size() - 1;
    while (lo < hi) {
      int mid = (lo + hi + 1) >>> 1;
      if (weeks.get(mid).startAt().isAfter(at)) {
        hi = mid - 1;
      } else {
        lo = mid;
      }
    }
    return weeks.get(lo).monday();
  }

  /**
   * Distinct developers behind each tool's figures in the range and scope: those who used it on at
   * least one day or have changes attributed to it. The size of the group that the small-group rule
   * (DESIGN §3.4) looks at; only whether it is 0, below {@code k} or not matters. The rollup bounds
   * it (at least the largest week, at most the sum of the weeks); the exact distinct count is read
   * only when the bounds straddle {@code k}.
   */
  Map<String, Integer> developersByTool(List<WeekBounds> weeks, ScopeIds scope, int k) {
    WeekRange range = range(weeks);
    Map<String, int[]> bounds = new LinkedHashMap<>();
    for (RollupQuery.ToolWeek t : rollup.scopeTools(range, scope)) {
      if (Attribution.none(t.tool())) {
        continue;
      }
      int[] b = bounds.computeIfAbsent(t.tool(), x -> new int[2]);
      b[0] = Math.max(b[0], Math.max(t.usageDevelopers(), t.changeDevelopers()));
      b[1] += t.usageDevelopers() + t.changeDevelopers();
    }
    Map<String, Integer> developers = new LinkedHashMap<>();
    bounds.forEach(
        (tool, b) -> {
          int lower = b[0];
          int upper = b[1];
          int n =
              upper == 0 || lower >= k || upper < k
                  ? (lower >= k ? lower : upper)
                  : rollup.developersOfTool(tool, range, scope);
          if (n > 0) {
            developers.put(tool, n);
          }
        });
    return developers;
  }

  /**
   * Changes per week and attribution of the scope's developers, counted only in weeks they were in
   * headcount (the rollup's definition).
   */
  List<ChangeSum> changesByWeek(List<WeekBounds> weeks, ScopeIds scope) {
    return rollup.scopeTools(range(weeks), scope).stream()
        .filter(t -> t.changes() > 0 || t.changeDevelopers() > 0)
        .map(t -> new ChangeSum(t.monday(), t.tool(), t.changes()))
        .toList();
  }

  /**
   * Changes of the scope's developers in weeks of the range they were not in headcount: not counted
   * as exposure (the rollup leaves them out), reported as a data-quality figure.
   */
  long changesOutsideHeadcount(List<WeekBounds> weeks, ScopeIds scope) {
    return rollup.changesOutsideHeadcount(range(weeks), scope);
  }

  /** DESIGN §3.1 headcount per week, and how many of those developer-weeks had any AI usage. */
  List<HeadcountWeek> headcountByWeek(List<WeekBounds> weeks, ScopeIds scope) {
    Map<LocalDate, RollupQuery.WeekTotals> totals = new HashMap<>();
    rollup.scopeWeeks(range(weeks), scope).forEach(w -> totals.put(w.monday(), w));
    return weeks.stream()
        .map(
            w -> {
              RollupQuery.WeekTotals t = totals.get(w.monday());
              return t == null
                  ? new HeadcountWeek(w.monday(), 0, 0)
                  : new HeadcountWeek(w.monday(), t.headcount(), t.aiUsers());
            })
        .toList();
  }

  List<ToolUsers> toolUsersByWeek(List<WeekBounds> weeks, ScopeIds scope) {
    return rollup.scopeTools(range(weeks), scope).stream()
        .filter(t -> t.users() > 0)
        .map(t -> new ToolUsers(t.monday(), t.tool(), t.users(), t.agentUsers()))
        .toList();
  }

  /** Incidents of one owning team (null: none), involvement and tool (null for none/unknown). */
  record TeamIncidentCount(Long teamId, AiInvolvement involvement, String tool, long incidents) {}

  /**
   * The range's incidents per owning team, involvement and tool, grouped in the database (DESIGN
   * §3.3 within teams).
   */
  List<TeamIncidentCount> incidentsByTeam(List<WeekBounds> weeks, ScopeIds scope) {
    return db.select(INCIDENT.TEAM_ID, INCIDENT.AI_INVOLVEMENT, INCIDENT.TOOL_KEY, count())
        .from(INCIDENT)
        .where(inRange(weeks).and(incidentInScope(scope)))
        .groupBy(INCIDENT.TEAM_ID, INCIDENT.AI_INVOLVEMENT, INCIDENT.TOOL_KEY)
        .fetch(r -> new TeamIncidentCount(r.value1(), r.value2(), r.value3(), r.value4()));
  }

  /** Per team of the scope: developer-weeks, AI user-weeks and largest week, from the rollup. */
  List<RollupQuery.TeamTotal> teamTotals(List<WeekBounds> weeks, ScopeIds scope) {
    return rollup.teamTotals(range(weeks), scope);
  }

  /** Per team of the scope and tool (or 'none'): user-weeks and changes, from the rollup. */
  List<RollupQuery.TeamToolTotal> teamToolTotals(List<WeekBounds> weeks, ScopeIds scope) {
    return rollup.teamToolTotals(range(weeks), scope);
  }

  private static WeekRange range(List<WeekBounds> weeks) {
    return new WeekRange(
        IsoWeek.starting(weeks.get(0).monday()),
        IsoWeek.starting(weeks.get(weeks.size() - 1).monday()));
  }

  /**
   * Start and resolution of resolved incidents in the range: few rows (one per incident), because a
   * median cannot be computed portably in H2 and PostgreSQL SQL from timestamp differences.
   */
  List<Restore> restores(List<WeekBounds> weeks, ScopeIds scope) {
    return db.select(
            INCIDENT.AI_INVOLVEMENT, INCIDENT.TOOL_KEY, INCIDENT.STARTED_AT, INCIDENT.RESOLVED_AT)
        .from(INCIDENT)
        .where(inRange(weeks).and(INCIDENT.RESOLVED_AT.isNotNull()).and(incidentInScope(scope)))
        .fetch(r -> new Restore(r.value1(), r.value2(), r.value3(), r.value4()));
  }

  List<CauseCount> causesAndSafeguards(List<WeekBounds> weeks, ScopeIds scope) {
    return db.select(
            INCIDENT.AI_INVOLVEMENT,
            INCIDENT.TOOL_KEY,
            INCIDENT.ROOT_CAUSE,
            count(),
            countWhere(IncidentRepository.gap(Safeguard.NOT_PEER_REVIEWED)),
            countWhere(INCIDENT.PEER_REVIEWED.isNull()),
            countWhere(IncidentRepository.gap(Safeguard.NO_APPROVAL_REQUIRED)),
            countWhere(INCIDENT.APPROVAL_REQUIRED.isNull()),
            countWhere(IncidentRepository.gap(Safeguard.PERMISSIONS_EXCEEDED)),
            countWhere(INCIDENT.PERMISSIONS_EXCEEDED.isNull()))
        .from(INCIDENT)
        .where(inRange(weeks).and(incidentInScope(scope)))
        .groupBy(INCIDENT.AI_INVOLVEMENT, INCIDENT.TOOL_KEY, INCIDENT.ROOT_CAUSE)
        .fetch(
            r ->
                new CauseCount(
                    r.value1(),
                    r.value2(),
                    r.value3(),
                    r.value4(),
                    r.value5(),
                    r.value6(),
                    r.value7(),
                    r.value8(),
                    r.value9(),
                    r.value10()));
  }

  private static Field<Integer> countWhere(Condition condition) {
    return count(when(condition, DSL.inline(1)));
  }

  private static Condition inRange(List<WeekBounds> weeks) {
    return INCIDENT
        .STARTED_AT
        .ge(weeks.get(0).startAt())
        .and(INCIDENT.STARTED_AT.lt(weeks.get(weeks.size() - 1).endAt()));
  }

  private static Condition incidentInScope(ScopeIds scope) {
    return scope.organisation() ? DSL.noCondition() : IdSets.in(INCIDENT.TEAM_ID, scope.teams());
  }
}

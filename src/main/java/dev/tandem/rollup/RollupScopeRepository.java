package dev.tandem.rollup;

import static dev.tandem.db.Tables.ROLLUP_SCOPE_TOOL_WEEK;
import static dev.tandem.db.Tables.ROLLUP_SCOPE_WEEK;
import static dev.tandem.db.Tables.ROLLUP_TEAM_WEEK;
import static dev.tandem.db.Tables.TEAM;
import static dev.tandem.rollup.RollupRepository.ORGANISATION;

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
import org.jooq.DSLContext;
import org.jooq.QueryPart;
import org.jooq.impl.DSL;

/**
 * The subtree totals of the rollup ({@code rollup_scope_week}, {@code rollup_scope_tool_week}) as
 * {@link RollupRepository} defines them: each scope's sums of the per-team tables, recomputed for
 * every scope or for the scopes holding some teams.
 */
final class RollupScopeRepository {

  /**
   * Each team with every scope that holds it: itself, each team above it, and the organisation
   * ({@link RollupRepository#ORGANISATION}); the subtree totals join it to the per-team tables. The
   * joins to it are written {@code LEFT JOIN} (the WHERE keeps only matched rows) because H2 keeps
   * the order of outer joins: the small team tree drives the per-team tables' primary keys, instead
   * of the tree being evaluated again for every per-team row.
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

  private final DSLContext db;

  RollupScopeRepository(DSLContext db) {
    this.db = db;
  }

  /** Recomputes every scope's subtree totals from the per-team tables (the V17 migration). */
  void rebuild() {
    RollupRepository.recordWrite(db);
    db.deleteFrom(ROLLUP_SCOPE_WEEK).execute();
    db.deleteFrom(ROLLUP_SCOPE_TOOL_WEEK).execute();
    LocalDate first =
        db.select(DSL.min(ROLLUP_TEAM_WEEK.WEEK_START)).from(ROLLUP_TEAM_WEEK).fetchOne().value1();
    LocalDate last =
        db.select(DSL.max(ROLLUP_TEAM_WEEK.WEEK_START)).from(ROLLUP_TEAM_WEEK).fetchOne().value1();
    if (first != null) {
      for (LocalDate from = first;
          !from.isAfter(last);
          from = from.plusWeeks(RollupRepository.SCOPE_CHUNK_WEEKS)) {
        LocalDate to = from.plusWeeks(RollupRepository.SCOPE_CHUNK_WEEKS - 1L);
        recompute(new WeekSpan(from, to.isAfter(last) ? last : to), null, true);
      }
    }
  }

  /**
   * The subtree totals of the scopes holding the teams, bottom-up: each scope is its own team's
   * rows plus its direct children's totals (unchanged ones are already right, changed ones are
   * recomputed first), so a refresh of a few teams reads a few teams' and children's rows per week,
   * not every team's.
   */
  void recomputeAbove(WeekSpan span, Collection<Long> teamIds, boolean empty) {
    RollupRepository.recordWrite(db);
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
  static Set<Long> scopesHolding(Collection<Long> teamIds, Map<Long, Long> parents) {
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
  void recompute(WeekSpan span, Set<Long> scopeIds, boolean empty) {
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
    RollupRepository.deleteRange(
        db,
        ROLLUP_SCOPE_WEEK,
        ROLLUP_SCOPE_WEEK.WEEK_START,
        ROLLUP_SCOPE_WEEK.SCOPE_ID,
        span,
        scopeIds);
    RollupRepository.deleteRange(
        db,
        ROLLUP_SCOPE_TOOL_WEEK,
        ROLLUP_SCOPE_TOOL_WEEK.WEEK_START,
        ROLLUP_SCOPE_TOOL_WEEK.SCOPE_ID,
        span,
        scopeIds);
  }

  /** Each team's parent (null at the top). */
  Map<Long, Long> parents() {
    Map<Long, Long> parent = new HashMap<>();
    db.select(TEAM.ID, TEAM.PARENT_ID).from(TEAM).forEach(r -> parent.put(r.value1(), r.value2()));
    return parent;
  }
}

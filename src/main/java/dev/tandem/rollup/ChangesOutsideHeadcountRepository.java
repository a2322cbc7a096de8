package dev.tandem.rollup;

import static dev.tandem.db.Tables.ROLLUP_SCOPE_TOOL_WEEK;
import static dev.tandem.db.Tables.ROLLUP_TEAM_TOOL_WEEK;
import static dev.tandem.rollup.RollupWeekRepository.CHANGES_BY_WEEK;
import static dev.tandem.rollup.RollupWeekRepository.MONDAY;
import static dev.tandem.rollup.RollupWeekRepository.SUNDAY;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.impl.DSL;

/** The V25 migration's correction of an existing rollup (see {@link #takeOut}). */
final class ChangesOutsideHeadcountRepository {

  private final DSLContext db;

  ChangesOutsideHeadcountRepository(DSLContext db) {
    this.db = db;
  }

  /**
   * The V25 migration on a rollup built before the tool tables held the changes left out of
   * exposure (and, coming from before V23, when every change counted), without recomputing every
   * team (a rebuild takes minutes at 20,000 developers). One pass over the changes finds the team,
   * week and attribution slices holding changes of developers out of headcount that week (the rule
   * of {@link RollupRepository#recompute}), with the changes that count there and those left out;
   * those per-team rows are set to both figures, and the subtree rows above them lose the changes
   * that no longer count and get the sum of those left out. Slices beyond the rollup's weeks are
   * skipped, as the rollup leaves them out. Idempotent: run again, it writes the same figures.
   */
  void takeOut() {
    Field<Long> team = DSL.field(DSL.name("developer", "team_id"), Long.class);
    Field<LocalDate> week = DSL.field(DSL.name("c", "week_start"), LocalDate.class);
    Field<String> attribution = DSL.field(DSL.name("c", "attribution"), String.class);
    Field<Integer> changes = DSL.field(DSL.name("c", "changes"), Integer.class);
    Condition in = RollupQuery.inHeadcount(MONDAY, SUNDAY);
    var outside = DSL.sum(DSL.when(in, 0).otherwise(changes));
    var slices =
        db.select(team, week, attribution, DSL.sum(DSL.when(in, changes).otherwise(0)), outside)
            .from(DSL.table("{0}", CHANGES_BY_WEEK))
            .leftJoin(DSL.table(DSL.name("calendar_week")).as("w"))
            .on(MONDAY.eq(week))
            .where(MONDAY.isNotNull())
            .groupBy(team, week, attribution)
            .having(outside.gt(java.math.BigDecimal.ZERO))
            .fetch();
    if (slices.isEmpty()) {
      return;
    }
    var r = ROLLUP_TEAM_TOOL_WEEK;
    Map<List<Object>, Long> stored = new HashMap<>();
    db.select(r.TEAM_ID, r.WEEK_START, r.TOOL_KEY, r.CHANGES)
        .from(r)
        .where(r.TEAM_ID.in(new HashSet<>(slices.getValues(team))))
        .forEach(x -> stored.put(List.of(x.value1(), x.value2(), x.value3()), x.value4()));
    Map<Long, Long> parents = new RollupScopeRepository(db).parents();
    Map<List<Object>, long[]> scopeFigures =
        new HashMap<>(); // {changes no longer counted, left out}
    // One prepared statement per table, bound once per slice: parsing a statement per slice costs
    // minutes at 20,000 developers.
    var teamRows =
        db.batch(
            db.update(r)
                .set(r.CHANGES, DSL.param("changes", Long.class))
                .set(r.CHANGES_OUTSIDE_HEADCOUNT, DSL.param("outside", Long.class))
                .where(r.TEAM_ID.eq(DSL.param("team", Long.class)))
                .and(r.WEEK_START.eq(DSL.param("week", LocalDate.class)))
                .and(r.TOOL_KEY.eq(DSL.param("tool", String.class))));
    int written = 0;
    for (var slice : slices) {
      Long old = stored.get(List.of(slice.value1(), slice.value2(), slice.value3()));
      if (old == null) {
        continue; // beyond the rollup's weeks
      }
      long counted = slice.value4().longValue();
      long left = slice.value5().longValue();
      teamRows = teamRows.bind(counted, left, slice.value1(), slice.value2(), slice.value3());
      written++;
      for (Long scope : RollupScopeRepository.scopesHolding(List.of(slice.value1()), parents)) {
        long[] f =
            scopeFigures.computeIfAbsent(
                List.of(scope, slice.value2(), slice.value3()), k -> new long[2]);
        f[0] += old - counted;
        f[1] += left;
      }
    }
    if (written == 0) {
      return;
    }
    RollupRepository.recordWrite(db);
    teamRows.execute();
    var s = ROLLUP_SCOPE_TOOL_WEEK;
    var scopeRows =
        db.batch(
            db.update(s)
                .set(s.CHANGES, s.CHANGES.minus(DSL.param("difference", Long.class)))
                .set(s.CHANGES_OUTSIDE_HEADCOUNT, DSL.param("outside", Long.class))
                .where(s.SCOPE_ID.eq(DSL.param("scope", Long.class)))
                .and(s.WEEK_START.eq(DSL.param("week", LocalDate.class)))
                .and(s.TOOL_KEY.eq(DSL.param("tool", String.class))));
    for (var e : scopeFigures.entrySet()) {
      scopeRows =
          scopeRows.bind(
              e.getValue()[0],
              e.getValue()[1],
              e.getKey().get(0),
              e.getKey().get(1),
              e.getKey().get(2));
    }
    scopeRows.execute();
  }
}

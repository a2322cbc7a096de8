package dev.tandem.rollup;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tandem.base.IsoWeek;
import dev.tandem.base.WeekRange;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.flywaydb.core.Flyway;
import org.jooq.DSLContext;
import org.jooq.conf.RenderQuotedNames;
import org.jooq.conf.Settings;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.Test;

/**
 * V25 on a database whose rollup counted every change (corrected in place) and on one from before
 * V21 (rebuilt): team A holds a leaver (Lea, leaves on Wednesday of W50) and an excluded developer
 * (Xena) with changes, and Sam; team B holds Bo.
 *
 * <pre>
 * Lea:  W49 none 3, W50 none 2 (her last week: counted), W51 none 4 (after leaving: not)
 * Xena: W50 kiro 5 (excluded: not)
 * Sam:  W50 none 7, W50 kiro 1;  Bo (team B): W50 none 6
 * counted: A W49 none 3, W50 none 9, W50 kiro 1; B W50 none 6
 * left out: A W51 none 4, A W50 kiro 5 (9 in all)
 * the earlier rollup also had A W50 kiro 6 and A W51 none 4
 * </pre>
 */
class RebuildRollupMigrationIT {

  private static final LocalDate W49 = IsoWeek.parse("2025-W49").monday();
  private static final LocalDate W50 = IsoWeek.parse("2025-W50").monday();
  private static final LocalDate W51 = IsoWeek.parse("2025-W51").monday();
  private static final WeekRange RANGE =
      new WeekRange(IsoWeek.starting(W49), IsoWeek.starting(W51));

  @Test
  void the_upgrade_corrects_in_place_a_rollup_that_counted_changes_outside_headcount()
      throws Exception {
    String url = url();
    migrate(url, "23");
    try (Connection c = DriverManager.getConnection(url, "sa", "")) {
      DSLContext db = db(c);
      organisation(db);
      // The rollup as V21 built it: every change counted, Lea's W51 and Xena's W50 included.
      String teamRows =
          "INSERT INTO rollup_team_tool_week (team_id, week_start, tool_key, users,"
              + " usage_developers, changes, change_developers, agent_users, agent_unknown_users)"
              + " VALUES (1, ?, 'none', 0, 0, 3, 1, 0, 0), (1, ?, 'none', 0, 0, 9, 2, 0, 0),"
              + " (1, ?, 'kiro', 0, 0, 6, 2, 0, 0), (1, ?, 'none', 0, 0, 4, 1, 0, 0),"
              + " (2, ?, 'none', 0, 0, 6, 1, 0, 0)";
      db.execute(teamRows, W49, W50, W50, W51, W50);
      String scopeRows =
          "INSERT INTO rollup_scope_tool_week (scope_id, week_start, tool_key, users,"
              + " usage_developers, changes, change_developers, agent_users, agent_unknown_users)"
              + " VALUES (1, ?, 'none', 0, 0, 3, 1, 0, 0), (1, ?, 'none', 0, 0, 9, 2, 0, 0),"
              + " (1, ?, 'kiro', 0, 0, 6, 2, 0, 0), (1, ?, 'none', 0, 0, 4, 1, 0, 0),"
              + " (2, ?, 'none', 0, 0, 6, 1, 0, 0), (0, ?, 'none', 0, 0, 3, 1, 0, 0),"
              + " (0, ?, 'none', 0, 0, 15, 3, 0, 0), (0, ?, 'kiro', 0, 0, 6, 2, 0, 0),"
              + " (0, ?, 'none', 0, 0, 4, 1, 0, 0)";
      db.execute(scopeRows, W49, W50, W50, W51, W50, W49, W50, W50, W51);

      migrate(url, null);

      assertCounted(db);
      // In place: the per-team week table, which a rebuild would fill with headcount, is untouched.
      assertThat(db.fetchCount(DSL.table("rollup_team_week"))).isZero();
    }
  }

  @Test
  void coming_from_before_v21_the_rollup_is_built_once_with_today_s_definition() throws Exception {
    String url = url();
    migrate(url, "20");
    try (Connection c = DriverManager.getConnection(url, "sa", "")) {
      DSLContext db = db(c);
      organisation(db);
      migrate(url, null);
      assertCounted(db);
      assertThat(db.fetchCount(DSL.table("rollup_team_week"))).isPositive();
      assertThat(db.fetchCount(DSL.table("setting"), DSL.field("setting_key").like("rollup-%")))
          .isZero();
    }
  }

  private static void assertCounted(DSLContext db) {
    RollupQuery rollup = RollupQuery.on(db);
    Map<String, Long> teamA = Map.of(W49 + " none", 3L, W50 + " none", 9L, W50 + " kiro", 1L);
    assertThat(changes(rollup.tools(RANGE, new ScopeIds(1L, java.util.Set.of(1L)))))
        .isEqualTo(teamA);
    assertThat(changes(rollup.scopeTools(RANGE, new ScopeIds(1L, java.util.Set.of(1L)))))
        .isEqualTo(teamA);
    assertThat(changes(rollup.tools(RANGE, new ScopeIds(2L, java.util.Set.of(2L)))))
        .isEqualTo(Map.of(W50 + " none", 6L));
    assertThat(changes(rollup.scopeTools(RANGE, ScopeIds.ORGANISATION)))
        .isEqualTo(Map.of(W49 + " none", 3L, W50 + " none", 15L, W50 + " kiro", 1L));
    assertThat(rollup.changesOutsideHeadcount(RANGE, ScopeIds.ORGANISATION)).isEqualTo(4 + 5);
    assertThat(rollup.changesOutsideHeadcount(RANGE, new ScopeIds(1L, java.util.Set.of(1L))))
        .isEqualTo(4 + 5);
    assertThat(rollup.changesOutsideHeadcount(RANGE, new ScopeIds(2L, java.util.Set.of(2L))))
        .isZero();
  }

  private static void organisation(DSLContext db) {
    db.execute("INSERT INTO team (id, team_key, name) VALUES (1, 'a', 'A'), (2, 'b', 'B')");
    db.execute(
        "INSERT INTO developer (id, email, name, team_id, started_on, left_on, excluded) VALUES"
            + " (1, 'lea@x.org', 'Lea', 1, DATE '2025-01-06', DATE '2025-12-10', FALSE),"
            + " (2, 'xena@x.org', 'Xena', 1, DATE '2025-01-06', NULL, TRUE),"
            + " (3, 'sam@x.org', 'Sam', 1, DATE '2025-01-06', NULL, FALSE),"
            + " (4, 'bo@x.org', 'Bo', 2, DATE '2025-01-06', NULL, FALSE)");
    db.execute(
        "INSERT INTO change_count (developer_id, week_start, attribution, changes) VALUES"
            + " (1, ?, 'none', 3), (1, ?, 'none', 2), (1, ?, 'none', 4),"
            + " (2, ?, 'kiro', 5), (3, ?, 'none', 7), (3, ?, 'kiro', 1), (4, ?, 'none', 6)",
        W49,
        W50,
        W51,
        W50,
        W50,
        W50,
        W50);
  }

  private static String url() {
    return "jdbc:h2:mem:v25-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1";
  }

  private static void migrate(String url, String target) {
    var config = Flyway.configure().dataSource(url, "sa", "").locations("classpath:db/migration");
    (target == null ? config : config.target(target)).load().migrate();
  }

  private static DSLContext db(Connection c) {
    return DSL.using(c, new Settings().withRenderQuotedNames(RenderQuotedNames.NEVER));
  }

  private static Map<String, Long> changes(List<RollupQuery.ToolWeek> tools) {
    Map<String, Long> changes = new TreeMap<>();
    tools.stream()
        .filter(t -> t.changes() > 0)
        .forEach(t -> changes.put(t.monday() + " " + t.tool(), t.changes()));
    return changes;
  }
}

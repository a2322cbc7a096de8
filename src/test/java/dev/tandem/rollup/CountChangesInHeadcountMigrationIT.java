package dev.tandem.rollup;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tandem.base.IsoWeek;
import dev.tandem.base.WeekRange;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.LocalDate;
import java.util.Map;
import java.util.TreeMap;
import org.flywaydb.core.Flyway;
import org.jooq.DSLContext;
import org.jooq.conf.RenderQuotedNames;
import org.jooq.conf.Settings;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.Test;

/**
 * V23 on a database whose rollup still counts every change (as V21 built it): the weeks of a leaver
 * and of an excluded developer are recomputed; a team without such changes is left as it was.
 */
class CountChangesInHeadcountMigrationIT {

  private static final LocalDate W49 = IsoWeek.parse("2025-W49").monday();
  private static final LocalDate W50 = IsoWeek.parse("2025-W50").monday();
  private static final LocalDate W51 = IsoWeek.parse("2025-W51").monday();

  @Test
  void the_migration_takes_changes_outside_employment_or_while_excluded_out_of_the_rollup()
      throws Exception {
    String url = "jdbc:h2:mem:v23-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1";
    Flyway.configure()
        .dataSource(url, "sa", "")
        .locations("classpath:db/migration")
        .target("22")
        .load()
        .migrate();
    try (Connection c = DriverManager.getConnection(url, "sa", "")) {
      DSLContext db = DSL.using(c, new Settings().withRenderQuotedNames(RenderQuotedNames.NEVER));
      db.execute("INSERT INTO team (id, team_key, name) VALUES (1, 'a', 'A'), (2, 'b', 'B')");
      // Lea leaves on Wednesday of W50; Xena is excluded; Sam (team A) and Bo (team B) stay.
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
      RollupRepository.on(db).rebuild(W51.plusWeeks(2));
      // The rollup as the earlier definition left it: Lea's W51 change and Xena's counted; and a
      // figure of team B that only a full rebuild would touch.
      db.execute(
          "UPDATE rollup_team_tool_week SET changes = 4 WHERE team_id = 1 AND week_start = ?"
              + " AND tool_key = 'none'",
          W51);
      db.execute(
          "UPDATE rollup_team_tool_week SET changes = 6 WHERE team_id = 1 AND week_start = ?"
              + " AND tool_key = 'kiro'",
          W50);
      db.execute("UPDATE rollup_team_tool_week SET changes = 60 WHERE team_id = 2");

      Flyway.configure()
          .dataSource(url, "sa", "")
          .locations("classpath:db/migration")
          .load()
          .migrate();

      WeekRange range = new WeekRange(IsoWeek.starting(W49), IsoWeek.starting(W51));
      assertThat(changes(RollupQuery.on(db).tools(range, java.util.List.of(1L))))
          .isEqualTo(Map.of(W49 + " none", 3L, W50 + " none", 9L, W50 + " kiro", 1L));
      assertThat(changes(RollupQuery.on(db).tools(range, java.util.List.of(2L))))
          .isEqualTo(Map.of(W50 + " none", 60L));
      assertThat(RollupQuery.on(db).changesOutsideHeadcount(range, null)).isEqualTo(4 + 5);
    }
  }

  private static Map<String, Long> changes(java.util.List<RollupQuery.ToolWeek> tools) {
    Map<String, Long> changes = new TreeMap<>();
    tools.stream()
        .filter(t -> t.changes() > 0)
        .forEach(t -> changes.put(t.monday() + " " + t.tool(), t.changes()));
    return changes;
  }
}

package dev.tandem.rollup;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.temporal.IsoFields;
import org.flywaydb.core.Flyway;

/**
 * Not a test: writes a large organisation straight into an H2 file database with SQL (no import
 * pipeline), for checking reads at scale. 8 top-level teams × 8 groups × 25 leaf teams, N
 * developers (joiners, leavers, excluded), 104 ISO weeks ending last week with adoption rising from
 * 30% to 85%, 1–2 of 5 tools per active developer-week, changes per attribution, ~3,000 incidents.
 * The rollup is built by the app (start it with {@code --tandem.rollup.rebuild=true}) or by the V12
 * migration on a fresh database.
 *
 * <pre>
 * java -cp target/classes:target/test-classes:$(cat target/test-classpath.txt) \
 *   dev.tandem.rollup.ScaleOrganisation /tmp/scale/tandem 20000
 * </pre>
 */
public final class ScaleOrganisation {

  private ScaleOrganisation() {}

  public static void main(String[] args) throws Exception {
    String file = args.length > 0 ? args[0] : "/tmp/scale/tandem";
    int developers = args.length > 1 ? Integer.parseInt(args[1]) : 20_000;
    int weeks = args.length > 2 ? Integer.parseInt(args[2]) : 104;
    String url = "jdbc:h2:file:" + file;
    Flyway.configure()
        .dataSource(url, "sa", "")
        .locations("classpath:db/migration")
        .load()
        .migrate();
    LocalDate thisMonday = LocalDate.now().with(java.time.DayOfWeek.MONDAY);
    LocalDate first = thisMonday.minusWeeks(weeks);
    long start = System.nanoTime();
    try (Connection c = DriverManager.getConnection(url, "sa", "");
        Statement s = c.createStatement()) {
      c.setAutoCommit(true);
      for (String sql : script(developers, weeks, first)) {
        long t0 = System.nanoTime();
        s.execute(sql);
        System.out.printf(
            "%6d ms  %s%n",
            (System.nanoTime() - t0) / 1_000_000,
            sql.length() > 70 ? sql.substring(0, 70).replace('\n', ' ') : sql);
      }
    }
    System.out.printf(
        "%,d developers × %d weeks from %s (%s) in %d s%n",
        developers,
        weeks,
        first,
        first.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR),
        (System.nanoTime() - start) / 1_000_000_000);
  }

  static String[] script(int developers, int weeks, LocalDate first) {
    String from = "DATE '" + first + "'";
    return new String[] {
      "CALL RAND(20261201)",
      "CREATE LOCAL TEMPORARY TABLE gen_week AS SELECT CAST(X AS INT) n, "
          + ("DATEADD(WEEK, X, " + from + ") week_start, ")
          + ("DATEADD(DAY, 6, DATEADD(WEEK, X, " + from + ")) week_end ")
          + ("FROM SYSTEM_RANGE(0, " + (weeks - 1) + ")"),
      "INSERT INTO team (id, team_key, name, parent_id) SELECT X, 'org-' || X, 'Org ' || X, NULL"
          + " FROM SYSTEM_RANGE(1, 8)",
      "INSERT INTO team (id, team_key, name, parent_id) SELECT 1000 + X, 'grp-' || X, 'Group ' || X,"
          + " 1 + MOD(X - 1, 8) FROM SYSTEM_RANGE(1, 64)",
      "INSERT INTO team (id, team_key, name, parent_id) SELECT 100000 + X, 'team-' || X, 'Team ' ||"
          + " X, 1001 + MOD(X - 1, 64) FROM SYSTEM_RANGE(1, 1600)",
      "ALTER TABLE team ALTER COLUMN id RESTART WITH 1000000",
      // 85% there before the range, 15% join during it; 10% leave during it; 3% excluded.
      "INSERT INTO developer (id, email, name, team_id, started_on, left_on, excluded) SELECT X,"
          + " 'dev' || X || '@example.com', 'Developer ' || X, 100001 + MOD(X * 7, 1600), CASE"
          + (" WHEN MOD(X, 20) < 17 THEN DATEADD(DAY, -1 - MOD(X * 13, 900), " + from + ")")
          + (" ELSE DATEADD(DAY, MOD(X * 17, " + (weeks * 7) + "), " + from + ") END, NULL,")
          + (" MOD(X, 33) = 0 FROM SYSTEM_RANGE(1, " + developers + ")"),
      "UPDATE developer SET left_on = DATEADD(DAY, MOD(id * 29, "
          + (weeks * 7)
          + "), "
          + from
          + ") WHERE MOD(id, 10) = 3",
      "UPDATE developer SET left_on = started_on WHERE left_on < started_on",
      "ALTER TABLE developer ALTER COLUMN id RESTART WITH 10000000",
      // One primary tool and sometimes a second per active developer-week.
      "CREATE LOCAL TEMPORARY TABLE gen_tool (k INT PRIMARY KEY, tool_key VARCHAR(50)) AS SELECT *"
          + " FROM (VALUES (0, 'copilot'), (1, 'q-developer'), (2, 'kiro'), (3, 'cursor'), (4,"
          + " 'claude-code'))",
      "CREATE LOCAL TEMPORARY TABLE gen_active AS SELECT d.id developer_id, w.week_start, w.n,"
          + " CAST(FLOOR(RAND() * 5) AS INT) k1, CAST(FLOOR(RAND() * 5) AS INT) k2, RAND() r2 FROM"
          + " developer d JOIN gen_week w ON d.started_on <= w.week_end AND (d.left_on IS NULL OR"
          + (" d.left_on >= w.week_start) WHERE RAND() < 0.3 + 0.55 * w.n / " + weeks),
      "INSERT INTO usage_week (developer_id, tool_key, week_start, source, active_days,"
          + " interactions, accepted_lines) SELECT a.developer_id, t.tool_key, a.week_start,"
          + " 'tandem-usage-csv', CAST(1 + FLOOR(RAND() * 5) AS SMALLINT), CAST(FLOOR(RAND() * 80)"
          + " AS BIGINT), CAST(FLOOR(RAND() * 400) AS BIGINT) FROM gen_active a JOIN gen_tool t ON"
          + " t.k = a.k1 OR (a.r2 < 0.4 AND t.k = a.k2)",
      // A little usage outside employment (a week after leaving): never counts, reported.
      "INSERT INTO usage_week (developer_id, tool_key, week_start, source, active_days) SELECT"
          + " d.id, 'copilot', w.week_start, 'tandem-usage-csv', 2 FROM developer d JOIN gen_week w"
          + " ON w.week_start > d.left_on AND w.week_start <= DATEADD(DAY, 7, d.left_on) WHERE"
          + " MOD(d.id, 7) = 0",
      "INSERT INTO change_count (developer_id, week_start, attribution, changes) SELECT"
          + " developer_id, week_start, tool_key, CAST(1 + FLOOR(RAND() * 3) AS INT) FROM usage_week"
          + " WHERE RAND() < 0.7",
      "INSERT INTO change_count (developer_id, week_start, attribution, changes) SELECT d.id,"
          + " w.week_start, 'none', CAST(1 + FLOOR(RAND() * 4) AS INT) FROM developer d JOIN"
          + " gen_week w ON d.started_on <= w.week_end AND (d.left_on IS NULL OR d.left_on >="
          + " w.week_start) WHERE RAND() < 0.8",
      "INSERT INTO incident (external_id, source, title, severity, started_at, resolved_at,"
          + " team_id, ai_involvement, tool_key, updated_at) SELECT 'INC-' || X, 'manual',"
          + " 'Incident ' || X, 'SEV' || (1 + MOD(X, 4)), ts, DATEADD(MINUTE, 30 + MOD(X * 37, 600),"
          + " ts), 100001 + MOD(X * 11, 1600), inv, CASE WHEN inv IN ('assisted', 'agent') THEN"
          + " CASEWHEN(MOD(X, 5) = 0, 'copilot', CASEWHEN(MOD(X, 5) = 1, 'q-developer',"
          + " CASEWHEN(MOD(X, 5) = 2, 'kiro', CASEWHEN(MOD(X, 5) = 3, 'cursor', 'claude-code'))))"
          + " END, ts FROM (SELECT X, CAST(DATEADD(MINUTE, MOD(X * 7919, "
          + (weeks * 7 * 24 * 60)
          + "), CAST("
          + from
          + " AS TIMESTAMP)) AS TIMESTAMP WITH TIME ZONE) ts, CASE WHEN MOD(X, 20) < 8 THEN 'none'"
          + " WHEN MOD(X, 20) < 15 THEN 'assisted' WHEN MOD(X, 20) < 18 THEN 'agent' ELSE"
          + " 'unknown' END inv FROM SYSTEM_RANGE(1, 3000))",
      "DROP TABLE gen_active",
      "ANALYZE",
    };
  }
}

package dev.tandem.rollup;

import static dev.tandem.db.Tables.DEVELOPER;
import static dev.tandem.db.Tables.TEAM;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tandem.base.IsoWeek;
import dev.tandem.base.WeekRange;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.flywaydb.core.Flyway;
import org.jooq.DSLContext;
import org.jooq.conf.RenderQuotedNames;
import org.jooq.conf.Settings;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.Test;

/**
 * The rollup equals its definition computed from the base tables (the pre-rollup queries, kept here
 * as the oracle: a VALUES table of weeks joined to the roster and to usage/changes), for every
 * figure, every scope (organisation and each team subtree) and several ranges, on randomly
 * generated small organisations: joiners and leavers mid-week, excluded developers, several tools
 * per developer, usage and changes outside employment (a leaver and an excluded developer with
 * changes every week among them), changes by attribution, then a team move and the undo of an
 * "import" (rows removed and the touched weeks refreshed, as the hooks do).
 */
class RollupPropertyIT {

  private static final List<String> TOOLS = List.of("copilot", "kiro", "cursor");
  private static final LocalDate FIRST = IsoWeek.parse("2025-W50").monday();
  private static final int WEEKS = 12;

  @Test
  void the_rollup_equals_the_base_table_definition_for_every_scope_range_and_seed() {
    for (long seed = 1; seed <= 8; seed++) {
      DSLContext db = freshDatabase(seed);
      Random random = new Random(seed);
      List<Long> teams = organisation(db, random);
      RollupRepository repository = RollupRepository.on(db);
      repository.recomputeInChunks(
          new WeekSpan(FIRST.minusWeeks(4), FIRST.plusWeeks(WEEKS + 4)), null);
      assertEverything(db, teams, "seed " + seed);

      // A team move: the developer's whole history moves; both teams are recomputed.
      long moved = db.fetchOne("SELECT MIN(id) FROM developer").get(0, Long.class);
      long from =
          db.fetchOne("SELECT team_id FROM developer WHERE id = ?", moved).get(0, Long.class);
      long to = teams.get((teams.indexOf(from) + 1) % teams.size());
      db.execute("UPDATE developer SET team_id = ? WHERE id = ?", to, moved);
      repository.recomputeInChunks(
          new WeekSpan(FIRST.minusWeeks(4), FIRST.plusWeeks(WEEKS + 4)), Set.of(from, to));
      assertEverything(db, teams, "seed " + seed + " after a team move");

      // The undo of an import of weeks 3–5: its rows go, those weeks are recomputed.
      LocalDate undoFrom = FIRST.plusWeeks(3);
      LocalDate undoTo = FIRST.plusWeeks(5);
      db.execute("DELETE FROM usage_week WHERE week_start BETWEEN ? AND ?", undoFrom, undoTo);
      db.execute("DELETE FROM change_count WHERE week_start BETWEEN ? AND ?", undoFrom, undoTo);
      repository.recomputeInChunks(new WeekSpan(undoFrom, undoTo), null);
      assertEverything(db, teams, "seed " + seed + " after an undo");

      // A sub-team moves to another top-level team: the per-team figures stay, the subtree totals
      // of its old and new parents (and the organisation) are recomputed.
      long subTeam = teams.get(1);
      long oldParent = teams.get(0);
      long newParent = teams.get(teams.size() - 1);
      db.execute("UPDATE team SET parent_id = ? WHERE id = ?", newParent, subTeam);
      repository.recomputeScopesAbove(
          new WeekSpan(FIRST.minusWeeks(4), FIRST.plusWeeks(WEEKS + 4)),
          List.of(oldParent, newParent));
      assertEverything(db, teams, "seed " + seed + " after a sub-team moved");

      // The rebuild (command and migration) from the earliest start to a horizon.
      repository.rebuild(FIRST.plusWeeks(WEEKS + 4));
      assertEverything(db, teams, "seed " + seed + " after a rebuild");

      // V25's correction on a rollup already built with today's definition changes nothing.
      repository.takeOutChangesOutsideHeadcount();
      assertEverything(db, teams, "seed " + seed + " after V25's correction");
    }
  }

  private static void assertEverything(DSLContext db, List<Long> teams, String what) {
    RollupQuery rollup = RollupQuery.on(db);
    List<WeekRange> ranges =
        List.of(
            range(0, WEEKS - 1),
            range(2, 4),
            range(5, 5),
            range(-3, 2),
            range(WEEKS - 2, WEEKS + 2));
    List<Set<Long>> scopes = new ArrayList<>();
    List<Long> roots = new ArrayList<>();
    scopes.add(null);
    roots.add(null);
    for (long team : teams) {
      scopes.add(subtree(db, team));
      roots.add(team);
    }
    for (WeekRange range : ranges) {
      for (int s = 0; s < scopes.size(); s++) {
        Set<Long> scope = scopes.get(s);
        Long root = roots.get(s);
        ScopeIds ids = root == null ? ScopeIds.ORGANISATION : new ScopeIds(root, scope);
        String where = what + ", range " + range + ", scope " + scope;
        Map<LocalDate, List<Integer>> expectedWeeks = Oracle.weeks(db, range, scope);
        Map<LocalDate, List<Integer>> actualWeeks = new TreeMap<>();
        rollup
            .weeks(range, ids)
            .forEach(
                w ->
                    actualWeeks.put(
                        w.monday(),
                        List.of(
                            w.headcount(),
                            w.aiUsers(),
                            w.light(),
                            w.moderate(),
                            w.heavy(),
                            w.usageOutsideHeadcount(),
                            w.agentUsers())));
        assertThat(actualWeeks).as(where).isEqualTo(expectedWeeks);
        // The subtree totals of the scope's top team (organisation, top-level or leaf team).
        assertThat(weekFigures(rollup.scopeWeeks(range, ids)))
            .as(where + " (subtree totals)")
            .isEqualTo(expectedWeeks);

        Map<String, Long> expectedTools = Oracle.tools(db, range, scope);
        Map<String, Long> actualTools = new TreeMap<>();
        rollup
            .tools(range, ids)
            .forEach(
                t -> {
                  if (t.users() > 0) {
                    actualTools.put(t.monday() + " users " + t.tool(), (long) t.users());
                  }
                  if (t.changes() > 0) {
                    actualTools.put(t.monday() + " changes " + t.tool(), t.changes());
                  }
                  if (t.agentUsers() > 0) {
                    actualTools.put(t.monday() + " agents " + t.tool(), (long) t.agentUsers());
                  }
                  if (t.agentUnknownUsers() > 0) {
                    actualTools.put(
                        t.monday() + " agent unknown " + t.tool(), (long) t.agentUnknownUsers());
                  }
                });
        assertThat(actualTools).as(where).isEqualTo(expectedTools);
        assertThat(toolFigures(rollup.scopeTools(range, ids)))
            .as(where + " (subtree totals)")
            .isEqualTo(expectedTools);
        if (root != null) {
          assertThat(
                  weekFigures(
                      rollup.scopesWeeks(range, List.of(root)).stream()
                          .map(
                              t ->
                                  new RollupQuery.WeekTotals(
                                      t.monday(),
                                      t.headcount(),
                                      t.aiUsers(),
                                      0,
                                      0,
                                      0,
                                      0,
                                      t.agentUsers()))
                          .toList()))
              .as(where + " (subtree totals of a team row)")
              .isEqualTo(headcountAndAiUsers(expectedWeeks));
        }

        assertThat(rollup.changesOutsideHeadcount(range, ids))
            .as(where + " changes outside headcount")
            .isEqualTo(Oracle.changesOutsideHeadcount(db, range, scope));
        assertThat(rollup.developersInHeadcount(range, ids))
            .as(where)
            .isEqualTo(Oracle.developersInHeadcount(db, range, scope));
        for (String tool : TOOLS) {
          assertThat(rollup.developersOfTool(tool, range, ids))
              .as(where + " " + tool)
              .isEqualTo(Oracle.developersOfTool(db, tool, range, scope));
        }
      }
    }
    for (int s = 0; s < scopes.size(); s++) {
      Set<Long> scope = scopes.get(s);
      ScopeIds ids =
          roots.get(s) == null ? ScopeIds.ORGANISATION : new ScopeIds(roots.get(s), scope);
      assertThat(monthFigures(rollup, ids))
          .as(what + ", months, scope " + scope)
          .isEqualTo(expectedMonths(db, scope));
    }
  }

  /** Every month the organisation's data can reach, before and after the generated weeks. */
  private static final YearMonth FIRST_MONTH = YearMonth.from(FIRST).minusMonths(2);

  private static final YearMonth LAST_MONTH = YearMonth.from(FIRST.plusWeeks(WEEKS)).plusMonths(2);

  /** The monthly rollup of the scope's teams, summed: "month tool" → [developers, weeks]. */
  private static Map<String, List<Integer>> monthFigures(RollupQuery rollup, ScopeIds scope) {
    Map<String, List<Integer>> figures = new TreeMap<>();
    for (RollupQuery.TeamMonth m : rollup.teamMonths(FIRST_MONTH, LAST_MONTH, scope)) {
      figures.merge(
          YearMonth.from(m.month()) + " " + (m.tool() == null ? "any" : m.tool()),
          List.of(m.developers(), m.weeks()),
          (a, b) -> List.of(a.get(0) + b.get(0), a.get(1) + b.get(1)));
    }
    return figures;
  }

  /**
   * The oracle of the monthly rollup, from the base tables: each usage week with an active day of a
   * developer in headcount that week (DESIGN §3.1), grouped in Java by the month of its Monday.
   */
  private static Map<String, List<Integer>> expectedMonths(DSLContext db, Set<Long> scope) {
    Map<String, Set<Long>> developers = new TreeMap<>();
    Map<String, Set<String>> weeks = new TreeMap<>();
    String teams =
        scope == null
            ? ""
            : " AND d.team_id IN ("
                + scope.stream().map(String::valueOf).collect(Collectors.joining(","))
                + ")";
    for (var row :
        db.fetch(
            "SELECT u.tool_key, u.developer_id, u.week_start FROM usage_week u"
                + " JOIN developer d ON d.id = u.developer_id"
                + " WHERE u.active_days >= 1 AND d.excluded = FALSE"
                + " AND d.started_on <= DATEADD(DAY, 6, u.week_start)"
                + " AND (d.left_on IS NULL OR d.left_on >= u.week_start)"
                + teams)) {
      String tool = row.get(0, String.class);
      long developer = row.get(1, Long.class);
      LocalDate week = row.get(2, LocalDate.class);
      YearMonth month = YearMonth.from(week);
      if (month.isBefore(FIRST_MONTH) || month.isAfter(LAST_MONTH)) {
        continue;
      }
      for (String key : List.of(month + " " + tool, month + " any")) {
        developers.computeIfAbsent(key, k -> new HashSet<>()).add(developer);
        weeks.computeIfAbsent(key, k -> new HashSet<>()).add(developer + "@" + week);
      }
    }
    Map<String, List<Integer>> figures = new TreeMap<>();
    developers.forEach((key, ids) -> figures.put(key, List.of(ids.size(), weeks.get(key).size())));
    return figures;
  }

  private static Map<LocalDate, List<Integer>> weekFigures(List<RollupQuery.WeekTotals> weeks) {
    Map<LocalDate, List<Integer>> figures = new TreeMap<>();
    weeks.forEach(
        w ->
            figures.put(
                w.monday(),
                List.of(
                    w.headcount(),
                    w.aiUsers(),
                    w.light(),
                    w.moderate(),
                    w.heavy(),
                    w.usageOutsideHeadcount(),
                    w.agentUsers())));
    return figures;
  }

  private static Map<LocalDate, List<Integer>> headcountAndAiUsers(
      Map<LocalDate, List<Integer>> weeks) {
    Map<LocalDate, List<Integer>> figures = new TreeMap<>();
    weeks.forEach((m, f) -> figures.put(m, List.of(f.get(0), f.get(1), 0, 0, 0, 0, f.get(6))));
    return figures;
  }

  private static Map<String, Long> toolFigures(List<RollupQuery.ToolWeek> tools) {
    Map<String, Long> figures = new TreeMap<>();
    tools.forEach(
        t -> {
          if (t.users() > 0) {
            figures.put(t.monday() + " users " + t.tool(), (long) t.users());
          }
          if (t.changes() > 0) {
            figures.put(t.monday() + " changes " + t.tool(), t.changes());
          }
          if (t.agentUsers() > 0) {
            figures.put(t.monday() + " agents " + t.tool(), (long) t.agentUsers());
          }
          if (t.agentUnknownUsers() > 0) {
            figures.put(t.monday() + " agent unknown " + t.tool(), (long) t.agentUnknownUsers());
          }
        });
    return figures;
  }

  private static WeekRange range(int from, int to) {
    return new WeekRange(
        IsoWeek.starting(FIRST.plusWeeks(from)), IsoWeek.starting(FIRST.plusWeeks(to)));
  }

  private static Set<Long> subtree(DSLContext db, long team) {
    Set<Long> ids = new HashSet<>(List.of(team));
    boolean grew = true;
    while (grew) {
      grew =
          ids.addAll(
              db.fetch(
                      "SELECT id FROM team WHERE parent_id IN ("
                          + ids.stream().map(String::valueOf).collect(Collectors.joining(","))
                          + ")")
                  .getValues(0, Long.class));
    }
    return ids;
  }

  /** Three top-level teams, two of them with two sub-teams; 12–30 developers; usage and changes. */
  private static List<Long> organisation(DSLContext db, Random random) {
    List<Long> teams = new ArrayList<>();
    for (int t = 0; t < 3; t++) {
      long top = team(db, "top-" + t, null);
      teams.add(top);
      if (t < 2) {
        teams.add(team(db, "sub-" + t + "-a", top));
        teams.add(team(db, "sub-" + t + "-b", top));
      }
    }
    // A leaver (mid-window, mid-week) and an excluded developer, both with changes every week.
    for (boolean excluded : List.of(false, true)) {
      long id =
          db.insertInto(DEVELOPER)
              .set(DEVELOPER.EMAIL, (excluded ? "excluded" : "leaver") + "@example.com")
              .set(DEVELOPER.NAME, excluded ? "Excluded" : "Leaver")
              .set(DEVELOPER.TEAM_ID, teams.get(random.nextInt(teams.size())))
              .set(DEVELOPER.STARTED_ON, FIRST.minusWeeks(10))
              .set(DEVELOPER.LEFT_ON, excluded ? null : FIRST.plusWeeks(WEEKS / 2).plusDays(2))
              .set(DEVELOPER.EXCLUDED, excluded)
              .returning(DEVELOPER.ID)
              .fetchOne(DEVELOPER.ID);
      for (int w = -2; w < WEEKS + 2; w++) {
        db.execute(
            "INSERT INTO change_count (developer_id, week_start, attribution, changes) VALUES (?,"
                + " ?, ?, ?)",
            id,
            FIRST.plusWeeks(w),
            w % 2 == 0 ? "none" : TOOLS.get(random.nextInt(TOOLS.size())),
            1 + random.nextInt(4));
      }
    }
    int developers = 12 + random.nextInt(19);
    for (int d = 0; d < developers; d++) {
      // Start and leave on any weekday around the window: joiners and leavers mid-week.
      LocalDate started = FIRST.plusDays(random.nextInt(WEEKS * 7 + 20) - 30);
      if (random.nextInt(8) == 0) {
        started = started.minusWeeks(300); // long before any usage: headcount-only weeks
      }
      LocalDate left = random.nextInt(3) == 0 ? started.plusDays(random.nextInt(WEEKS * 7)) : null;
      long id =
          db.insertInto(DEVELOPER)
              .set(DEVELOPER.EMAIL, "d" + d + "@example.com")
              .set(DEVELOPER.NAME, "D" + d)
              .set(DEVELOPER.TEAM_ID, teams.get(random.nextInt(teams.size())))
              .set(DEVELOPER.STARTED_ON, started)
              .set(DEVELOPER.LEFT_ON, left)
              .set(DEVELOPER.EXCLUDED, random.nextInt(10) == 0)
              .returning(DEVELOPER.ID)
              .fetchOne(DEVELOPER.ID);
      for (int w = -2; w < WEEKS + 2; w++) {
        LocalDate week = FIRST.plusWeeks(w);
        for (String tool : TOOLS) {
          if (random.nextInt(3) == 0) {
            // Usage even outside employment: it must never count, only be reported. Agent days:
            // unknown (the source cannot tell), none, or some of the active days.
            int days = random.nextInt(8);
            int kind = random.nextInt(3);
            db.execute(
                "INSERT INTO usage_week (developer_id, tool_key, week_start, source, active_days,"
                    + " agent_days) VALUES (?, ?, ?, 'test', ?, ?)",
                id,
                tool,
                week,
                days,
                kind == 0 ? null : kind == 1 ? 0 : random.nextInt(days + 1));
          }
        }
        if (random.nextInt(2) == 0) {
          db.execute(
              "INSERT INTO change_count (developer_id, week_start, attribution, changes) VALUES (?,"
                  + " ?, 'none', ?)",
              id,
              week,
              random.nextInt(4));
        }
        if (random.nextInt(3) == 0) {
          db.execute(
              "INSERT INTO change_count (developer_id, week_start, attribution, changes) VALUES (?,"
                  + " ?, ?, ?)",
              id,
              week,
              TOOLS.get(random.nextInt(TOOLS.size())),
              random.nextInt(5));
        }
      }
    }
    return teams;
  }

  private static long team(DSLContext db, String key, Long parent) {
    return db.insertInto(TEAM)
        .set(TEAM.TEAM_KEY, key)
        .set(TEAM.NAME, key)
        .set(TEAM.PARENT_ID, parent)
        .returning(TEAM.ID)
        .fetchOne(TEAM.ID);
  }

  private static DSLContext freshDatabase(long seed) {
    String url =
        "jdbc:h2:mem:rollup-property-" + seed + "-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1";
    Flyway.configure()
        .dataSource(url, "sa", "")
        .locations("classpath:db/migration")
        .load()
        .migrate();
    try {
      return DSL.using(
          java.sql.DriverManager.getConnection(url, "sa", ""),
          new Settings().withRenderQuotedNames(RenderQuotedNames.NEVER));
    } catch (java.sql.SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * The definitions of DESIGN §3.1/§3.3 straight on the base tables, as the screens read them
   * before the rollup.
   */
  static final class Oracle {

    private Oracle() {}

    private static String weeksTable(WeekRange range) {
      return range.weeks().stream()
          .map(w -> "(DATE '" + w.monday() + "', DATE '" + w.sunday() + "')")
          .collect(Collectors.joining(", ", "(VALUES ", ") w (monday, sunday)"));
    }

    private static String scope(Collection<Long> teams) {
      return teams == null
          ? "TRUE"
          : "d.team_id IN ("
              + teams.stream().map(String::valueOf).collect(Collectors.joining(","))
              + ")";
    }

    private static final String IN_HEADCOUNT =
        "d.started_on <= w.sunday AND (d.left_on IS NULL OR d.left_on >= w.monday) AND d.excluded = FALSE";

    static Map<LocalDate, List<Integer>> weeks(
        DSLContext db, WeekRange range, Collection<Long> teams) {
      Map<LocalDate, List<Integer>> result = new TreeMap<>();
      db.fetch(
              "SELECT w.monday, COUNT(*), COUNT(a.developer_id),"
                  + " SUM(CASE WHEN a.days = 1 THEN 1 ELSE 0 END),"
                  + " SUM(CASE WHEN a.days BETWEEN 2 AND 3 THEN 1 ELSE 0 END),"
                  + " SUM(CASE WHEN a.days >= 4 THEN 1 ELSE 0 END), COUNT(g.developer_id) FROM "
                  + weeksTable(range)
                  + " JOIN developer d ON "
                  + IN_HEADCOUNT
                  + " AND "
                  + scope(teams)
                  + " LEFT JOIN (SELECT developer_id, week_start, LEAST(SUM(active_days), 7) days"
                  + " FROM usage_week WHERE active_days >= 1 GROUP BY developer_id, week_start) a"
                  + " ON a.developer_id = d.id AND a.week_start = w.monday"
                  + " LEFT JOIN (SELECT developer_id, week_start FROM usage_week"
                  + " WHERE active_days >= 1 AND agent_days >= 1 GROUP BY developer_id, week_start) g"
                  + " ON g.developer_id = d.id AND g.week_start = w.monday GROUP BY w.monday")
          .forEach(
              r ->
                  result.put(
                      r.get(0, LocalDate.class),
                      new ArrayList<>(
                          List.of(
                              r.get(1, Integer.class),
                              r.get(2, Integer.class),
                              r.get(3, Integer.class),
                              r.get(4, Integer.class),
                              r.get(5, Integer.class),
                              0,
                              r.get(6, Integer.class)))));
      db.fetch(
              "SELECT w.monday, COUNT(*) FROM "
                  + weeksTable(range)
                  + " JOIN usage_week u ON u.week_start = w.monday AND u.active_days >= 1"
                  + " JOIN developer d ON d.id = u.developer_id AND "
                  + scope(teams)
                  + " WHERE NOT ("
                  + IN_HEADCOUNT
                  + ") GROUP BY w.monday")
          .forEach(
              r ->
                  result
                      .computeIfAbsent(
                          r.get(0, LocalDate.class),
                          m -> new ArrayList<>(List.of(0, 0, 0, 0, 0, 0, 0)))
                      .set(5, r.get(1, Integer.class)));
      return result;
    }

    static Map<String, Long> tools(DSLContext db, WeekRange range, Collection<Long> teams) {
      Map<String, Long> result = new TreeMap<>();
      db.fetch(
              "SELECT w.monday, u.tool_key, COUNT(DISTINCT d.id) FROM "
                  + weeksTable(range)
                  + " JOIN developer d ON "
                  + IN_HEADCOUNT
                  + " AND "
                  + scope(teams)
                  + " JOIN usage_week u ON u.developer_id = d.id AND u.week_start = w.monday AND"
                  + " u.active_days >= 1 GROUP BY w.monday, u.tool_key")
          .forEach(
              r ->
                  result.put(
                      r.get(0, LocalDate.class) + " users " + r.get(1, String.class),
                      r.get(2, Long.class)));
      db.fetch(
              "SELECT w.monday, u.tool_key, COUNT(DISTINCT d.id) FROM "
                  + weeksTable(range)
                  + " JOIN developer d ON "
                  + IN_HEADCOUNT
                  + " AND "
                  + scope(teams)
                  + " JOIN usage_week u ON u.developer_id = d.id AND u.week_start = w.monday AND"
                  + " u.active_days >= 1 AND u.agent_days >= 1 GROUP BY w.monday, u.tool_key")
          .forEach(
              r ->
                  result.put(
                      r.get(0, LocalDate.class) + " agents " + r.get(1, String.class),
                      r.get(2, Long.class)));
      db.fetch(
              "SELECT w.monday, u.tool_key, COUNT(DISTINCT d.id) FROM "
                  + weeksTable(range)
                  + " JOIN developer d ON "
                  + IN_HEADCOUNT
                  + " AND "
                  + scope(teams)
                  + " JOIN usage_week u ON u.developer_id = d.id AND u.week_start = w.monday AND"
                  + " u.active_days >= 1 AND u.agent_days IS NULL GROUP BY w.monday, u.tool_key")
          .forEach(
              r ->
                  result.put(
                      r.get(0, LocalDate.class) + " agent unknown " + r.get(1, String.class),
                      r.get(2, Long.class)));
      db.fetch(
              "SELECT w.monday, c.attribution, SUM(c.changes) FROM "
                  + weeksTable(range)
                  + " JOIN change_count c ON c.week_start = w.monday JOIN developer d ON d.id ="
                  + " c.developer_id AND "
                  + IN_HEADCOUNT
                  + " AND "
                  + scope(teams)
                  + " GROUP BY w.monday, c.attribution HAVING SUM(c.changes) > 0")
          .forEach(
              r ->
                  result.put(
                      r.get(0, LocalDate.class) + " changes " + r.get(1, String.class),
                      r.get(2, Long.class)));
      return result;
    }

    /** Changes of the scope's developers in weeks of the range they were not in headcount. */
    static long changesOutsideHeadcount(DSLContext db, WeekRange range, Collection<Long> teams) {
      return db.fetchOne(
              "SELECT COALESCE(SUM(c.changes), 0) FROM "
                  + weeksTable(range)
                  + " JOIN change_count c ON c.week_start = w.monday JOIN developer d ON d.id ="
                  + " c.developer_id AND "
                  + scope(teams)
                  + " WHERE NOT ("
                  + IN_HEADCOUNT
                  + ")")
          .get(0, Long.class);
    }

    static int developersInHeadcount(DSLContext db, WeekRange range, Collection<Long> teams) {
      return db.fetchOne(
              "SELECT COUNT(DISTINCT d.id) FROM "
                  + weeksTable(range)
                  + " JOIN developer d ON "
                  + IN_HEADCOUNT
                  + " AND "
                  + scope(teams))
          .get(0, Integer.class);
    }

    static int developersOfTool(
        DSLContext db, String tool, WeekRange range, Collection<Long> teams) {
      return db.fetchOne(
              "SELECT COUNT(DISTINCT developer_id) FROM (SELECT u.developer_id FROM usage_week u JOIN"
                  + " developer d ON d.id = u.developer_id WHERE u.active_days >= 1 AND u.tool_key = ?"
                  + " AND u.week_start BETWEEN ? AND ? AND "
                  + scope(teams)
                  + " UNION SELECT c.developer_id FROM change_count c JOIN developer d ON d.id ="
                  + " c.developer_id WHERE c.attribution = ? AND c.changes > 0 AND c.week_start BETWEEN"
                  + " ? AND ? AND "
                  + scope(teams)
                  + ") p",
              tool,
              range.from().monday(),
              range.to().monday(),
              tool,
              range.from().monday(),
              range.to().monday())
          .get(0, Integer.class);
    }
  }
}

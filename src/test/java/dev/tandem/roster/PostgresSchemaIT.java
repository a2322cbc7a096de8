package dev.tandem.roster;

import static dev.tandem.db.Tables.DEVELOPER;
import static dev.tandem.db.Tables.TEAM;
import static dev.tandem.db.Tables.TOOL;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tandem.base.IsoWeek;
import dev.tandem.base.WeekRange;
import dev.tandem.rollup.RollupQuery;
import dev.tandem.rollup.RollupRepository;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.conf.RenderQuotedNames;
import org.jooq.conf.Settings;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The migrations and a representative jOOQ query run on a real PostgreSQL server, not only on H2.
 */
class PostgresSchemaIT {

  private static EmbeddedPostgres postgres;
  private static DSLContext db;

  @BeforeAll
  static void startPostgres() throws Exception {
    postgres = EmbeddedPostgres.builder().start();
    DataSource dataSource = postgres.getPostgresDatabase();
    Flyway.configure().dataSource(dataSource).locations("filesystem:db/migration").load().migrate();
    db =
        DSL.using(
            dataSource,
            SQLDialect.POSTGRES,
            new Settings().withRenderQuotedNames(RenderQuotedNames.NEVER));
  }

  @AfterAll
  static void stopPostgres() throws Exception {
    postgres.close();
  }

  @Test
  void migrations_create_the_five_well_known_tools_on_postgres() {
    assertThat(db.select(TOOL.TOOL_KEY).from(TOOL).orderBy(TOOL.TOOL_KEY).fetch(TOOL.TOOL_KEY))
        .containsExactly("claude-code", "copilot", "cursor", "kiro", "q-developer");
    assertThat(db.fetchValue("select current_setting('server_version_num')::int / 10000"))
        .isEqualTo(17);
  }

  @Test
  void weekly_headcount_query_runs_on_postgres_with_hand_worked_numbers() {
    long team =
        db.insertInto(TEAM)
            .set(TEAM.TEAM_KEY, "pg-team")
            .set(TEAM.NAME, "PG")
            .returning(TEAM.ID)
            .fetchOne(TEAM.ID);
    // Week 2026-W02 is Mon 5 Jan – Sun 11 Jan 2026.
    insert(team, "a@example.com", LocalDate.of(2025, 1, 1), null, false); // counted in both weeks
    insert(
        team,
        "b@example.com",
        LocalDate.of(2026, 1, 11),
        null,
        false); // joins on W02's Sunday: counted in W02 only
    insert(
        team,
        "c@example.com",
        LocalDate.of(2025, 1, 1),
        LocalDate.of(2026, 1, 5),
        false); // leaves W02's Monday
    insert(team, "d@example.com", LocalDate.of(2025, 1, 1), null, true); // excluded: never counted

    List<WeeklyCount> counts =
        new HeadcountQuery(rollupBuiltOn(db))
            .weeklyHeadcount(
                new WeekRange(IsoWeek.parse("2026-W01"), IsoWeek.parse("2026-W03")),
                new dev.tandem.rollup.ScopeIds(team, Set.of(team)));

    assertThat(counts).extracting(WeeklyCount::count).containsExactly(2, 3, 2);
  }

  /** The rollup, built on PostgreSQL with the same definition that maintains it. */
  private static RollupQuery rollupBuiltOn(org.jooq.DSLContext db) {
    RollupRepository.on(db).rebuild(LocalDate.of(2027, 1, 4));
    return RollupQuery.on(db);
  }

  private static void insert(
      long team, String email, LocalDate started, LocalDate left, boolean excluded) {
    db.insertInto(DEVELOPER)
        .set(DEVELOPER.EMAIL, email)
        .set(DEVELOPER.NAME, email)
        .set(DEVELOPER.TEAM_ID, team)
        .set(DEVELOPER.STARTED_ON, started)
        .set(DEVELOPER.LEFT_ON, left)
        .set(DEVELOPER.EXCLUDED, excluded)
        .execute();
  }
}

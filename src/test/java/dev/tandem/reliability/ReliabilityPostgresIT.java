package dev.tandem.reliability;

import static dev.tandem.db.Tables.CHANGE_COUNT;
import static dev.tandem.db.Tables.DEVELOPER;
import static dev.tandem.db.Tables.INCIDENT;
import static dev.tandem.db.Tables.TEAM;
import static dev.tandem.db.Tables.USAGE_WEEK;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tandem.base.AiInvolvement;
import dev.tandem.base.IsoWeek;
import dev.tandem.base.RootCause;
import dev.tandem.base.Severity;
import dev.tandem.base.WeekRange;
import dev.tandem.rollup.RollupQuery;
import dev.tandem.rollup.RollupRepository;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
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

/** The reliability queries on a real PostgreSQL server, with numbers worked by hand. */
class ReliabilityPostgresIT {

  private static EmbeddedPostgres postgres;
  private static DSLContext db;
  private static long team;

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
    team =
        db.insertInto(TEAM)
            .set(TEAM.TEAM_KEY, "pg")
            .set(TEAM.NAME, "PG")
            .returning(TEAM.ID)
            .fetchOne(TEAM.ID);
    long a = developer(LocalDate.of(2025, 1, 1));
    long b = developer(LocalDate.of(2026, 1, 11)); // joins on W02's Sunday
    usage(a, "cursor", "2026-W01", 2);
    usage(a, "cursor", "2026-W02", 1);
    usage(b, "copilot", "2026-W02", 0); // a seat without use
    changes(a, "2026-W01", "cursor", 7);
    changes(a, "2026-W02", "none", 3);
    long excluded = developer(LocalDate.of(2025, 1, 1));
    db.update(DEVELOPER).set(DEVELOPER.EXCLUDED, true).where(DEVELOPER.ID.eq(excluded)).execute();
    changes(excluded, "2026-W02", "none", 5); // never counts: only reported
    incident("none", null, "2026-01-05T00:00:00Z", "2026-01-05T02:00:00Z", "process", false);
    incident("agent", "cursor", "2026-01-11T23:59:00Z", null, "ai-error", true);
    incident("unknown", null, "2026-01-12T00:00:00Z", null, null, null); // W03, outside
  }

  @AfterAll
  static void stopPostgres() throws Exception {
    postgres.close();
  }

  @Test
  void weekly_incidents_exposure_and_headcount_as_worked_by_hand() {
    List<WeekBounds> weeks =
        WeekBounds.of(
            new WeekRange(IsoWeek.parse("2026-W01"), IsoWeek.parse("2026-W02")), ZoneId.of("UTC"));
    // The rollup is built on PostgreSQL with the same definition that maintains it.
    RollupRepository.on(db).rebuild(LocalDate.of(2027, 1, 4));
    ReliabilityQuery query = new ReliabilityQuery(db, RollupQuery.on(db));
    dev.tandem.rollup.ScopeIds scope = new dev.tandem.rollup.ScopeIds(team, Set.of(team));

    assertThat(query.incidentsByWeek(weeks, scope))
        .extracting(c -> c.monday() + " " + c.involvement() + " " + c.tool() + " " + c.incidents())
        .containsExactlyInAnyOrder("2026-01-05 none null 1", "2026-01-05 agent cursor 1");
    assertThat(query.changesByWeek(weeks, scope))
        .extracting(c -> c.monday() + " " + c.attribution() + " " + c.changes())
        .containsExactlyInAnyOrder("2025-12-29 cursor 7", "2026-01-05 none 3");
    assertThat(query.changesOutsideHeadcount(weeks, scope)).isEqualTo(5);
    assertThat(query.changesOutsideHeadcount(weeks, dev.tandem.rollup.ScopeIds.ORGANISATION))
        .isEqualTo(5);
    assertThat(query.headcountByWeek(weeks, scope))
        .extracting(h -> h.monday() + " " + h.headcount() + " " + h.aiUsers())
        .containsExactlyInAnyOrder("2025-12-29 1 1", "2026-01-05 2 1");
    assertThat(query.toolUsersByWeek(weeks, scope))
        .extracting(u -> u.monday() + " " + u.tool() + " " + u.users())
        .containsExactlyInAnyOrder("2025-12-29 cursor 1", "2026-01-05 cursor 1");
    assertThat(query.restores(weeks, dev.tandem.rollup.ScopeIds.ORGANISATION)).hasSize(1);
    assertThat(query.causesAndSafeguards(weeks, scope))
        .extracting(
            c ->
                c.involvement()
                    + " "
                    + c.rootCause()
                    + " "
                    + c.incidents()
                    + " "
                    + c.notPeerReviewed())
        .containsExactlyInAnyOrder("none process 1 1", "agent ai-error 1 0");
  }

  @Test
  void per_team_figures_for_the_comparison_within_teams_as_worked_by_hand() {
    List<WeekBounds> weeks =
        WeekBounds.of(
            new WeekRange(IsoWeek.parse("2026-W01"), IsoWeek.parse("2026-W02")), ZoneId.of("UTC"));
    RollupRepository.on(db).rebuild(LocalDate.of(2027, 1, 4));
    ReliabilityQuery query = new ReliabilityQuery(db, RollupQuery.on(db));
    dev.tandem.rollup.ScopeIds scope = new dev.tandem.rollup.ScopeIds(team, Set.of(team));

    assertThat(query.incidentsByTeam(weeks, scope))
        .extracting(c -> c.teamId() + " " + c.involvement() + " " + c.tool() + " " + c.incidents())
        .containsExactlyInAnyOrder(team + " none null 1", team + " agent cursor 1");
    // W01: a (cursor); W02: a (cursor) and b (a seat without use): 3 developer-weeks, 2 with AI.
    assertThat(query.teamTotals(weeks, scope))
        .extracting(
            t ->
                t.teamId()
                    + " "
                    + t.developerWeeks()
                    + " "
                    + t.aiUserWeeks()
                    + " "
                    + t.largestWeek())
        .containsExactly(team + " 3 2 2");
    assertThat(query.teamToolTotals(weeks, scope))
        .filteredOn(t -> t.userWeeks() > 0 || t.changes() > 0)
        .extracting(t -> t.teamId() + " " + t.tool() + " " + t.userWeeks() + " " + t.changes())
        .containsExactlyInAnyOrder(team + " cursor 2 7", team + " none 0 3");
  }

  @Test
  void incident_search_filters_and_sorts_on_postgres() {
    IncidentRepository incidents = new IncidentRepository(db);
    IncidentRepository.Criteria all =
        new IncidentRepository.Criteria(
            IncidentFilter.all(), new dev.tandem.rollup.ScopeIds(team, Set.of(team)), null, null);
    assertThat(incidents.count(all)).isEqualTo(3);
    assertThat(incidents.search(all, List.of(new IncidentSort("tool", true)), 0, 10))
        .extracting(Incident::tool)
        .first()
        .isNull(); // nulls first when ascending
    IncidentRepository.Criteria text =
        new IncidentRepository.Criteria(
            new IncidentFilter(
                "CHECKOUT",
                Set.of(Severity.SEV2),
                Set.of(AiInvolvement.AGENT),
                "cursor",
                dev.tandem.base.Scope.ORGANISATION,
                null,
                null,
                null),
            dev.tandem.rollup.ScopeIds.ORGANISATION,
            null,
            null);
    assertThat(incidents.count(text)).isEqualTo(1);
  }

  private static long developer(LocalDate started) {
    return db.insertInto(DEVELOPER)
        .set(DEVELOPER.EMAIL, "d" + System.nanoTime() + "@example.com")
        .set(DEVELOPER.NAME, "D")
        .set(DEVELOPER.TEAM_ID, team)
        .set(DEVELOPER.STARTED_ON, started)
        .returning(DEVELOPER.ID)
        .fetchOne(DEVELOPER.ID);
  }

  private static void usage(long developer, String tool, String week, int days) {
    db.insertInto(USAGE_WEEK)
        .set(USAGE_WEEK.DEVELOPER_ID, developer)
        .set(USAGE_WEEK.TOOL_KEY, tool)
        .set(USAGE_WEEK.WEEK_START, IsoWeek.parse(week).monday())
        .set(USAGE_WEEK.SOURCE, "test")
        .set(USAGE_WEEK.ACTIVE_DAYS, (short) days)
        .execute();
  }

  private static void changes(long developer, String week, String attribution, int n) {
    db.insertInto(CHANGE_COUNT)
        .set(CHANGE_COUNT.DEVELOPER_ID, developer)
        .set(CHANGE_COUNT.WEEK_START, IsoWeek.parse(week).monday())
        .set(CHANGE_COUNT.ATTRIBUTION, attribution)
        .set(CHANGE_COUNT.CHANGES, n)
        .execute();
  }

  private static void incident(
      String involvement,
      String tool,
      String started,
      String resolved,
      String cause,
      Boolean peer) {
    db.insertInto(INCIDENT)
        .set(INCIDENT.EXTERNAL_ID, "PG-" + System.nanoTime())
        .set(INCIDENT.SOURCE, "test")
        .set(INCIDENT.TITLE, "Checkout down")
        .set(INCIDENT.SEVERITY, Severity.SEV2)
        .set(INCIDENT.STARTED_AT, OffsetDateTime.parse(started))
        .set(INCIDENT.RESOLVED_AT, resolved == null ? null : OffsetDateTime.parse(resolved))
        .set(INCIDENT.TEAM_ID, team)
        .set(INCIDENT.AI_INVOLVEMENT, AiInvolvement.parse(involvement))
        .set(INCIDENT.TOOL_KEY, tool)
        .set(INCIDENT.ROOT_CAUSE, cause == null ? null : RootCause.parse(cause))
        .set(INCIDENT.PEER_REVIEWED, peer)
        .set(INCIDENT.UPDATED_AT, OffsetDateTime.parse(started))
        .execute();
  }
}

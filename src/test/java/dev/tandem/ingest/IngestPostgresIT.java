package dev.tandem.ingest;

import static dev.tandem.db.Tables.DEVELOPER;
import static dev.tandem.db.Tables.INCIDENT;
import static dev.tandem.db.Tables.UNMATCHED_ROW;
import static dev.tandem.db.Tables.USAGE_DAY;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tandem.ingest.IngestFixtures.Week;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The whole import pipeline (staging, MERGE upserts, held rows, undo, incident upserts) with Spring
 * pointed at a real PostgreSQL 17 server instead of H2.
 */
@SpringBootTest
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class IngestPostgresIT {

  private static final EmbeddedPostgres POSTGRES = start();

  @Autowired ImportService imports;
  @Autowired DSLContext db;
  @Autowired StagingRepository staging;
  IngestFixtures fx;

  @DynamicPropertySource
  static void postgres(DynamicPropertyRegistry registry) {
    registry.add("spring.datasource.url", () -> POSTGRES.getJdbcUrl("postgres", "postgres"));
    registry.add("spring.datasource.username", () -> "postgres");
    registry.add("spring.datasource.password", () -> "");
  }

  @AfterAll
  static void stop() throws IOException {
    POSTGRES.close();
  }

  @BeforeEach
  void setUp() {
    IngestFixtures.signInAsAdmin();
    fx = new IngestFixtures(imports, db);
  }

  @AfterEach
  void tearDown() {
    SecurityContextHolder.clearContext();
  }

  @Test
  void imports_reimports_mapping_and_undo_give_the_same_totals_as_on_h2() {
    assertThat(db.fetchValue("select current_setting('server_version_num')::int / 10000"))
        .isEqualTo(17);
    fx.roster();
    assertThat(fx.importFile("identity-map.csv", "identity-map-csv").errors()).isEmpty();

    ImportResult usage = fx.importFile("usage.csv", "tandem-usage-csv");
    assertThat(usage.outcome()).isEqualTo("applied");
    assertThat(usage.rowsUnmatched()).isEqualTo(1);
    assertThat(fx.week("ana.silva@example.com", "copilot", "2026-W47"))
        .isEqualTo(new Week("tandem-usage-csv", 5, 130L, 410L));
    List<Long> once = fx.usageTotals();
    fx.importFile("usage.csv", "tandem-usage-csv");
    assertThat(fx.usageTotals()).isEqualTo(once).isEqualTo(List.of(4L, 12L, 193L));

    ImportResult dryRun =
        fx.importText(
            "week,email,tool,active_days\n2026-W48,ana.silva@example.com,kiro,6\n",
            "tandem-usage-csv",
            ImportMode.ALL_OR_NOTHING,
            true);
    assertThat(dryRun.rowsApplied()).isEqualTo(1);
    assertThat(fx.usageTotals()).isEqualTo(once);

    // A daily source rolled up to the week replaces the weekly row; undo brings it back.
    ImportResult copilot =
        fx.importFile("copilot-users-1-day.ndjson", "copilot-user-metrics-ndjson");
    assertThat(fx.week("ana.silva@example.com", "copilot", "2026-W47"))
        .isEqualTo(new Week("copilot-user-metrics-ndjson", 2, 7L, 54L));
    imports.undo(copilot.batchId());
    assertThat(fx.week("ana.silva@example.com", "copilot", "2026-W47"))
        .isEqualTo(new Week("tandem-usage-csv", 5, 130L, 410L));
    assertThat(fx.usageTotals()).isEqualTo(once);

    ImportResult changes = fx.importFile("changes.csv", "tandem-changes-csv");
    assertThat(changes.errors()).isEmpty();
    assertThat(fx.changes("ana.silva@example.com", "2026-W47", "none")).isEqualTo(2);
    assertThat(fx.changes("ana.silva@example.com", "2026-W47", "kiro")).isEqualTo(3);
    fx.importFile("changes.csv", "tandem-changes-csv");
    assertThat(fx.changes("ana.silva@example.com", "2026-W47", "kiro")).isEqualTo(3);

    long omar =
        db.select(DEVELOPER.ID)
            .from(DEVELOPER)
            .where(DEVELOPER.EMAIL.eq("omar.haddad@example.com"))
            .fetchOne(DEVELOPER.ID);
    int applied = imports.mapIdentity("tandem", "ghost@example.com", omar);
    assertThat(applied).isEqualTo(2); // held once by each of the two usage.csv batches
    assertThat(fx.week("omar.haddad@example.com", "copilot", "2026-W47"))
        .isEqualTo(new Week("tandem-usage-csv", 2, 10L, 5L));
    assertThat(db.fetchCount(UNMATCHED_ROW)).isZero();
  }

  @Test
  void the_stage_statistics_count_a_batch_as_soon_as_it_is_staged() {
    try {
      // Statistics gathered while the stage held an earlier batch, as after any earlier import.
      stageRows(900_001L, 4_000);
      db.query("analyze import_stage").execute();
      db.query("delete from import_stage where batch_id = 900001").execute();
      stageRows(900_002L, 4_000);
      assertThat(estimatedRowsOfBatch(900_002L)).isLessThan(400);

      staging.refreshStatistics();

      assertThat(estimatedRowsOfBatch(900_002L)).isBetween(3_000L, 5_000L);
    } finally {
      db.query("delete from import_stage where batch_id in (900001, 900002)").execute();
    }
  }

  @Test
  void an_import_refreshes_the_stage_statistics_before_it_checks_and_merges() {
    fx.roster();
    long before = stageAnalyses();

    ImportResult usage = fx.importFile("usage.csv", "tandem-usage-csv");

    try {
      assertThat(usage.outcome()).isEqualTo("applied");
      assertThat(stageAnalyses()).isEqualTo(before + 1);
    } finally {
      imports.undo(usage.batchId()); // the other tests count held rows from a clean start
    }
  }

  private void stageRows(long batchId, int rows) {
    db.query(
            "insert into import_stage (batch_id, line_no, row_kind, external_id, tool_key,"
                + " week_start, week_end, changes) select ?, g, 'changes', 'dev' || g, 'none',"
                + " date '2026-11-16', date '2026-11-23', 1 from generate_series(1, ?) g",
            batchId,
            rows)
        .execute();
  }

  private long estimatedRowsOfBatch(long batchId) {
    String plan =
        String.join(
            "\n",
            db.fetch("explain select * from import_stage where batch_id = " + batchId)
                .getValues(0, String.class));
    java.util.regex.Matcher rows = java.util.regex.Pattern.compile("rows=(\\d+)").matcher(plan);
    assertThat(rows.find()).as(plan).isTrue();
    return Long.parseLong(rows.group(1));
  }

  private long stageAnalyses() {
    return db.fetch("select analyze_count from pg_stat_user_tables where relname = 'import_stage'")
        .get(0)
        .get(0, Long.class);
  }

  @Test
  void rows_staged_through_copy_keep_quotes_commas_and_line_breaks_of_an_identity_exactly() {
    fx.roster();
    String login = "o\"brien,\\N\nx";
    String line =
        "{\"day\":\"2026-11-16\",\"user_id\":7,\"user_login\":"
            + com.fasterxml.jackson.databind.node.TextNode.valueOf(login)
            + ",\"user_initiated_interaction_count\":3,\"code_generation_activity_count\":1,"
            + "\"code_acceptance_activity_count\":1,\"loc_suggested_to_add_sum\":2,"
            + "\"loc_added_sum\":2,\"loc_deleted_sum\":0,\"used_agent\":false,"
            + "\"used_chat\":true,\"used_cli\":false}\n";

    ImportResult held = fx.importText(line, "copilot-user-metrics-ndjson");

    assertThat(held.outcome()).isEqualTo("applied");
    assertThat(held.rowsUnmatched()).isEqualTo(1);
    assertThat(
            db.select(UNMATCHED_ROW.EXTERNAL_ID, UNMATCHED_ROW.INTERACTIONS)
                .from(UNMATCHED_ROW)
                .fetchOne())
        .satisfies(
            r -> {
              assertThat(r.value1()).isEqualTo(login);
              assertThat(r.value2()).isEqualTo(3L);
            });
    imports.undo(held.batchId());
    assertThat(db.fetchCount(UNMATCHED_ROW)).isZero();
  }

  @Test
  void incident_upserts_run_on_postgres_and_a_reimport_updates_in_place() {
    fx.roster();
    assertThat(fx.importFile("incidents.csv", "tandem-incidents-csv").errors()).isEmpty();
    assertThat(fx.importFile("pagerduty-incidents.json", "pagerduty-incidents-json").errors())
        .isEmpty();
    int incidents = db.fetchCount(INCIDENT);
    assertThat(incidents).isPositive();
    ImportResult again = fx.importFile("pagerduty-incidents.json", "pagerduty-incidents-json");
    assertThat(again.outcome()).isEqualTo("applied");
    assertThat(db.fetchCount(INCIDENT)).isEqualTo(incidents);
  }

  @Test
  void kiro_client_files_add_up_and_undo_in_either_order_back_to_the_weekly_row_on_postgres() {
    fx.roster();
    assertThat(fx.importFile("identity-map.csv", "identity-map-csv").errors()).isEmpty();
    String ana = "ana.silva@example.com";
    Week before = fx.week(ana, "kiro", "2026-W47");
    ImportResult weekly =
        fx.importText(
            "week,email,tool,active_days,interactions,accepted_lines,agent_days\n"
                + "2026-W47,ana.silva@example.com,kiro,3,41,220,1\n",
            "tandem-usage-csv");
    assertThat(weekly.errors()).isEmpty();
    ImportResult cli = fx.importFile("kiro/KIRO_CLI_2026-11-17_user_report.csv", KIRO);
    ImportResult ide = fx.importFile("kiro/KIRO_IDE_2026-11-17_user_report.csv", KIRO);

    // CLI 131 (17th) + 12 (18th), IDE 4 (17th): two days, both agent days.
    assertThat(fx.week(ana, "kiro", "2026-W47")).isEqualTo(new Week(KIRO, 2, 147L, null));
    assertThat(fx.agentDays(ana, "kiro", "2026-W47")).isEqualTo((short) 2);
    imports.undo(cli.batchId());
    assertThat(fx.week(ana, "kiro", "2026-W47")).isEqualTo(new Week(KIRO, 1, 4L, null));
    assertThat(fx.agentDays(ana, "kiro", "2026-W47")).isEqualTo((short) 1);
    imports.undo(ide.batchId());
    assertThat(fx.week(ana, "kiro", "2026-W47"))
        .isEqualTo(new Week("tandem-usage-csv", 3, 41L, 220L));
    assertThat(fx.agentDays(ana, "kiro", "2026-W47")).isEqualTo((short) 1);
    imports.undo(weekly.batchId());
    assertThat(fx.week(ana, "kiro", "2026-W47")).isEqualTo(before);
  }

  @Test
  void acceptance_counts_go_through_copy_held_rows_and_undo_on_postgres() {
    fx.roster();
    assertThat(fx.importFile("identity-map.csv", "identity-map-csv").errors()).isEmpty();
    String ana = "ana.silva@example.com";
    // Ana's 16th: 80 lines suggested, 54 accepted; 17th: 0 and 0. lwei is held until mapped.
    ImportResult first = fx.importFile("copilot-users-1-day.ndjson", "copilot-user-metrics-ndjson");
    assertThat(first.rowsUnmatched()).isEqualTo(1);
    assertThat(acceptance(ana, "copilot")).containsExactly(List.of(80L, 54L), List.of(0L, 0L));

    ImportResult again =
        fx.importText(
            "{\"day\":\"2026-11-16\",\"user_login\":\"asilva\","
                + "\"user_initiated_interaction_count\":1,\"loc_suggested_to_add_sum\":30,"
                + "\"loc_added_sum\":10}\n",
            "copilot-user-metrics-ndjson");
    assertThat(acceptance(ana, "copilot")).containsExactly(List.of(30L, 10L), List.of(0L, 0L));
    imports.undo(again.batchId());
    assertThat(acceptance(ana, "copilot")).containsExactly(List.of(80L, 54L), List.of(0L, 0L));

    fx.importText(
        "source,external_id,email\ncopilot,lwei,li.wei@example.com\n", "identity-map-csv");
    assertThat(acceptance("li.wei@example.com", "copilot")).containsExactly(List.of(0L, 0L));

    // Claude Code: 12 + 1 and 2 + 0 tool actions: 15 suggested, 14 accepted.
    fx.importFile("claude-code-usage.json", "claude-code-usage-json");
    assertThat(acceptance("li.wei@example.com", "claude-code")).containsExactly(List.of(15L, 14L));
  }

  /** [suggested, accepted] of each day of one developer and tool, by day. */
  private List<List<Long>> acceptance(String email, String tool) {
    return db.select(USAGE_DAY.SUGGESTED, USAGE_DAY.ACCEPTED)
        .from(USAGE_DAY)
        .join(DEVELOPER)
        .on(DEVELOPER.ID.eq(USAGE_DAY.DEVELOPER_ID))
        .where(DEVELOPER.EMAIL.eq(email))
        .and(USAGE_DAY.TOOL_KEY.eq(tool))
        .orderBy(USAGE_DAY.USAGE_DATE, USAGE_DAY.PART)
        .fetch(r -> java.util.Arrays.asList(r.value1(), r.value2()));
  }

  private static final String KIRO = "kiro-user-report-csv";

  private static EmbeddedPostgres start() {
    try {
      return EmbeddedPostgres.builder().start();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

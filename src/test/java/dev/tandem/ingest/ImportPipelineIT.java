package dev.tandem.ingest;

import static dev.tandem.db.Tables.CHANGE_COUNT;
import static dev.tandem.db.Tables.DEVELOPER;
import static dev.tandem.db.Tables.IMPORT_STAGE;
import static dev.tandem.db.Tables.TEAM;
import static dev.tandem.db.Tables.UNMATCHED_ROW;
import static dev.tandem.db.Tables.USAGE_WEEK;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tandem.ResetTables;
import dev.tandem.base.ValidationException;
import dev.tandem.ingest.IngestFixtures.Week;
import dev.tandem.ingest.format.ImportError;
import java.util.List;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.core.context.SecurityContextHolder;

/** The import pipeline against the real H2 schema: DESIGN §4 and the "done when". */
@SpringBootTest
@ResetTables
class ImportPipelineIT {

  @Autowired ImportService imports;
  @Autowired DSLContext db;
  IngestFixtures fx;

  @BeforeEach
  void setUp() {
    IngestFixtures.signInAsAdmin();
    fx = new IngestFixtures(imports, db);
    fx.roster();
  }

  @AfterEach
  void tearDown() {
    SecurityContextHolder.clearContext();
  }

  @Test
  void the_roster_import_creates_the_team_tree_and_the_developers() {
    assertThat(db.fetchCount(DEVELOPER)).isEqualTo(5);
    assertThat(db.select(TEAM.TEAM_KEY).from(TEAM).orderBy(TEAM.TEAM_KEY).fetch(TEAM.TEAM_KEY))
        .containsExactly("checkout", "commerce", "engineering", "payments", "platform");
    assertThat(
            db.select(DEVELOPER.EXCLUDED)
                .from(DEVELOPER)
                .where(DEVELOPER.EMAIL.eq("sam.okafor@example.com"))
                .fetchOne(DEVELOPER.EXCLUDED))
        .isTrue();
  }

  @Test
  void weekly_usage_lands_per_developer_tool_and_week_and_unknown_emails_are_held() {
    ImportResult r = fx.importFile("usage.csv", "tandem-usage-csv");

    assertThat(r.outcome()).isEqualTo("applied");
    assertThat(r.rowsRead()).isEqualTo(5);
    assertThat(r.rowsApplied()).isEqualTo(4);
    assertThat(r.rowsUnmatched()).isEqualTo(1);
    assertThat(fx.week("ana.silva@example.com", "copilot", "2026-W47"))
        .isEqualTo(new Week("tandem-usage-csv", 5, 130L, 410L));
    assertThat(fx.week("li.wei@example.com", "cursor", "2026-W47"))
        .isEqualTo(new Week("tandem-usage-csv", 0, null, null));
    assertThat(imports.unmatchedIdentities())
        .extracting(
            UnmatchedIdentity::source, UnmatchedIdentity::externalId, UnmatchedIdentity::rows)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("tandem", "ghost@example.com", 1));
    assertThat(db.fetchCount(IMPORT_STAGE)).isZero();
  }

  @Test
  void the_same_file_twice_gives_the_same_totals() {
    fx.importFile("usage.csv", "tandem-usage-csv");
    List<Long> once = fx.usageTotals();
    ImportResult again = fx.importFile("usage.csv", "tandem-usage-csv");

    assertThat(again.outcome()).isEqualTo("applied");
    assertThat(fx.usageTotals()).isEqualTo(once).isEqualTo(List.of(4L, 12L, 193L));
    assertThat(db.fetchCount(UNMATCHED_ROW))
        .isEqualTo(2); // held once per batch, shown per identity
    assertThat(imports.unmatchedIdentities().get(0).rows()).isEqualTo(2);
  }

  @Test
  void a_file_with_one_bad_row_deep_inside_applies_nothing_and_names_that_line() {
    fx.importFile("usage.csv", "tandem-usage-csv");
    List<Long> before = fx.usageTotals();
    StringBuilder csv = new StringBuilder("week,email,tool,active_days\n");
    for (int i = 0; i < 3000; i++) {
      String week = (2014 + i / 250) + "-W" + String.format("%02d", 1 + i % 50);
      String tool =
          List.of("copilot", "kiro", "cursor", "claude-code", "q-developer").get(i / 50 % 5);
      csv.append(week).append(",omar.haddad@example.com,").append(tool).append(',');
      csv.append(i == 2345 ? "eight" : String.valueOf(i % 8)).append('\n');
    }
    ImportResult r = fx.importText(csv.toString(), "tandem-usage-csv");

    assertThat(r.outcome()).isEqualTo("refused");
    assertThat(r.rowsApplied()).isZero();
    assertThat(r.errors())
        .containsExactly(
            new ImportError(2347, "active_days", "'eight' is not a whole number of 0 or more"));
    assertThat(fx.usageTotals()).isEqualTo(before);
    assertThat(imports.batches(1).get(0).outcome()).isEqualTo("refused");
  }

  @Test
  void skip_invalid_applies_exactly_the_valid_rows_and_returns_the_rejected_ones() {
    String csv =
        """
        week,email,tool,active_days,interactions
        2026-W47,ana.silva@example.com,copilot,5,10
        2026-W47,ana.silva@example.com,copilt,5,10
        2026-W47,li.wei@example.com,kiro,9,1
        2026-W47,li.wei@example.com,copilot,-1,1
        2026-W48,li.wei@example.com,copilot,2,x
        2026-W47,omar.haddad@example.com,cursor,3,4
        2026-W47,ana.silva@example.com,copilot,1,1
        """;
    ImportResult refused = fx.importText(csv, "tandem-usage-csv");
    assertThat(refused.outcome()).isEqualTo("refused");
    assertThat(db.fetchCount(USAGE_WEEK)).isZero();

    ImportResult r = fx.importText(csv, "tandem-usage-csv", ImportMode.SKIP_INVALID, false);

    assertThat(r.outcome()).isEqualTo("partially-applied");
    assertThat(r.rowsRead()).isEqualTo(7);
    assertThat(r.rowsRejected()).isEqualTo(5);
    assertThat(r.rowsApplied()).isEqualTo(2);
    assertThat(r.errors())
        .extracting(ImportError::line, ImportError::field)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(3L, "tool"),
            org.assertj.core.groups.Tuple.tuple(4L, "active_days"),
            org.assertj.core.groups.Tuple.tuple(5L, "active_days"),
            org.assertj.core.groups.Tuple.tuple(6L, "interactions"),
            org.assertj.core.groups.Tuple.tuple(8L, "key"));
    assertThat(r.errors().get(4).message()).contains("repeats line 2");
    assertThat(fx.usageTotals()).isEqualTo(List.of(2L, 8L, 14L));
    assertThat(fx.week("ana.silva@example.com", "copilot", "2026-W47").activeDays()).isEqualTo(5);
  }

  @Test
  void undo_restores_the_previous_totals() {
    ImportResult first = fx.importFile("usage.csv", "tandem-usage-csv");
    List<Long> afterFirst = fx.usageTotals();
    ImportResult second =
        fx.importText(
            "week,email,tool,active_days,interactions\n"
                + "2026-W47,ana.silva@example.com,copilot,1,1\n"
                + "2026-W49,ana.silva@example.com,copilot,2,2\n",
            "tandem-usage-csv");
    assertThat(fx.week("ana.silva@example.com", "copilot", "2026-W47").activeDays()).isEqualTo(1);

    assertThatThrownBy(() -> imports.undo(first.batchId()))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("undo them first");
    imports.undo(second.batchId());
    assertThat(fx.usageTotals()).isEqualTo(afterFirst);
    assertThat(fx.week("ana.silva@example.com", "copilot", "2026-W47"))
        .isEqualTo(new Week("tandem-usage-csv", 5, 130L, 410L));

    imports.undo(first.batchId());
    assertThat(db.fetchCount(USAGE_WEEK)).isZero();
    assertThat(db.fetchCount(UNMATCHED_ROW)).isZero();
    assertThat(imports.batches(5))
        .extracting(ImportBatch::outcome)
        .containsExactly("undone", "undone", "applied");
  }

  @Test
  void two_identities_of_one_developer_with_the_same_tool_and_week_are_a_repeated_key() {
    long ana =
        db.select(DEVELOPER.ID)
            .from(DEVELOPER)
            .where(DEVELOPER.EMAIL.eq("ana.silva@example.com"))
            .fetchOne(DEVELOPER.ID);
    imports.mapIdentity("tandem", "ana.work@example.com", ana);
    String file =
        """
        week,email,tool,active_days,interactions,accepted_lines
        2026-W47,ana.silva@example.com,copilot,5,130,410
        2026-W47,li.wei@example.com,copilot,1,3,4
        2026-W47,ana.work@example.com,copilot,2,10,20
        2026-W47,ana.work@example.com,kiro,1,1,1
        """;

    ImportResult refused = fx.importText(file, "tandem-usage-csv");

    assertThat(refused.outcome()).isEqualTo("refused");
    assertThat(refused.errors())
        .extracting(ImportError::line, ImportError::field)
        .containsExactly(org.assertj.core.groups.Tuple.tuple(4L, "key"));
    assertThat(refused.errors().get(0).message())
        .contains("'ana.work@example.com' is the same developer as line 2");
    assertThat(db.fetchCount(USAGE_WEEK)).isZero();

    ImportResult skipped = fx.importText(file, "tandem-usage-csv", ImportMode.SKIP_INVALID, false);

    assertThat(skipped.outcome()).isEqualTo("partially-applied");
    assertThat(skipped.rowsApplied()).isEqualTo(3);
    assertThat(fx.week("ana.silva@example.com", "copilot", "2026-W47"))
        .isEqualTo(new Week("tandem-usage-csv", 5, 130L, 410L));
    assertThat(fx.week("ana.silva@example.com", "kiro", "2026-W47").activeDays()).isEqualTo(1);
  }

  @Test
  void unmatched_rows_become_counted_after_mapping() {
    fx.importFile("usage.csv", "tandem-usage-csv");
    assertThat(fx.week("ana.silva@example.com", "copilot", "2026-W47").activeDays()).isEqualTo(5);
    long ghostRows = db.fetchCount(UNMATCHED_ROW);
    assertThat(ghostRows).isEqualTo(1);
    long omar =
        db.select(DEVELOPER.ID)
            .from(DEVELOPER)
            .where(DEVELOPER.EMAIL.eq("omar.haddad@example.com"))
            .fetchOne(DEVELOPER.ID);

    int applied = imports.mapIdentity("tandem", "ghost@example.com", omar);

    assertThat(applied).isEqualTo(1);
    assertThat(fx.week("omar.haddad@example.com", "copilot", "2026-W47"))
        .isEqualTo(new Week("tandem-usage-csv", 2, 10L, 5L));
    assertThat(db.fetchCount(UNMATCHED_ROW)).isZero();
    ImportBatch batch = imports.batches(1).get(0);
    assertThat(batch.rowsUnmatched()).isZero();
    assertThat(batch.rowsApplied()).isEqualTo(5);
  }

  @Test
  void a_dry_run_reports_everything_and_writes_nothing() {
    int batchesBefore = imports.batches(100).size();
    ImportResult r =
        fx.importText(
            "week,email,tool,active_days\n2026-W47,ana.silva@example.com,kiro,3\n2026-W47,nobody@example.com,kiro,1\n",
            "tandem-usage-csv",
            ImportMode.ALL_OR_NOTHING,
            true);

    assertThat(r.batchId()).isNull();
    assertThat(r.dryRun()).isTrue();
    assertThat(r.rowsApplied()).isEqualTo(1);
    assertThat(r.rowsUnmatched()).isEqualTo(1);
    assertThat(r.preview()).hasSize(2);
    assertThat(r.preview().get(0)).containsEntry("identity", "ana.silva@example.com");
    assertThat(db.fetchCount(USAGE_WEEK)).isZero();
    assertThat(db.fetchCount(UNMATCHED_ROW)).isZero();
    assertThat(imports.batches(100)).hasSize(batchesBefore);
  }

  @Test
  void refused_files_say_what_is_wrong_with_the_file_and_leave_the_database_unchanged() {
    fx.importFile("usage.csv", "tandem-usage-csv");
    List<Long> before = fx.usageTotals();

    assertThat(fx.importText("", "tandem-usage-csv").errors().get(0).message()).contains("empty");
    assertThat(
            fx.importText("week,email,tool,active_days\r\n", "tandem-usage-csv")
                .errors()
                .get(0)
                .message())
        .contains("header row but no data rows");
    assertThat(
            fx.importText(
                    "week;email;tool;active_days\n2026-W47;a@b.c;kiro;1\n", "tandem-usage-csv")
                .errors()
                .get(0)
                .message())
        .contains("separated by ';'");
    assertThat(
            fx.importText("week,email,active_days\n2026-W47,a@b.c,1\n", "tandem-usage-csv")
                .errors())
        .extracting(ImportError::field)
        .containsExactly("tool");
    ImportResult binary =
        imports.importFile(
            new ImportRequest("tandem-usage-csv", ImportMode.SKIP_INVALID, false, "x.png", null),
            new java.io.ByteArrayInputStream(
                new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, 0, 0, 13, 1, 2}));
    assertThat(binary.outcome()).isEqualTo("refused");
    assertThat(binary.errors().get(0).message()).contains("binary");
    ImportResult latin1 =
        imports.importFile(
            new ImportRequest("tandem-roster-csv", ImportMode.SKIP_INVALID, false, "x.csv", null),
            new java.io.ByteArrayInputStream(
                "email,name,team_path,started_on\na@b.co,Jos\u00e9,x,2024-01-01\n"
                    .getBytes(java.nio.charset.StandardCharsets.ISO_8859_1)));
    assertThat(latin1.errors().get(0).message()).contains("not UTF-8");

    assertThat(fx.usageTotals()).isEqualTo(before);
    assertThat(db.fetchCount(DEVELOPER)).isEqualTo(5);
  }

  @Test
  void an_unknown_format_is_refused_before_reading() {
    assertThatThrownBy(() -> fx.importText("x", "excel"))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("unknown format 'excel'");
  }

  @Test
  void a_bom_padded_headers_and_extra_columns_are_accepted() {
    ImportResult r = fx.importFile("usage-bom-padded.csv", "tandem-usage-csv");
    assertThat(r.errors()).isEmpty();
    assertThat(fx.week("ana.silva@example.com", "kiro", "2026-W47").activeDays()).isEqualTo(2);
  }

  @Test
  void changes_are_stored_per_developer_week_and_attribution() {
    ImportResult r = fx.importFile("changes.csv", "tandem-changes-csv");
    assertThat(r.errors()).isEmpty();
    assertThat(fx.changes("ana.silva@example.com", "2026-W47", "none")).isEqualTo(2);
    assertThat(fx.changes("ana.silva@example.com", "2026-W47", "kiro")).isEqualTo(3);
    assertThat(fx.changes("li.wei@example.com", "2026-W47", "none")).isEqualTo(1);
    fx.importFile("changes.csv", "tandem-changes-csv");
    assertThat(db.fetchCount(CHANGE_COUNT)).isEqualTo(4);
    assertThat(
            db.select(org.jooq.impl.DSL.sum(CHANGE_COUNT.CHANGES))
                .from(CHANGE_COUNT)
                .fetchOne()
                .value1()
                .intValue())
        .isEqualTo(10);
  }

  @Test
  void a_daily_source_and_a_weekly_source_for_the_same_week_are_not_added_the_last_wins() {
    fx.importFile("identity-map.csv", "identity-map-csv");
    fx.importFile("usage.csv", "tandem-usage-csv");
    assertThat(fx.week("ana.silva@example.com", "copilot", "2026-W47").activeDays()).isEqualTo(5);

    fx.importFile("copilot-users-1-day.ndjson", "copilot-user-metrics-ndjson");
    assertThat(fx.week("ana.silva@example.com", "copilot", "2026-W47"))
        .isEqualTo(new Week("copilot-user-metrics-ndjson", 2, 7L, 54L));

    fx.importFile("usage.csv", "tandem-usage-csv");
    assertThat(fx.week("ana.silva@example.com", "copilot", "2026-W47"))
        .isEqualTo(new Week("tandem-usage-csv", 5, 130L, 410L));
  }
}

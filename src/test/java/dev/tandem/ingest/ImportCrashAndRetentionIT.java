package dev.tandem.ingest;

import static dev.tandem.db.Tables.IMPORT_BATCH;
import static dev.tandem.db.Tables.IMPORT_PRIOR_USAGE_WEEK;
import static dev.tandem.db.Tables.IMPORT_STAGE;
import static dev.tandem.db.Tables.USAGE_WEEK;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tandem.ResetTables;
import dev.tandem.base.ValidationException;
import dev.tandem.ingest.IngestFixtures.Week;
import dev.tandem.ingest.format.ImportError;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * All or nothing with rows staged in committed chunks: a refusal on the last line, a broken stream
 * and a restart leave nothing visible; and undo data is kept for the newest 2 batches only.
 */
@SpringBootTest(properties = {"tandem.import.undo-batches=2", "tandem.import.undo-days=90"})
@ResetTables
class ImportCrashAndRetentionIT {

  private static final List<String> TOOLS =
      List.of("copilot", "kiro", "cursor", "claude-code", "q-developer");

  @Autowired ImportService imports;
  @Autowired ImportJobs jobs;
  @Autowired UndoRetention retention;
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

  /** 25,000 rows (three chunks of the stage) for ana, 5 tools × 5,000 weeks, the last one bad. */
  private static String bigFile(String lastActiveDays) {
    StringBuilder csv = new StringBuilder("week,email,tool,active_days\n");
    int rows = 25_000;
    for (int i = 0; i < rows; i++) {
      LocalDate monday = LocalDate.of(1980, 1, 7).plusWeeks(i / 5);
      String week = dev.tandem.base.IsoWeek.of(monday).toString();
      csv.append(week).append(",ana.silva@example.com,").append(TOOLS.get(i % 5)).append(',');
      csv.append(i == rows - 1 ? lastActiveDays : String.valueOf(i % 8)).append('\n');
    }
    return csv.toString();
  }

  @Test
  void an_error_on_the_last_line_of_a_25000_row_file_leaves_nothing_visible_and_no_batch_applied() {
    fx.importFile("usage.csv", "tandem-usage-csv");
    List<Long> before = fx.usageTotals();

    ImportResult r = fx.importText(bigFile("eight"), "tandem-usage-csv");

    assertThat(r.outcome()).isEqualTo("refused");
    assertThat(r.rowsRead()).isEqualTo(25_000);
    assertThat(r.errors())
        .containsExactly(
            new ImportError(25_001, "active_days", "'eight' is not a whole number of 0 or more"));
    assertThat(fx.usageTotals()).isEqualTo(before);
    assertThat(db.fetchCount(IMPORT_STAGE)).isZero();
    ImportBatch batch = imports.batches(1).get(0);
    assertThat(batch.outcome()).isEqualTo("refused");
    assertThat(batch.undoable()).isFalse();
    assertThat(imports.importStatus(batch.id()).orElseThrow().errors())
        .extracting(ImportError::line)
        .containsExactly(25_001L);
  }

  @Test
  void the_same_25000_rows_without_the_error_apply_whole_and_a_reimport_replaces_every_row() {
    ImportResult first = fx.importText(bigFile("3"), "tandem-usage-csv");
    ImportResult again = fx.importText(bigFile("4"), "tandem-usage-csv");

    assertThat(first.outcome()).isEqualTo("applied");
    assertThat(first.rowsApplied()).isEqualTo(25_000);
    assertThat(again.rowsApplied()).isEqualTo(25_000);
    assertThat(db.fetchCount(USAGE_WEEK)).isEqualTo(25_000);
    // The last row (i = 24,999: week 4,999 after 1980-W02, claude... tool index 4) went 3 → 4.
    String lastWeek =
        dev.tandem.base.IsoWeek.of(LocalDate.of(1980, 1, 7).plusWeeks(4_999)).toString();
    assertThat(fx.week("ana.silva@example.com", "q-developer", lastWeek).activeDays()).isEqualTo(4);
    assertThat(
            db.fetchCount(
                IMPORT_PRIOR_USAGE_WEEK, IMPORT_PRIOR_USAGE_WEEK.BATCH_ID.eq(again.batchId())))
        .isEqualTo(25_000);

    imports.undo(again.batchId());
    assertThat(fx.week("ana.silva@example.com", "q-developer", lastWeek).activeDays()).isEqualTo(3);
    imports.undo(first.batchId());
    assertThat(db.fetchCount(USAGE_WEEK)).isZero();
  }

  @Test
  void a_stream_that_breaks_after_the_first_chunks_fails_the_batch_and_applies_nothing() {
    List<Long> before = fx.usageTotals();
    byte[] file = bigFile("3").getBytes(StandardCharsets.UTF_8);
    // The process dies (here: the thread) after three quarters of the file were read and staged.
    InputStream breaking =
        new ByteArrayInputStream(file, 0, file.length) {
          @Override
          public synchronized int read(byte[] b, int off, int len) {
            if (pos > file.length * 3 / 4) {
              throw new IllegalStateException("connection reset");
            }
            return super.read(b, off, len);
          }
        };

    assertThatThrownBy(
            () ->
                imports.importFile(
                    new ImportRequest(
                        "tandem-usage-csv", ImportMode.ALL_OR_NOTHING, false, "big.csv", null),
                    breaking))
        .hasMessageContaining("connection reset");

    assertThat(fx.usageTotals()).isEqualTo(before);
    assertThat(db.fetchCount(IMPORT_STAGE)).isZero();
    assertThat(imports.batches(1).get(0).outcome()).isEqualTo("failed");
  }

  @Test
  void a_restart_marks_a_batch_that_was_running_as_failed_and_clears_its_staged_rows() {
    long running =
        db.insertInto(IMPORT_BATCH)
            .set(IMPORT_BATCH.FORMAT, "tandem-usage-csv")
            .set(IMPORT_BATCH.SHA256, "")
            .set(IMPORT_BATCH.MODE, "all-or-nothing")
            .set(IMPORT_BATCH.CREATED_BY, "it-admin")
            .set(IMPORT_BATCH.CREATED_AT, OffsetDateTime.now(ZoneOffset.UTC))
            .set(IMPORT_BATCH.OUTCOME, "running")
            .returning(IMPORT_BATCH.ID)
            .fetchOne(IMPORT_BATCH.ID);
    db.insertInto(IMPORT_STAGE)
        .set(IMPORT_STAGE.BATCH_ID, running)
        .set(IMPORT_STAGE.LINE_NO, 2L)
        .set(IMPORT_STAGE.ROW_KIND, "usage-week")
        .set(IMPORT_STAGE.EXTERNAL_ID, "ana.silva@example.com")
        .set(IMPORT_STAGE.TOOL_KEY, "copilot")
        .set(IMPORT_STAGE.WEEK_START, LocalDate.of(2026, 11, 16))
        .set(IMPORT_STAGE.WEEK_END, LocalDate.of(2026, 11, 23))
        .set(IMPORT_STAGE.ACTIVE_DAYS, (short) 5)
        .execute();

    jobs.recover(); // what start-up runs

    ImportStatus status = imports.importStatus(running).orElseThrow();
    assertThat(status.state()).isEqualTo("failed");
    assertThat(status.undoable()).isFalse();
    assertThat(status.notUndoableBecause()).isEqualTo("it failed: nothing of it was applied");
    assertThat(db.fetchCount(IMPORT_STAGE)).isZero();
    assertThat(db.fetchCount(USAGE_WEEK)).isZero();
  }

  @Test
  void undo_data_of_batches_beyond_the_newest_two_is_pruned_and_their_undo_is_a_clear_400() {
    String one = "week,email,tool,active_days\n2026-W47,ana.silva@example.com,copilot,1\n";
    long first = fx.importText(one, "tandem-usage-csv").batchId();
    long second = fx.importText(one.replace(",1\n", ",2\n"), "tandem-usage-csv").batchId();
    long third = fx.importText(one.replace(",1\n", ",3\n"), "tandem-usage-csv").batchId();
    assertThat(db.fetchCount(IMPORT_PRIOR_USAGE_WEEK)).isEqualTo(2); // 2 and 3 replaced a row

    // The roster batch of setUp and the first usage batch are beyond the newest two.
    assertThat(retention.prune()).isEqualTo(2);

    ImportStatus pruned = imports.importStatus(first).orElseThrow();
    assertThat(pruned.undoable()).isFalse();
    assertThat(pruned.notUndoableBecause())
        .startsWith("its undo data was removed on ")
        .endsWith("(undo data is kept for the newest 2 batches)");
    assertThat(imports.importStatus(second).orElseThrow().undoable()).isTrue();
    assertThatThrownBy(() -> imports.undo(first))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("batch " + first + " cannot be undone: its undo data was removed");
    // Undo of the newest two still restores, in order.
    imports.undo(third);
    imports.undo(second);
    assertThat(fx.week("ana.silva@example.com", "copilot", "2026-W47"))
        .isEqualTo(new Week("tandem-usage-csv", 1, null, null));
    assertThat(retention.prune()).isZero();
  }

  @Test
  void undo_data_older_than_90_days_is_pruned_even_among_the_newest_batches() {
    String one = "week,email,tool,active_days\n2026-W47,ana.silva@example.com,copilot,1\n";
    long old = fx.importText(one, "tandem-usage-csv").batchId();
    long recent = fx.importText(one.replace(",1\n", ",2\n"), "tandem-usage-csv").batchId();
    db.update(IMPORT_BATCH)
        .set(IMPORT_BATCH.CREATED_AT, OffsetDateTime.now(ZoneOffset.UTC).minusDays(91))
        .where(IMPORT_BATCH.ID.eq(old))
        .execute();

    // The old batch by its age, the roster batch of setUp by its rank.
    assertThat(retention.prune()).isEqualTo(2);

    assertThat(imports.importStatus(old).orElseThrow().notUndoableBecause())
        .endsWith("(undo data is kept for 90 days)");
    assertThat(imports.importStatus(recent).orElseThrow().undoable()).isTrue();
  }
}

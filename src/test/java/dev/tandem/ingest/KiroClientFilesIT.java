package dev.tandem.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tandem.ResetTables;
import dev.tandem.ingest.IngestFixtures.Week;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Kiro writes one user report per client type and day (KIRO_CLI_…csv, KIRO_IDE_…csv), laid out as
 * the real export: Date first, New_User, User_Email and one column per model. Ana (mapped UserId)
 * used the CLI on the 17th (131 messages) and 18th (12), and the IDE on the 17th (4): week 2026-W47
 * is 2 active days, 131 + 12 + 4 = 147 interactions, 2 agent days, whatever the order of the files.
 */
@SpringBootTest
@ResetTables
class KiroClientFilesIT {

  private static final String FORMAT = "kiro-user-report-csv";
  private static final String CLI = "kiro/KIRO_CLI_2026-11-17_user_report.csv";
  private static final String IDE = "kiro/KIRO_IDE_2026-11-17_user_report.csv";
  private static final String ANA = "ana.silva@example.com";

  @Autowired ImportService imports;
  @Autowired DSLContext db;
  IngestFixtures fx;

  @BeforeEach
  void setUp() {
    IngestFixtures.signInAsAdmin();
    fx = new IngestFixtures(imports, db);
    fx.roster();
    assertThat(fx.importFile("identity-map.csv", "identity-map-csv").errors()).isEmpty();
  }

  @AfterEach
  void tearDown() {
    SecurityContextHolder.clearContext();
  }

  private long imported(String file) {
    ImportResult r = fx.importFile(file, FORMAT);
    assertThat(r.errors()).isEmpty();
    assertThat(r.outcome()).isEqualTo("applied");
    return r.batchId();
  }

  @Test
  void the_ide_file_after_the_cli_file_adds_the_ide_part_and_the_cli_batch_can_then_be_undone() {
    long cli = imported(CLI);
    long ide = imported(IDE);

    assertThat(fx.week(ANA, "kiro", "2026-W47")).isEqualTo(new Week(FORMAT, 2, 147L, null));
    assertThat(fx.agentDays(ANA, "kiro", "2026-W47")).isEqualTo((short) 2);

    imports.undo(cli);
    // Only the IDE part of the 17th is left: 1 day, 4 interactions, 1 agent day.
    assertThat(fx.week(ANA, "kiro", "2026-W47")).isEqualTo(new Week(FORMAT, 1, 4L, null));
    assertThat(fx.agentDays(ANA, "kiro", "2026-W47")).isEqualTo((short) 1);

    imports.undo(ide);
    assertThat(fx.week(ANA, "kiro", "2026-W47")).isNull();
    assertThat(fx.usageTotals()).containsExactly(0L, 0L, 0L);
  }

  @Test
  void the_cli_file_after_the_ide_file_adds_the_cli_part_and_each_batch_undoes_in_either_order() {
    long ide = imported(IDE);
    long cli = imported(CLI);

    assertThat(fx.week(ANA, "kiro", "2026-W47")).isEqualTo(new Week(FORMAT, 2, 147L, null));
    assertThat(fx.agentDays(ANA, "kiro", "2026-W47")).isEqualTo((short) 2);

    imports.undo(cli);
    assertThat(fx.week(ANA, "kiro", "2026-W47")).isEqualTo(new Week(FORMAT, 1, 4L, null));
    assertThat(fx.agentDays(ANA, "kiro", "2026-W47")).isEqualTo((short) 1);
    imports.undo(ide);
    assertThat(fx.usageTotals()).containsExactly(0L, 0L, 0L);
  }

  @Test
  void undoing_the_first_of_two_client_files_keeps_the_second_clients_days() {
    long ide = imported(IDE);
    imported(CLI);

    imports.undo(ide);
    // The CLI part remains: the 17th (131) and the 18th (12).
    assertThat(fx.week(ANA, "kiro", "2026-W47")).isEqualTo(new Week(FORMAT, 2, 143L, null));
    assertThat(fx.agentDays(ANA, "kiro", "2026-W47")).isEqualTo((short) 2);
    // Li's IDE day (the 19th) went with the IDE batch.
    assertThat(fx.week("li.wei@example.com", "kiro", "2026-W47")).isNull();
  }

  @Test
  void re_importing_a_clients_file_replaces_only_that_clients_part_and_changes_nothing() {
    imported(CLI);
    imported(IDE);
    var before = fx.usageTotals();

    long again = imported(IDE);

    assertThat(fx.usageTotals()).isEqualTo(before);
    assertThat(fx.week(ANA, "kiro", "2026-W47")).isEqualTo(new Week(FORMAT, 2, 147L, null));
    // The re-import replaced the IDE batch's days: undoing it gives them back, unchanged.
    imports.undo(again);
    assertThat(fx.week(ANA, "kiro", "2026-W47")).isEqualTo(new Week(FORMAT, 2, 147L, null));
    assertThat(fx.agentDays(ANA, "kiro", "2026-W47")).isEqualTo((short) 2);
  }

  @Test
  void an_unmapped_user_id_whose_email_is_on_the_roster_matches_by_email_and_others_are_held() {
    ImportResult r = fx.importFile("kiro/KIRO_IDE_2026-11-20_user_report.csv", FORMAT);

    assertThat(r.errors()).isEmpty();
    assertThat(r.rowsApplied()).isEqualTo(2);
    assertThat(r.rowsUnmatched()).isEqualTo(1);
    // Omar's UserId is not mapped; his User_Email (case aside) is on the roster.
    assertThat(fx.week("omar.haddad@example.com", "kiro", "2026-W47"))
        .isEqualTo(new Week(FORMAT, 1, 7L, null));
    // A mapped UserId wins over the row's email: Li's inactive day is Li's.
    assertThat(fx.week("li.wei@example.com", "kiro", "2026-W47"))
        .isEqualTo(new Week(FORMAT, 0, 0L, null));
    assertThat(fx.agentDays("li.wei@example.com", "kiro", "2026-W47")).isEqualTo((short) 0);
    // The contractor is not on the roster: held under the UserId, which an admin maps.
    assertThat(imports.unmatchedIdentities())
        .extracting(UnmatchedIdentity::source, UnmatchedIdentity::externalId)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("kiro", "99ff88ee-0000-1111-2222-000011112222"));
  }

  @Test
  void a_held_client_row_applied_after_mapping_keeps_its_client_part() {
    // The contractor joins the roster under another address; the UserId is mapped afterwards.
    fx.importFile("kiro/KIRO_IDE_2026-11-20_user_report.csv", FORMAT);
    ImportResult mapped =
        fx.importText(
            "source,external_id,email\n"
                + "kiro,99ff88ee-0000-1111-2222-000011112222,sam.okafor@example.com\n",
            "identity-map-csv");
    assertThat(mapped.errors()).isEmpty();
    assertThat(fx.week("sam.okafor@example.com", "kiro", "2026-W47"))
        .isEqualTo(new Week(FORMAT, 1, 2L, null));

    // Re-importing the same IDE file replaces the IDE part, never adds to it.
    imported("kiro/KIRO_IDE_2026-11-20_user_report.csv");
    assertThat(fx.week("sam.okafor@example.com", "kiro", "2026-W47"))
        .isEqualTo(new Week(FORMAT, 1, 2L, null));
    assertThat(fx.agentDays("sam.okafor@example.com", "kiro", "2026-W47")).isEqualTo((short) 1);
  }

  @Test
  void a_week_that_another_source_replaced_since_still_holds_back_the_undo_of_a_client_file() {
    long cli = imported(CLI);
    long weekly =
        fx.importText(
                "week,email,tool,active_days,interactions\n"
                    + "2026-W47,ana.silva@example.com,kiro,5,60\n",
                "tandem-usage-csv")
            .batchId();

    assertThat(org.assertj.core.api.Assertions.catchThrowable(() -> imports.undo(cli)).getMessage())
        .contains("later imports [" + weekly + "]");
    assertThat(fx.week(ANA, "kiro", "2026-W47"))
        .isEqualTo(new Week("tandem-usage-csv", 5, 60L, null));

    imports.undo(weekly);
    imports.undo(cli);
    assertThat(fx.usageTotals()).containsExactly(0L, 0L, 0L);
  }
}

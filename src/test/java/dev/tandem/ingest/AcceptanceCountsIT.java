package dev.tandem.ingest;

import static dev.tandem.db.Tables.DEVELOPER;
import static dev.tandem.db.Tables.USAGE_DAY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import dev.tandem.ResetTables;
import dev.tandem.ingest.format.ImportError;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.assertj.core.groups.Tuple;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * The two counts of a per-tool acceptance rate (suggested, accepted) are kept per day where the
 * source reports both (Copilot lines, Q Developer inline suggestions, Claude Code tool actions,
 * Cursor accepts and rejects), are NULL for both elsewhere, travel with held rows and go back to
 * the exact prior values on undo.
 */
@SpringBootTest
@ResetTables
class AcceptanceCountsIT {

  static final String ANA = "ana.silva@example.com";
  static final String LI = "li.wei@example.com";
  static final String OMAR = "omar.haddad@example.com";

  /** The Copilot line of the formats spec: 80 lines suggested, 54 accepted. */
  static final String COPILOT_SPEC_LINE =
      "{\"day\":\"2026-11-16\",\"user_id\":101,\"user_login\":\"asilva\","
          + "\"user_initiated_interaction_count\":7,\"code_generation_activity_count\":22,"
          + "\"code_acceptance_activity_count\":9,\"loc_suggested_to_add_sum\":80,"
          + "\"loc_added_sum\":54,\"loc_deleted_sum\":3,\"used_agent\":false,\"used_chat\":true,"
          + "\"used_cli\":false}\n";

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

  /** (day, suggested, accepted) of one developer and tool, by day and part. */
  private List<Tuple> counts(String email, String tool) {
    return db.select(USAGE_DAY.USAGE_DATE, USAGE_DAY.SUGGESTED, USAGE_DAY.ACCEPTED)
        .from(USAGE_DAY)
        .join(DEVELOPER)
        .on(DEVELOPER.ID.eq(USAGE_DAY.DEVELOPER_ID))
        .where(DEVELOPER.EMAIL.eq(email))
        .and(USAGE_DAY.TOOL_KEY.eq(tool))
        .orderBy(USAGE_DAY.USAGE_DATE, USAGE_DAY.PART)
        .fetch(r -> tuple(r.value1().toString(), r.value2(), r.value3()));
  }

  private ImportResult importAs(String text, String format, String tool) {
    return imports.importFile(
        new ImportRequest(format, ImportMode.ALL_OR_NOTHING, false, "inline.csv", tool),
        new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void copilot_keeps_lines_suggested_and_accepted_from_the_spec_line() {
    assertThat(fx.importText(COPILOT_SPEC_LINE, "copilot-user-metrics-ndjson").errors()).isEmpty();

    assertThat(counts(ANA, "copilot")).containsExactly(tuple("2026-11-16", 80L, 54L));
  }

  @Test
  void q_developer_keeps_inline_suggestions_and_acceptances_also_when_read_as_kiro() {
    // 17th: 57 suggested, 11 accepted; 18th: 0 and 0; 19th: 5 suggested, none accepted.
    fx.importFile("q-developer-by-user-analytic.csv", "q-developer-csv");
    assertThat(counts(ANA, "q-developer"))
        .containsExactly(
            tuple("2026-11-17", 57L, 11L),
            tuple("2026-11-18", 0L, 0L),
            tuple("2026-11-19", 5L, 0L));

    ImportResult kiro =
        importAs(
            "UserId,Date,Inline_SuggestionsCount,Inline_AcceptanceCount,Chat_MessagesSent\n"
                + "90676bc2-70f1-7017-e1a4-2f1a7d3e5b11,2026-11-20,30,12,2\n",
            "q-developer-csv",
            "kiro");
    assertThat(kiro.errors()).isEmpty();
    assertThat(counts(ANA, "kiro")).containsExactly(tuple("2026-11-20", 30L, 12L));
  }

  @Test
  void a_q_developer_file_with_only_one_of_the_two_columns_keeps_neither() {
    fx.importText(
        "UserId,Date,Inline_AcceptanceCount,Chat_MessagesSent\n"
            + "90676bc2-70f1-7017-e1a4-2f1a7d3e5b11,2026-11-17,11,8\n",
        "q-developer-csv");

    assertThat(counts(ANA, "q-developer")).containsExactly(tuple("2026-11-17", null, null));
  }

  @Test
  void claude_code_counts_accepted_and_rejected_tool_actions() {
    fx.importFile("claude-code-usage.json", "claude-code-usage-json");

    // Li's 17th: edit_tool 12 accepted + 1 rejected, write_tool 2 + 0: 15 suggested, 14 accepted
    // (the day's second terminal has no tool actions and adds nothing).
    assertThat(counts(LI, "claude-code")).containsExactly(tuple("2026-11-17", 15L, 14L));
    // Omar's 19th: edit_tool 0 and 0.
    assertThat(counts(OMAR, "claude-code")).containsExactly(tuple("2026-11-19", 0L, 0L));
  }

  @Test
  void cursor_keeps_the_counts_only_when_it_reports_both_accepts_and_rejects() {
    // The spec's row: totalAccepts 14 without totalRejects, so neither count is kept.
    fx.importFile("cursor-daily-usage.json", "cursor-daily-usage-json");
    assertThat(counts(ANA, "cursor").get(0)).isEqualTo(tuple("2026-11-17", null, null));

    fx.importText(
        "{\"data\":[{\"day\":\"2026-11-19\",\"email\":\"li.wei@example.com\",\"isActive\":true,"
            + "\"totalAccepts\":6,\"totalRejects\":2,\"chatRequests\":1}]}",
        "cursor-daily-usage-json");
    // 6 accepted + 2 rejected: 8 suggested.
    assertThat(counts(LI, "cursor")).contains(tuple("2026-11-19", 8L, 6L));
  }

  @Test
  void kiro_user_reports_keep_no_acceptance_counts() {
    fx.importFile("kiro/KIRO_CLI_2026-11-17_user_report.csv", "kiro-user-report-csv");

    assertThat(counts(ANA, "kiro"))
        .isNotEmpty()
        .allSatisfy(t -> assertThat(t.toList().subList(1, 3)).containsOnlyNulls());
  }

  @Test
  void a_held_row_keeps_its_counts_until_its_identity_is_mapped() {
    ImportResult held =
        fx.importText(
            "{\"day\":\"2026-11-19\",\"user_id\":102,\"user_login\":\"lwei\","
                + "\"user_initiated_interaction_count\":5,\"loc_suggested_to_add_sum\":30,"
                + "\"loc_added_sum\":20,\"used_chat\":true}\n",
            "copilot-user-metrics-ndjson");
    assertThat(held.rowsUnmatched()).isEqualTo(1);
    assertThat(counts(LI, "copilot")).isEmpty();

    fx.importText(
        "source,external_id,email\ncopilot,lwei,li.wei@example.com\n", "identity-map-csv");

    assertThat(counts(LI, "copilot")).containsExactly(tuple("2026-11-19", 30L, 20L));
  }

  @Test
  void a_reimport_with_other_counts_is_undone_back_to_the_first_values() {
    fx.importFile("q-developer-by-user-analytic.csv", "q-developer-csv");
    long again =
        fx.importText(
                "UserId,Date,Inline_SuggestionsCount,Inline_AcceptanceCount\n"
                    + "90676bc2-70f1-7017-e1a4-2f1a7d3e5b11,2026-11-17,60,20\n",
                "q-developer-csv")
            .batchId();
    assertThat(counts(ANA, "q-developer").get(0)).isEqualTo(tuple("2026-11-17", 60L, 20L));

    imports.undo(again);

    assertThat(counts(ANA, "q-developer"))
        .containsExactly(
            tuple("2026-11-17", 57L, 11L),
            tuple("2026-11-18", 0L, 0L),
            tuple("2026-11-19", 5L, 0L));
  }

  @Test
  void undoing_counts_over_a_day_that_had_none_brings_back_null() {
    fx.importFile("cursor-daily-usage.json", "cursor-daily-usage-json");
    long again =
        fx.importText(
                "{\"data\":[{\"day\":\"2026-11-17\",\"email\":\"ana.silva@example.com\","
                    + "\"isActive\":true,\"totalAccepts\":9,\"totalRejects\":3,"
                    + "\"chatRequests\":4}]}",
                "cursor-daily-usage-json")
            .batchId();
    assertThat(counts(ANA, "cursor").get(0)).isEqualTo(tuple("2026-11-17", 12L, 9L));

    imports.undo(again);

    assertThat(counts(ANA, "cursor").get(0)).isEqualTo(tuple("2026-11-17", null, null));
  }

  @Test
  void a_count_that_is_not_a_whole_number_of_0_or_more_is_an_error_naming_line_and_field() {
    ImportResult copilot =
        fx.importText(
            "{\"day\":\"2026-11-16\",\"user_login\":\"asilva\",\"loc_suggested_to_add_sum\":-3,"
                + "\"loc_added_sum\":1}\n"
                + "{\"day\":\"2026-11-17\",\"user_login\":\"asilva\","
                + "\"loc_suggested_to_add_sum\":12.5,\"loc_added_sum\":1}\n",
            "copilot-user-metrics-ndjson");
    assertThat(copilot.outcome()).isEqualTo("refused");
    assertThat(copilot.errors())
        .extracting(ImportError::line, ImportError::field)
        .containsExactly(
            tuple(1L, "loc_suggested_to_add_sum"), tuple(2L, "loc_suggested_to_add_sum"));

    ImportResult q =
        fx.importText(
            "UserId,Date,Inline_SuggestionsCount,Inline_AcceptanceCount\n"
                + "90676bc2-70f1-7017-e1a4-2f1a7d3e5b11,2026-11-17,many,3\n",
            "q-developer-csv");
    assertThat(q.errors())
        .extracting(ImportError::line, ImportError::field)
        .containsExactly(tuple(2L, "Inline_SuggestionsCount"));

    ImportResult claude =
        fx.importText(
            "{\"data\":[\n"
                + "{\"date\":\"2026-11-17T00:00:00Z\",\"actor\":{\"type\":\"user_actor\","
                + "\"email_address\":\"li.wei@example.com\"},\"core_metrics\":{\"num_sessions\":1},"
                + "\"tool_actions\":{\"edit_tool\":{\"accepted\":2,\"rejected\":\"1.5\"}}}\n"
                + "]}",
            "claude-code-usage-json");
    assertThat(claude.errors())
        .extracting(ImportError::line, ImportError::field)
        .containsExactly(tuple(2L, "tool_actions.edit_tool.rejected"));

    ImportResult cursor =
        fx.importText(
            "{\"data\":[\n"
                + "{\"day\":\"2026-11-19\",\"email\":\"li.wei@example.com\",\"isActive\":true,"
                + "\"totalAccepts\":6,\"totalRejects\":-2}\n"
                + "]}",
            "cursor-daily-usage-json");
    assertThat(cursor.errors())
        .extracting(ImportError::line, ImportError::field)
        .containsExactly(tuple(2L, "totalRejects"));

    assertThat(db.fetchCount(USAGE_DAY)).isZero();
  }

  @Test
  void accepts_and_rejects_adding_up_past_the_largest_count_are_an_error_not_a_wrapped_number() {
    ImportResult cursor =
        fx.importText(
            "{\"data\":[\n"
                + "{\"day\":\"2026-11-19\",\"email\":\"li.wei@example.com\",\"isActive\":true,"
                + "\"totalAccepts\":9223372036854775807,\"totalRejects\":1}\n"
                + "]}",
            "cursor-daily-usage-json");

    assertThat(cursor.outcome()).isEqualTo("refused");
    assertThat(cursor.errors())
        .extracting(ImportError::line, ImportError::field)
        .containsExactly(tuple(2L, "totalRejects"));
    assertThat(db.fetchCount(USAGE_DAY)).isZero();
  }
}

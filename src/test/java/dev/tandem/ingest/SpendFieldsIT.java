package dev.tandem.ingest;

import static dev.tandem.db.Tables.DEVELOPER;
import static dev.tandem.db.Tables.USAGE_DAY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import dev.tandem.ResetTables;
import dev.tandem.ingest.format.ImportError;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * What vendors report for seats and cost is kept per day (Kiro credits, overage and tier per
 * client, Copilot AI credits, Cursor usage-based requests, Claude Code estimated cost) and goes
 * with its batch on undo.
 */
@SpringBootTest
@ResetTables
class SpendFieldsIT {

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

  private List<Record> days(String email, String tool) {
    return db
        .select(USAGE_DAY.fields())
        .from(USAGE_DAY)
        .join(DEVELOPER)
        .on(DEVELOPER.ID.eq(USAGE_DAY.DEVELOPER_ID))
        .where(DEVELOPER.EMAIL.eq(email))
        .and(USAGE_DAY.TOOL_KEY.eq(tool))
        .orderBy(USAGE_DAY.USAGE_DATE, USAGE_DAY.PART)
        .fetch()
        .stream()
        .map(r -> (Record) r)
        .toList();
  }

  private static BigDecimal dec(String v) {
    return new BigDecimal(v).setScale(4);
  }

  @Test
  void kiro_credits_overage_and_tier_are_kept_per_client_and_undone_with_their_batch() {
    fx.importFile("kiro/KIRO_CLI_2026-11-17_user_report.csv", "kiro-user-report-csv");
    long ide =
        fx.importFile("kiro/KIRO_IDE_2026-11-17_user_report.csv", "kiro-user-report-csv").batchId();

    assertThat(days("ana.silva@example.com", "kiro"))
        .extracting(
            r -> r.get(USAGE_DAY.USAGE_DATE),
            r -> r.get(USAGE_DAY.PART),
            r -> r.get(USAGE_DAY.CREDITS_USED),
            r -> r.get(USAGE_DAY.SUBSCRIPTION_TIER))
        .containsExactly(
            tuple(LocalDate.parse("2026-11-17"), "KIRO_CLI", dec("20.5"), "PRO"),
            tuple(LocalDate.parse("2026-11-17"), "KIRO_IDE", dec("1.2"), "PRO"),
            tuple(LocalDate.parse("2026-11-18"), "KIRO_CLI", dec("2.25"), "PRO"));
    assertThat(days("li.wei@example.com", "kiro"))
        .extracting(
            r -> r.get(USAGE_DAY.OVERAGE_CREDITS_USED), r -> r.get(USAGE_DAY.SUBSCRIPTION_TIER))
        .containsExactly(tuple(dec("0.5"), "PRO_PLUS"));

    imports.undo(ide);
    assertThat(days("ana.silva@example.com", "kiro"))
        .extracting(r -> r.get(USAGE_DAY.PART))
        .containsExactly("KIRO_CLI", "KIRO_CLI");
    assertThat(days("li.wei@example.com", "kiro")).isEmpty();
  }

  @Test
  void a_reimport_with_other_credits_is_undone_back_to_the_first_values() {
    fx.importFile("kiro/KIRO_CLI_2026-11-17_user_report.csv", "kiro-user-report-csv");
    long again =
        fx.importText(
                "Date,UserId,Client_Type,Subscription_Tier,Credits_Used,Overage_Credits_Used,"
                    + "Total_Messages,User_Email\n"
                    + "2026-11-17,90676bc2-70f1-7017-e1a4-2f1a7d3e5b11,KIRO_CLI,PRO_PLUS,30,4,"
                    + "140,ana.silva@example.com\n",
                "kiro-user-report-csv")
            .batchId();
    assertThat(days("ana.silva@example.com", "kiro").get(0).get(USAGE_DAY.CREDITS_USED))
        .isEqualTo(dec("30"));

    imports.undo(again);

    Record first = days("ana.silva@example.com", "kiro").get(0);
    assertThat(first.get(USAGE_DAY.CREDITS_USED)).isEqualTo(dec("20.5"));
    assertThat(first.get(USAGE_DAY.OVERAGE_CREDITS_USED)).isEqualTo(dec("0"));
    assertThat(first.get(USAGE_DAY.SUBSCRIPTION_TIER)).isEqualTo("PRO");
  }

  @Test
  void claude_code_cost_cursor_usage_based_requests_and_copilot_ai_credits_are_kept() {
    fx.importFile("claude-code-local-and-remote.json", "claude-code-usage-json");
    // The 17th: local 1025 + remote 150 cents; the 19th: 90.
    assertThat(days("li.wei@example.com", "claude-code"))
        .extracting(r -> r.get(USAGE_DAY.ESTIMATED_COST_CENTS))
        .containsExactly(dec("1175"), dec("90"));

    fx.importFile("cursor-daily-usage-captured.json", "cursor-daily-usage-json");
    assertThat(days("ana.silva@example.com", "cursor"))
        .extracting(r -> r.get(USAGE_DAY.USAGE_BASED_REQUESTS))
        .containsExactly(0L, 0L, 3L);

    fx.importText(
        "{\"day\":\"2026-11-16\",\"user_login\":\"asilva\",\"user_initiated_interaction_count\":2,"
            + "\"ai_credits_used\":1.75,\"used_agent\":true}\n",
        "copilot-user-metrics-ndjson");
    assertThat(days("ana.silva@example.com", "copilot"))
        .extracting(r -> r.get(USAGE_DAY.CREDITS_USED))
        .containsExactly(dec("1.75"));
  }

  @Test
  void a_negative_or_huge_credit_is_an_error_naming_line_and_field() {
    ImportResult r =
        fx.importText(
            "Date,UserId,Client_Type,Credits_Used,Total_Messages\n"
                + "2026-11-17,u1,KIRO_IDE,-1,3\n"
                + "2026-11-17,u2,KIRO_IDE,123456789012345678,3\n",
            "kiro-user-report-csv");
    assertThat(r.outcome()).isEqualTo("refused");
    assertThat(r.errors())
        .extracting(ImportError::line, ImportError::field)
        .containsExactly(tuple(2L, "Credits_Used"), tuple(3L, "Credits_Used"));
    assertThat(fx.usageTotals()).containsExactly(0L, 0L, 0L);
  }
}

package dev.tandem.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import dev.tandem.ResetTables;
import dev.tandem.ingest.IngestFixtures.Week;
import dev.tandem.ingest.format.ImportError;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Agent days (DESIGN §3.1 "agent user") from every source into usage_week.agent_days: per source
 * rules of the formats spec, held rows, re-imports and undo.
 */
@SpringBootTest
@ResetTables
class AgentDaysIT {

  private static final String ANA = "ana.silva@example.com";
  private static final String LI = "li.wei@example.com";

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

  @Test
  void claude_code_local_and_remote_rows_of_one_day_are_one_agent_day() {
    ImportResult r = fx.importFile("claude-code-local-and-remote.json", "claude-code-usage-json");

    assertThat(r.errors()).isEmpty();
    // Li: the 17th local (4 sessions, 220 lines) and remote (2, 40), the 19th remote (1, 10).
    assertThat(fx.week(LI, "claude-code", "2026-W47"))
        .isEqualTo(new Week("claude-code-usage-json", 2, 7L, 270L));
    assertThat(fx.agentDays(LI, "claude-code", "2026-W47")).isEqualTo((short) 2);
    // Omar's day had no session and no accepted action: neither active nor an agent day.
    assertThat(fx.week("omar.haddad@example.com", "claude-code", "2026-W47").activeDays()).isZero();
    assertThat(fx.agentDays("omar.haddad@example.com", "claude-code", "2026-W47"))
        .isEqualTo((short) 0);
  }

  @Test
  void q_developer_agent_days_are_days_with_its_agents_and_every_active_day_for_kiro() {
    fx.importFile("q-developer-by-user-analytic.csv", "q-developer-csv");
    // The 17th has a /dev generation; the 19th only inline suggestions shown.
    assertThat(fx.week(ANA, "q-developer", "2026-W47").activeDays()).isEqualTo(2);
    assertThat(fx.agentDays(ANA, "q-developer", "2026-W47")).isEqualTo((short) 1);

    imports.importFile(
        new ImportRequest("q-developer-csv", ImportMode.ALL_OR_NOTHING, false, "kiro.csv", "kiro"),
        IngestFixtures.resource("q-developer-by-user-analytic.csv"));
    assertThat(fx.agentDays(ANA, "kiro", "2026-W47")).isEqualTo((short) 2);
  }

  @Test
  void copilot_used_agent_true_and_false_give_the_agent_days_of_the_week() {
    // The NDJSON fixture: Ana's 16th (chat) and 17th (CLI) have used_agent false; Omar's 18th true.
    fx.importFile("copilot-users-1-day.ndjson", "copilot-user-metrics-ndjson");

    assertThat(fx.week(ANA, "copilot", "2026-W47").activeDays()).isEqualTo(2);
    assertThat(fx.agentDays(ANA, "copilot", "2026-W47")).isEqualTo((short) 0);
    assertThat(fx.agentDays("omar.haddad@example.com", "copilot", "2026-W47")).isEqualTo((short) 1);
  }

  @Test
  void weekly_agent_days_are_read_checked_against_active_days_and_null_when_absent() {
    ImportResult bad =
        fx.importText(
            "week,email,tool,active_days,agent_days\n"
                + "2026-W47,ana.silva@example.com,copilot,5,6\n"
                + "2026-W47,ana.silva@example.com,kiro,3,x\n"
                + "2026-W47,li.wei@example.com,kiro,3,-1\n",
            "tandem-usage-csv");
    assertThat(bad.outcome()).isEqualTo("refused");
    assertThat(bad.errors())
        .extracting(ImportError::line, ImportError::field)
        .containsExactly(tuple(2L, "agent_days"), tuple(3L, "agent_days"), tuple(4L, "agent_days"));
    assertThat(bad.errors().get(0).message()).contains("more than active_days (5)");
    assertThat(fx.usageTotals()).containsExactly(0L, 0L, 0L);

    ImportResult ok =
        fx.importText(
            "week,email,tool,active_days,agent_days\n"
                + "2026-W47,ana.silva@example.com,copilot,5,2\n"
                + "2026-W47,ana.silva@example.com,kiro,3,\n",
            "tandem-usage-csv");
    assertThat(ok.errors()).isEmpty();
    assertThat(fx.agentDays(ANA, "copilot", "2026-W47")).isEqualTo((short) 2);
    assertThat(fx.week(ANA, "kiro", "2026-W47")).isNotNull();
    assertThat(fx.agentDays(ANA, "kiro", "2026-W47")).isNull();

    fx.importText(
        "week,email,tool,active_days\n2026-W47,li.wei@example.com,cursor,4\n", "tandem-usage-csv");
    assertThat(fx.week(LI, "cursor", "2026-W47").activeDays()).isEqualTo(4);
    assertThat(fx.agentDays(LI, "cursor", "2026-W47")).isNull();
  }

  @Test
  void undo_of_a_daily_import_over_a_weekly_row_gives_its_agent_days_back_exactly() {
    long weekly =
        fx.importText(
                "week,email,tool,active_days,interactions,agent_days\n"
                    + "2026-W47,ana.silva@example.com,copilot,5,130,2\n",
                "tandem-usage-csv")
            .batchId();
    long daily =
        fx.importFile("copilot-users-1-day.ndjson", "copilot-user-metrics-ndjson").batchId();
    assertThat(fx.agentDays(ANA, "copilot", "2026-W47")).isEqualTo((short) 0);

    // Re-importing the same file changes nothing.
    long again =
        fx.importFile("copilot-users-1-day.ndjson", "copilot-user-metrics-ndjson").batchId();
    assertThat(fx.agentDays(ANA, "copilot", "2026-W47")).isEqualTo((short) 0);
    imports.undo(again);
    imports.undo(daily);

    assertThat(fx.week(ANA, "copilot", "2026-W47"))
        .isEqualTo(new Week("tandem-usage-csv", 5, 130L, null));
    assertThat(fx.agentDays(ANA, "copilot", "2026-W47")).isEqualTo((short) 2);
    imports.undo(weekly);
    assertThat(fx.week(ANA, "copilot", "2026-W47")).isNull();
  }

  @Test
  void a_held_agent_day_keeps_its_agent_use_when_its_identity_is_mapped() {
    ImportResult held =
        fx.importText(
            "{\"day\":\"2026-11-19\",\"user_id\":102,\"user_login\":\"lwei\","
                + "\"user_initiated_interaction_count\":5,\"code_generation_activity_count\":2,"
                + "\"code_acceptance_activity_count\":1,\"loc_added_sum\":30,"
                + "\"used_agent\":true,\"used_chat\":true,\"used_cli\":false}\n"
                + "{\"day\":\"2026-11-20\",\"user_id\":102,\"user_login\":\"lwei\","
                + "\"user_initiated_interaction_count\":1,\"code_generation_activity_count\":0,"
                + "\"code_acceptance_activity_count\":0,\"loc_added_sum\":0,"
                + "\"used_agent\":false,\"used_chat\":true,\"used_cli\":false}\n",
            "copilot-user-metrics-ndjson");
    assertThat(held.rowsUnmatched()).isEqualTo(2);
    assertThat(fx.week(LI, "copilot", "2026-W47")).isNull();

    fx.importText(
        "source,external_id,email\ncopilot,lwei,li.wei@example.com\n", "identity-map-csv");

    assertThat(fx.week(LI, "copilot", "2026-W47"))
        .isEqualTo(new Week("copilot-user-metrics-ndjson", 2, 6L, 30L));
    assertThat(fx.agentDays(LI, "copilot", "2026-W47")).isEqualTo((short) 1);
  }
}

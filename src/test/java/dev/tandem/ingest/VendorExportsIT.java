package dev.tandem.ingest;

import static org.assertj.core.api.Assertions.assertThat;

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
 * Vendor exports laid out exactly as the vendors write them (GitHub's documented Copilot record as
 * a pretty-printed JSON array, a captured Cursor response), down to the weekly figures with agent
 * days.
 */
@SpringBootTest
@ResetTables
class VendorExportsIT {

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
  void a_pretty_printed_copilot_json_array_imports_like_ndjson_with_agent_days() {
    fx.importText(
        "source,external_id,email\ncopilot,ohaddad,omar.haddad@example.com\n", "identity-map-csv");

    ImportResult r = fx.importFile("copilot-users-1-day-array.json", "copilot-user-metrics-ndjson");

    assertThat(r.errors()).isEmpty();
    assertThat(r.rowsRead()).isEqualTo(4);
    assertThat(r.rowsApplied()).isEqualTo(4);
    // Ana: 16th (used_agent), 17th (chat_panel_agent_mode activity), 18th (ask mode, completions):
    // 3 active days, 12 + 3 + 4 = 19 interactions, 60 + 9 + 14 = 83 lines, 2 agent days.
    assertThat(fx.week("ana.silva@example.com", "copilot", "2026-W47"))
        .isEqualTo(new Week("copilot-user-metrics-ndjson", 3, 19L, 83L));
    assertThat(fx.agentDays("ana.silva@example.com", "copilot", "2026-W47")).isEqualTo((short) 2);
    // Omar only had the coding agent work for him: an active day and an agent day.
    assertThat(fx.week("omar.haddad@example.com", "copilot", "2026-W47"))
        .isEqualTo(new Week("copilot-user-metrics-ndjson", 1, 0L, 0L));
    assertThat(fx.agentDays("omar.haddad@example.com", "copilot", "2026-W47")).isEqualTo((short) 1);
  }

  @Test
  void a_copilot_array_with_a_bad_element_names_its_line_and_an_unclosed_array_is_refused() {
    ImportResult bad =
        fx.importText(
            "[\n  {\"day\":\"2026-11-16\",\"user_login\":\"asilva\",\"loc_added_sum\":1},\n  7\n]\n",
            "copilot-user-metrics-ndjson");
    assertThat(bad.outcome()).isEqualTo("refused");
    assertThat(bad.errors())
        .extracting(ImportError::line, ImportError::field)
        .containsExactly(org.assertj.core.groups.Tuple.tuple(3L, "record"));

    ImportResult open =
        fx.importText(
            "[\n  {\"day\":\"2026-11-16\",\"user_login\":\"asilva\",\"loc_added_sum\":1}\n",
            "copilot-user-metrics-ndjson");
    assertThat(open.outcome()).isEqualTo("refused");
    assertThat(fx.week("ana.silva@example.com", "copilot", "2026-W47")).isNull();
  }

  @Test
  void cursor_reads_the_day_field_and_an_open_editor_without_ai_actions_is_not_active() {
    ImportResult r = fx.importFile("cursor-daily-usage-captured.json", "cursor-daily-usage-json");

    assertThat(r.errors()).isEmpty();
    // The 17th (tabs, chat, cmd-K) and the 22nd: its `date` is 2026-11-23T04:30Z (a Monday, week
    // 48) but its `day` is Sunday the 22nd. The 18th has isActive true and no AI action: inactive.
    // Interactions 4 + 2 and 1 + 7; lines 96 + 150; agent only on the 22nd (composer, agent).
    assertThat(fx.week("ana.silva@example.com", "cursor", "2026-W47"))
        .isEqualTo(new Week("cursor-daily-usage-json", 2, 14L, 246L));
    assertThat(fx.agentDays("ana.silva@example.com", "cursor", "2026-W47")).isEqualTo((short) 1);
    assertThat(fx.week("ana.silva@example.com", "cursor", "2026-W48")).isNull();
    // Without `day`, the UTC date of `date` (2026-11-24T04:30Z, a Tuesday): week 48.
    assertThat(fx.week("li.wei@example.com", "cursor", "2026-W48"))
        .isEqualTo(new Week("cursor-daily-usage-json", 1, 2L, 7L));
    assertThat(fx.agentDays("li.wei@example.com", "cursor", "2026-W48")).isEqualTo((short) 0);
  }
}

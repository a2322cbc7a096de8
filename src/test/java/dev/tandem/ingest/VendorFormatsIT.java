package dev.tandem.ingest;

import static dev.tandem.db.Tables.INCIDENT;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tandem.ResetTables;
import dev.tandem.base.AiInvolvement;
import dev.tandem.base.RootCause;
import dev.tandem.base.Severity;
import dev.tandem.ingest.IngestFixtures.Week;
import dev.tandem.ingest.format.ImportError;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.core.context.SecurityContextHolder;

/** Every vendor format, from files laid out as the vendor publishes them, down to weekly rows. */
@SpringBootTest
@ResetTables
class VendorFormatsIT {

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
  void copilot_user_days_roll_up_counting_chat_or_cli_use_as_active_and_zero_days_as_inactive() {
    ImportResult r = fx.importFile("copilot-users-1-day.ndjson", "copilot-user-metrics-ndjson");

    assertThat(r.errors()).isEmpty();
    assertThat(r.rowsRead()).isEqualTo(4);
    assertThat(r.rowsUnmatched()).isEqualTo(1); // lwei has no mapping
    assertThat(fx.week("ana.silva@example.com", "copilot", "2026-W47"))
        .isEqualTo(new Week("copilot-user-metrics-ndjson", 2, 7L, 54L));
    assertThat(fx.week("omar.haddad@example.com", "copilot", "2026-W47"))
        .isEqualTo(new Week("copilot-user-metrics-ndjson", 1, 3L, 8L));
    assertThat(imports.unmatchedIdentities())
        .extracting(UnmatchedIdentity::externalId)
        .containsExactly("lwei");
  }

  @Test
  void
      q_developer_accepts_padded_headers_us_dates_and_new_columns_and_sums_the_documented_metrics() {
    ImportResult r = fx.importFile("q-developer-by-user-analytic.csv", "q-developer-csv");

    assertThat(r.errors()).isEmpty();
    assertThat(r.rowsUnmatched()).isEqualTo(1);
    // 17th: 8 + 11 + 1 interactions, 12 + 40 + 30 lines; 18th all zero (inactive); 19th only
    // suggestions shown (active, no interactions).
    assertThat(fx.week("ana.silva@example.com", "q-developer", "2026-W47"))
        .isEqualTo(new Week("q-developer-csv", 2, 20L, 82L));
  }

  @Test
  void q_developer_with_tool_kiro_maps_through_the_kiro_identities() {
    ImportResult r =
        imports.importFile(
            new ImportRequest(
                "q-developer-csv", ImportMode.ALL_OR_NOTHING, false, "kiro.csv", "kiro"),
            IngestFixtures.resource("q-developer-by-user-analytic.csv"));
    assertThat(r.errors()).isEmpty();
    assertThat(fx.week("ana.silva@example.com", "kiro", "2026-W47").activeDays()).isEqualTo(2);
  }

  @Test
  void q_developer_never_reads_a_bad_metric_as_zero() {
    ImportResult r =
        fx.importText(
            "UserId,Date,Chat_MessagesSent\nu1,2026-11-17,1.5\nu1,13/45/2026,1\n",
            "q-developer-csv");
    assertThat(r.errors())
        .extracting(ImportError::line, ImportError::field)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(2L, "Chat_MessagesSent"),
            org.assertj.core.groups.Tuple.tuple(3L, "Date"));
  }

  @Test
  void kiro_rows_per_client_are_one_day_of_use() {
    ImportResult r = fx.importFile("kiro-user-report.csv", "kiro-user-report-csv");

    assertThat(r.errors()).isEmpty();
    assertThat(r.rowsApplied()).isEqualTo(4);
    assertThat(fx.week("ana.silva@example.com", "kiro", "2026-W47"))
        .isEqualTo(new Week("kiro-user-report-csv", 1, 37L, null));
    // credits alone make a day active
    assertThat(fx.week("li.wei@example.com", "kiro", "2026-W47"))
        .isEqualTo(new Week("kiro-user-report-csv", 1, 0L, null));
  }

  @Test
  void cursor_epoch_millisecond_days_and_case_variant_emails_land_in_their_week() {
    ImportResult r = fx.importFile("cursor-daily-usage.json", "cursor-daily-usage-json");

    assertThat(r.errors()).isEmpty();
    assertThat(fx.week("ana.silva@example.com", "cursor", "2026-W47"))
        .isEqualTo(new Week("cursor-daily-usage-json", 1, 11L, 120L));
    assertThat(fx.week("li.wei@example.com", "cursor", "2026-W47"))
        .isEqualTo(new Week("cursor-daily-usage-json", 1, 2L, 7L));
  }

  @Test
  void claude_code_keeps_api_key_actors_unmatched_and_adds_terminals_of_one_day() {
    ImportResult r = fx.importFile("claude-code-usage.json", "claude-code-usage-json");

    assertThat(r.errors()).isEmpty();
    assertThat(r.rowsUnmatched()).isEqualTo(1);
    assertThat(fx.week("li.wei@example.com", "claude-code", "2026-W47"))
        .isEqualTo(new Week("claude-code-usage-json", 1, 5L, 225L));
    assertThat(fx.week("omar.haddad@example.com", "claude-code", "2026-W47"))
        .isEqualTo(new Week("claude-code-usage-json", 0, 0L, 0L));
    assertThat(imports.unmatchedIdentities())
        .extracting(UnmatchedIdentity::source, UnmatchedIdentity::externalId)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("claude-code", "api-key:ci-bot"));
  }

  @Test
  void tandem_incidents_are_stored_with_attribution_and_safeguards() {
    ImportResult r = fx.importFile("incidents.csv", "tandem-incidents-csv");

    assertThat(r.errors()).isEmpty();
    Record inc = db.selectFrom(INCIDENT).where(INCIDENT.EXTERNAL_ID.eq("INC-1044")).fetchOne();
    assertThat(inc.get(INCIDENT.SEVERITY)).isEqualTo(Severity.SEV1);
    assertThat(inc.get(INCIDENT.AI_INVOLVEMENT)).isEqualTo(AiInvolvement.ASSISTED);
    assertThat(inc.get(INCIDENT.TOOL_KEY)).isEqualTo("copilot");
    assertThat(inc.get(INCIDENT.PEER_REVIEWED)).isTrue();
    assertThat(inc.get(INCIDENT.APPROVAL_REQUIRED)).isFalse();
    assertThat(inc.get(INCIDENT.CUSTOMER_IMPACT)).isTrue();
    assertThat(db.fetchCount(INCIDENT)).isEqualTo(3);

    ImportResult bad =
        fx.importText(
            "id,title,severity,started_at,resolved_at,ai_involvement,tool\n"
                + "X1,t,SEV5,2025-12-03T09:12:00Z,2025-12-03T08:00:00Z,none,kiro\n",
            "tandem-incidents-csv");
    assertThat(bad.errors())
        .extracting(ImportError::field)
        .containsExactly("severity", "resolved_at", "tool");
  }

  @Test
  void pagerduty_reimports_update_what_pagerduty_owns_and_never_the_triage() {
    ImportResult first = fx.importFile("pagerduty-incidents.json", "pagerduty-incidents-json");
    assertThat(first.errors()).isEmpty();
    Record billing = db.selectFrom(INCIDENT).where(INCIDENT.EXTERNAL_ID.eq("Q2KJ7ZR1")).fetchOne();
    assertThat(billing.get(INCIDENT.SEVERITY)).isEqualTo(Severity.SEV2);
    assertThat(billing.get(INCIDENT.AI_INVOLVEMENT)).isEqualTo(AiInvolvement.UNKNOWN);
    assertThat(billing.get(INCIDENT.TEAM_ID)).isNotNull(); // "Payments" matches team payments
    Record queue = db.selectFrom(INCIDENT).where(INCIDENT.EXTERNAL_ID.eq("Q3LM8AS2")).fetchOne();
    assertThat(queue.get(INCIDENT.SEVERITY)).isEqualTo(Severity.SEV3);
    assertThat(queue.get(INCIDENT.RESOLVED_AT)).isNotNull();

    // People triage in Tandem...
    db.update(INCIDENT)
        .set(INCIDENT.AI_INVOLVEMENT, AiInvolvement.AGENT)
        .set(INCIDENT.TOOL_KEY, "kiro")
        .set(INCIDENT.ROOT_CAUSE, RootCause.ACCESS_CONTROL)
        .where(INCIDENT.EXTERNAL_ID.eq("Q2KJ7ZR1"))
        .execute();
    // ...then PagerDuty changes the title and priority.
    String changed =
        new String(IngestFixtures.bytes("pagerduty-incidents.json"), StandardCharsets.UTF_8)
            .replace("Elevated 5xx on billing API", "Billing API outage")
            .replace("\"P2\"", "\"P1\"");
    ImportResult second =
        imports.importFile(
            new ImportRequest(
                "pagerduty-incidents-json", ImportMode.ALL_OR_NOTHING, false, "pd.json", null),
            new ByteArrayInputStream(changed.getBytes(StandardCharsets.UTF_8)));
    assertThat(second.errors()).isEmpty();
    billing = db.selectFrom(INCIDENT).where(INCIDENT.EXTERNAL_ID.eq("Q2KJ7ZR1")).fetchOne();
    assertThat(billing.get(INCIDENT.TITLE)).isEqualTo("Billing API outage");
    assertThat(billing.get(INCIDENT.SEVERITY)).isEqualTo(Severity.SEV1);
    assertThat(billing.get(INCIDENT.AI_INVOLVEMENT)).isEqualTo(AiInvolvement.AGENT);
    assertThat(billing.get(INCIDENT.ROOT_CAUSE)).isEqualTo(RootCause.ACCESS_CONTROL);
    assertThat(db.fetchCount(INCIDENT)).isEqualTo(3);

    imports.undo(second.batchId());
    billing = db.selectFrom(INCIDENT).where(INCIDENT.EXTERNAL_ID.eq("Q2KJ7ZR1")).fetchOne();
    assertThat(billing.get(INCIDENT.TITLE)).isEqualTo("Elevated 5xx on billing API");
    assertThat(billing.get(INCIDENT.AI_INVOLVEMENT)).isEqualTo(AiInvolvement.AGENT);
    imports.undo(first.batchId());
    assertThat(db.fetchCount(INCIDENT)).isZero();
  }

  @Test
  void an_identity_map_import_applies_the_rows_it_resolves_and_a_roster_import_can_be_undone() {
    fx.importFile("copilot-users-1-day.ndjson", "copilot-user-metrics-ndjson");
    assertThat(fx.week("li.wei@example.com", "copilot", "2026-W47")).isNull();
    fx.importText(
        "source,external_id,email\ncopilot,lwei,li.wei@example.com\n", "identity-map-csv");
    assertThat(fx.week("li.wei@example.com", "copilot", "2026-W47"))
        .isEqualTo(new Week("copilot-user-metrics-ndjson", 0, 0L, 0L));

    ImportResult joiner =
        fx.importText(
            "email,name,team_path,started_on\nnew.person@example.com,New Person,engineering/labs,2026-01-05\n",
            "tandem-roster-csv");
    assertThat(joiner.errors()).isEmpty();
    imports.undo(joiner.batchId());
    assertThat(
            db.fetchCount(
                dev.tandem.db.Tables.DEVELOPER,
                dev.tandem.db.Tables.DEVELOPER.EMAIL.eq("new.person@example.com")))
        .isZero();

    ImportResult moved =
        fx.importText(
            "email,name,team_path,started_on\nana.silva@example.com,Ana,platform/payments,2024-03-01\n",
            "tandem-roster-csv");
    assertThat(moved.errors()).extracting(ImportError::field).containsExactly("team_path");
  }
}

package dev.tandem.connectors;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Claude Code from the Anthropic Admin API, as WireMock plays it. */
class ClaudeCodeConnectorIT extends ConnectorsTestBase {

  static MappingBuilder day(String day) {
    return get(urlPathEqualTo(ClaudeCodeConnector.PATH))
        .withQueryParam("starting_at", equalTo(day))
        .withHeader("x-api-key", equalTo("sk-ant-admin-test-1234"))
        .withHeader("anthropic-version", equalTo("2023-06-01"));
  }

  static String row(String day, String email, int sessions, int added, int edits, String where) {
    return json(
        "{'date':'"
            + day
            + "T00:00:00Z','actor':{'type':'user_actor','email_address':'"
            + email
            + "'},'organization_id':'org-1','customer_type':'subscription','terminal_type':'"
            + where
            + "','core_metrics':{'num_sessions':"
            + sessions
            + ",'lines_of_code':{'added':"
            + added
            + ",'removed':3},'commits_by_claude_code':1,'pull_requests_by_claude_code':0},"
            + "'tool_actions':{'edit_tool':{'accepted':"
            + edits
            + ",'rejected':1}}}");
  }

  static String page(boolean hasMore, String next, String... rows) {
    return "{\"data\":["
        + String.join(",", rows)
        + "],\"has_more\":"
        + hasMore
        + ",\"next_page\":"
        + (next == null ? "null" : "\"" + next + "\"")
        + "}";
  }

  /** The 16th in two pages (the second answers 429 once), the 17th 500 once, the 18th empty. */
  void stubVendorWeek() {
    vendor.stubFor(
        day("2026-11-16")
            .withQueryParam("limit", equalTo("1000"))
            .atPriority(5)
            .willReturn(
                okJson(
                    page(
                        true,
                        "page_2_cursor",
                        row("2026-11-16", "ana.silva@example.com", 2, 40, 5, "vscode")))));
    vendor.stubFor(
        day("2026-11-16")
            .withQueryParam("page", equalTo("page_2_cursor"))
            .atPriority(1)
            .inScenario("p2")
            .whenScenarioStateIs(Scenario.STARTED)
            .willReturn(
                aResponse()
                    .withStatus(429)
                    .withHeader("Retry-After", "1")
                    .withBody(
                        json(
                            "{'type':'error','error':{'type':'rate_limit_error','message':'slow"
                                + " down'}}")))
            .willSetStateTo("ok"));
    vendor.stubFor(
        day("2026-11-16")
            .withQueryParam("page", equalTo("page_2_cursor"))
            .atPriority(1)
            .inScenario("p2")
            .whenScenarioStateIs("ok")
            .willReturn(
                okJson(
                    page(
                        false,
                        null,
                        row("2026-11-16", "ana.silva@example.com", 1, 10, 2, "remote"),
                        row("2026-11-16", "li.wei@example.com", 3, 100, 7, "vscode")))));
    vendor.stubFor(
        day("2026-11-17")
            .inScenario("d17")
            .whenScenarioStateIs(Scenario.STARTED)
            .willReturn(aResponse().withStatus(500).withBody("upstream error"))
            .willSetStateTo("ok"));
    vendor.stubFor(
        day("2026-11-17")
            .inScenario("d17")
            .whenScenarioStateIs("ok")
            .willReturn(
                okJson(page(false, null, row("2026-11-17", "li.wei@example.com", 1, 20, 1, "x")))));
    vendor.stubFor(day("2026-11-18").willReturn(okJson(page(false, null))));
    vendor.stubFor(
        day("2026-11-19")
            .willReturn(
                okJson(page(false, null, row("2026-11-19", "li.wei@example.com", 2, 5, 0, "x")))));
  }

  @Test
  void a_run_follows_every_page_waits_out_429_and_500_and_imports_one_batch_per_day_with_data() {
    configure("claude-code", "sk-ant-admin-test-1234", Map.of());
    stubVendorWeek();

    ConnectorRun run = runner.run("claude-code", "manual", "it-admin");

    assertThat(run.outcome()).isEqualTo("succeeded");
    assertThat(run.firstDay()).isEqualTo(LocalDate.parse("2026-11-16"));
    assertThat(run.lastDay()).isEqualTo(LocalDate.parse("2026-11-19"));
    // 16th: ana local 2 + remote 1 sessions, 40 + 10 lines, one day; li 3 days: 3 + 1 + 2
    // sessions, 100 + 20 + 5 lines.
    assertThat(week("ana.silva@example.com", "claude-code")).containsExactly(1L, 3L, 50L);
    assertThat(week("li.wei@example.com", "claude-code")).containsExactly(3L, 6L, 125L);
    // The empty 18th made no batch; the page 2 request was retried after the 429.
    assertThat(batches("claude-code"))
        .containsExactly(
            "claude-code 2026-11-16.json applied",
            "claude-code 2026-11-17.json applied",
            "claude-code 2026-11-19.json applied");
    assertThat(run.batchIds()).hasSize(3);
    // Each batch is audited as the connector's own import.
    assertThat(
            db.fetchCount(
                dev.tandem.db.Tables.AUDIT_LOG,
                dev.tandem.db.Tables.AUDIT_LOG
                    .ACTOR
                    .eq("connector:claude-code")
                    .and(dev.tandem.db.Tables.AUDIT_LOG.ACTION.eq("import"))))
        .isGreaterThanOrEqualTo(3);
    vendor.verify(
        2,
        getRequestedFor(urlPathEqualTo(ClaudeCodeConnector.PATH))
            .withQueryParam("page", equalTo("page_2_cursor")));

    // A later run goes back 3 days from the last complete day (the 19th) and replaces, not adds.
    vendor.resetScenarios();
    ConnectorRun again = runner.run("claude-code", "manual", "it-admin");
    assertThat(again.firstDay()).isEqualTo(LocalDate.parse("2026-11-16"));
    assertThat(again.outcome()).isEqualTo("succeeded");
    assertThat(week("li.wei@example.com", "claude-code")).containsExactly(3L, 6L, 125L);
  }

  @Test
  void
      a_rejected_key_fails_the_run_on_its_first_day_with_the_vendors_message_and_applies_nothing() {
    configure("claude-code", "sk-ant-admin-wrong-9999", Map.of());
    vendor.stubFor(
        get(urlPathEqualTo(ClaudeCodeConnector.PATH))
            .willReturn(
                aResponse()
                    .withStatus(401)
                    .withBody(
                        json(
                            "{'type':'error','error':{'type':'authentication_error',"
                                + "'message':'invalid x-api-key'}}"))));
    int before = batches("claude-code").size();

    ConnectorRun run = runner.run("claude-code", "manual", "it-admin");

    assertThat(run.outcome()).isEqualTo("failed");
    assertThat(run.failedDay()).isEqualTo(LocalDate.parse("2026-11-16"));
    assertThat(run.message()).isEqualTo("2026-11-16: HTTP 401: invalid x-api-key");
    assertThat(batches("claude-code")).hasSize(before);
    assertThat(service.testConnection("claude-code").message())
        .isEqualTo("HTTP 401: invalid x-api-key");
    // 401 is not retried: one request for the run, one for the test.
    vendor.verify(2, getRequestedFor(urlPathEqualTo(ClaudeCodeConnector.PATH)));
    assertThat(service.connector("claude-code").problem()).startsWith("its last run failed");
  }

  @Test
  void a_malformed_day_is_refused_naming_its_line_and_the_run_stops_there_with_that_day() {
    configure("claude-code", "sk-ant-admin-test-1234", Map.of());
    vendor.stubFor(
        day("2026-11-16")
            .willReturn(
                okJson(
                    page(
                        false, null, row("2026-11-16", "omar.haddad@example.com", 4, 8, 1, "x")))));
    vendor.stubFor(
        day("2026-11-17")
            .willReturn(okJson("{\"data\":[\n{\"date\":\"2026-11-17T00:00:00Z\",\n\"actor\": }")));
    List<String> before = batches("claude-code");

    ConnectorRun run = runner.run("claude-code", "manual", "it-admin");

    assertThat(run.outcome()).isEqualTo("failed");
    assertThat(run.failedDay()).isEqualTo(LocalDate.parse("2026-11-17"));
    assertThat(run.message()).contains("claude-code 2026-11-17 page 1.json was refused: line 3");
    assertThat(batches("claude-code").subList(before.size(), before.size() + 2))
        .containsExactly(
            "claude-code 2026-11-16.json applied", "claude-code 2026-11-17 page 1.json refused");
    assertThat(week("omar.haddad@example.com", "claude-code")).containsExactly(1L, 4L, 8L);
    // The next run starts again from the failed day.
    assertThat(service.connector("claude-code").config().lastCompleteDay())
        .isEqualTo(LocalDate.parse("2026-11-16"));
  }
}

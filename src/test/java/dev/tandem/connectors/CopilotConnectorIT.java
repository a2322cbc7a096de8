package dev.tandem.connectors;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** GitHub Copilot's users-1-day reports: download links, then NDJSON, as WireMock plays them. */
class CopilotConnectorIT extends ConnectorsTestBase {

  static final String PATH = "/orgs/acme/copilot/metrics/reports/users-1-day";

  static MappingBuilder day(String day) {
    return get(urlPathEqualTo(PATH))
        .withQueryParam("day", equalTo(day))
        .withHeader("Authorization", equalTo("Bearer github_pat_test_5678"))
        .withHeader("X-GitHub-Api-Version", equalTo("2022-11-28"));
  }

  static String links(String day, String... files) {
    StringBuilder b = new StringBuilder("{\"download_links\":[");
    for (int i = 0; i < files.length; i++) {
      b.append(i == 0 ? "" : ",")
          .append('"')
          .append(vendor.baseUrl())
          .append("/dl/")
          .append(files[i])
          .append('"');
    }
    return b.append("],\"report_day\":\"").append(day).append("\"}").toString();
  }

  static String user(String day, String login, int interactions, int loc, boolean agent) {
    return json(
        "{'day':'"
            + day
            + "','user_id':101,'user_login':'"
            + login
            + "','user_initiated_interaction_count':"
            + interactions
            + ",'code_generation_activity_count':3,'code_acceptance_activity_count':1,"
            + "'loc_suggested_to_add_sum':90,'loc_added_sum':"
            + loc
            + ",'loc_deleted_sum':2,'used_agent':"
            + agent
            + ",'used_chat':true,'used_cli':false,'totals_by_ide':[]}");
  }

  @Test
  void a_run_downloads_every_linked_file_of_each_day_and_rolls_the_users_up_by_week() {
    configure("copilot", "github_pat_test_5678", Map.of("org", "acme"));
    vendor.stubFor(
        day("2026-11-16").willReturn(okJson(links("2026-11-16", "16-1.ndjson", "16-2.ndjson"))));
    vendor.stubFor(
        get(urlPathEqualTo("/dl/16-1.ndjson"))
            .withHeader("Authorization", absent())
            .willReturn(aResponse().withBody(user("2026-11-16", "asilva", 7, 54, false))));
    vendor.stubFor(
        get(urlPathEqualTo("/dl/16-2.ndjson"))
            .inScenario("dl")
            .whenScenarioStateIs(Scenario.STARTED)
            .willReturn(aResponse().withStatus(502))
            .willSetStateTo("ok"));
    vendor.stubFor(
        get(urlPathEqualTo("/dl/16-2.ndjson"))
            .inScenario("dl")
            .whenScenarioStateIs("ok")
            .willReturn(aResponse().withBody(user("2026-11-16", "lwei", 1, 0, false) + "\n")));
    vendor.stubFor(
        day("2026-11-17")
            .inScenario("17")
            .whenScenarioStateIs(Scenario.STARTED)
            .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "1"))
            .willSetStateTo("ok"));
    vendor.stubFor(
        day("2026-11-17")
            .inScenario("17")
            .whenScenarioStateIs("ok")
            .willReturn(okJson(links("2026-11-17", "17.ndjson"))));
    vendor.stubFor(
        get(urlPathEqualTo("/dl/17.ndjson"))
            .willReturn(aResponse().withBody(user("2026-11-17", "asilva", 3, 10, true))));
    vendor.stubFor(day("2026-11-18").willReturn(okJson(links("2026-11-18"))));
    // Yesterday's report is not published yet: empty for now, fetched again by later runs.
    vendor.stubFor(
        day("2026-11-19")
            .willReturn(
                aResponse()
                    .withStatus(404)
                    .withBody("{\"message\":\"Not Found\",\"status\":\"404\"}")));

    ConnectorRun run = runner.run("copilot", "manual", "it-admin");

    assertThat(run.outcome()).as(run.message()).isEqualTo("succeeded");
    // asilva: 7 + 3 interactions, 54 + 10 lines on 2 days; lwei is not mapped: held unmatched.
    assertThat(week("ana.silva@example.com", "copilot")).containsExactly(2L, 10L, 64L);
    assertThat(run.rowsUnmatched()).isEqualTo(1);
    assertThat(batches("copilot"))
        .containsExactly(
            "copilot users-1-day 2026-11-16.ndjson applied",
            "copilot users-1-day 2026-11-17.ndjson applied");
    vendor.verify(2, getRequestedFor(urlPathEqualTo("/dl/16-2.ndjson")));
  }

  @Test
  void bad_credentials_fail_the_run_with_githubs_message_and_a_broken_line_names_its_number() {
    configure("copilot", "github_pat_test_5678", Map.of("org", "acme"));
    vendor.stubFor(
        get(urlPathEqualTo(PATH))
            .willReturn(
                aResponse()
                    .withStatus(401)
                    .withBody(
                        "{\"message\":\"Bad credentials\",\"documentation_url\":\"https://docs.github.com/rest\",\"status\":\"401\"}")));
    ConnectorRun unauthorized = runner.run("copilot", "manual", "it-admin");
    assertThat(unauthorized.message()).isEqualTo("2026-11-16: HTTP 401: Bad credentials");
    assertThat(service.testConnection("copilot").message()).isEqualTo("HTTP 401: Bad credentials");

    vendor.resetAll();
    vendor.stubFor(day("2026-11-16").willReturn(okJson(links("2026-11-16", "bad.ndjson"))));
    vendor.stubFor(
        get(urlPathEqualTo("/dl/bad.ndjson"))
            .willReturn(
                aResponse()
                    .withBody(
                        user("2026-11-16", "asilva", 1, 1, false) + "\n{\"day\":\"2026-11-16\",")));
    int before = batches("copilot").size();
    ConnectorRun malformed = runner.run("copilot", "manual", "it-admin");
    assertThat(malformed.failedDay()).isEqualTo(LocalDate.parse("2026-11-16"));
    assertThat(malformed.message()).contains("was refused: line 2");
    assertThat(batches("copilot").subList(before, batches("copilot").size()))
        .containsExactly("copilot users-1-day 2026-11-16.ndjson refused");
  }
}

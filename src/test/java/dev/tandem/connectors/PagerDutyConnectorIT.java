package dev.tandem.connectors;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static dev.tandem.db.Tables.INCIDENT;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** PagerDuty incidents by day with offset paging, as WireMock plays the REST API. */
class PagerDutyConnectorIT extends ConnectorsTestBase {

  static MappingBuilder day(String day, String next, int offset) {
    return get(urlPathEqualTo("/incidents"))
        .withQueryParam("since", equalTo(day + "T00:00:00Z"))
        .withQueryParam("until", equalTo(next + "T00:00:00Z"))
        .withQueryParam("offset", equalTo(String.valueOf(offset)))
        .withHeader("Authorization", equalTo("Token token=u+pd_test_key_4321"));
  }

  static String incident(String id, String priority, String urgency, String team, String at) {
    return json(
        "{'id':'"
            + id
            + "','incident_number':1,'title':'Incident "
            + id
            + "','status':'resolved','urgency':'"
            + urgency
            + "','priority':"
            + (priority == null ? "null" : "{'summary':'" + priority + "'}")
            + ",'service':{'id':'S','summary':'billing-api'},'teams':[{'id':'T','summary':'"
            + team
            + "'}],'created_at':'"
            + at
            + "','resolved_at':null,'last_status_change_at':'"
            + at.replace("T08", "T09")
            + "'}");
  }

  static String page(boolean more, int offset, String... incidents) {
    return "{\"incidents\":["
        + String.join(",", incidents)
        + "],\"limit\":1,\"offset\":"
        + offset
        + ",\"more\":"
        + more
        + ",\"total\":null}";
  }

  @Test
  void a_run_pages_by_offset_and_imports_each_days_incidents_mapping_priority_and_team() {
    configure("pagerduty", "u+pd_test_key_4321", Map.of("region", "eu"));
    vendor.stubFor(
        day("2026-11-16", "2026-11-17", 0)
            .willReturn(
                okJson(
                    page(
                        true,
                        0,
                        incident("PD16A", "P1", "high", "Payments", "2026-11-16T08:00:00Z")))));
    vendor.stubFor(
        day("2026-11-16", "2026-11-17", 1)
            .inScenario("p2")
            .whenScenarioStateIs(Scenario.STARTED)
            .willReturn(
                aResponse()
                    .withStatus(429)
                    .withHeader("Retry-After", "1")
                    .withBody("{\"error\":{\"message\":\"Rate Limit Exceeded\",\"code\":2020}}"))
            .willSetStateTo("ok"));
    vendor.stubFor(
        day("2026-11-16", "2026-11-17", 1)
            .inScenario("p2")
            .whenScenarioStateIs("ok")
            .willReturn(
                okJson(
                    page(
                        false,
                        1,
                        incident("PD16B", null, "low", "Nobody", "2026-11-16T08:30:00Z")))));
    vendor.stubFor(
        day("2026-11-17", "2026-11-18", 0)
            .inScenario("17")
            .whenScenarioStateIs(Scenario.STARTED)
            .willReturn(aResponse().withStatus(500))
            .willSetStateTo("ok"));
    vendor.stubFor(
        day("2026-11-17", "2026-11-18", 0)
            .inScenario("17")
            .whenScenarioStateIs("ok")
            .willReturn(
                okJson(
                    page(
                        false,
                        0,
                        incident("PD17", "P4", "high", "checkout", "2026-11-17T08:00:00Z")))));
    vendor.stubFor(day("2026-11-18", "2026-11-19", 0).willReturn(okJson(page(false, 0))));
    vendor.stubFor(day("2026-11-19", "2026-11-20", 0).willReturn(okJson(page(false, 0))));

    ConnectorRun run = runner.run("pagerduty", "manual", "it-admin");

    assertThat(run.outcome()).as(run.message()).isEqualTo("succeeded");
    assertThat(
            db.select(INCIDENT.EXTERNAL_ID, INCIDENT.SEVERITY, INCIDENT.AI_INVOLVEMENT)
                .from(INCIDENT)
                .where(INCIDENT.SOURCE.eq("pagerduty"))
                .orderBy(INCIDENT.EXTERNAL_ID)
                .fetch(r -> r.value1() + " " + r.value2() + " " + r.value3()))
        .containsExactly("PD16A SEV1 unknown", "PD16B SEV3 unknown", "PD17 SEV4 unknown");
    assertThat(batches("pagerduty"))
        .containsExactly("pagerduty 2026-11-16.json applied", "pagerduty 2026-11-17.json applied");
  }

  @Test
  void the_eu_region_chooses_the_eu_service_unless_a_base_url_is_set() {
    var pd = new PagerDutyConnector();
    var eu = Connectors.unconfigured(pd);
    eu =
        new ConnectorConfig(
            "pagerduty",
            true,
            null,
            Map.of("region", "eu"),
            null,
            null,
            3,
            eu.secret(),
            null,
            null,
            null);
    assertThat(pd.baseUrlFor(eu)).isEqualTo("https://api.eu.pagerduty.com");
    assertThat(pd.baseUrlFor(Connectors.unconfigured(pd))).isEqualTo("https://api.pagerduty.com");
  }

  @Test
  void an_unauthorized_key_fails_the_run_applying_nothing_and_a_broken_page_is_refused_by_line() {
    configure("pagerduty", "u+pd_test_key_4321", Map.of());
    vendor.stubFor(
        get(urlPathEqualTo("/incidents"))
            .willReturn(
                aResponse()
                    .withStatus(401)
                    .withBody(
                        "{\"error\":{\"message\":\"Authentication failed\",\"code\":2006}}")));
    int before = batches("pagerduty").size();
    ConnectorRun unauthorized = runner.run("pagerduty", "manual", "it-admin");
    assertThat(unauthorized.message()).isEqualTo("2026-11-16: HTTP 401: Authentication failed");
    assertThat(batches("pagerduty")).hasSize(before);

    vendor.resetAll();
    vendor.stubFor(
        day("2026-11-16", "2026-11-17", 0)
            .willReturn(okJson("{\"incidents\":[\n{\"id\":\"X1\",\n\"title\": ]}")));
    ConnectorRun malformed = runner.run("pagerduty", "manual", "it-admin");
    assertThat(malformed.message()).contains("pagerduty 2026-11-16 page 1.json was refused: line");
    assertThat(db.fetchCount(INCIDENT, INCIDENT.EXTERNAL_ID.eq("X1"))).isZero();
  }
}

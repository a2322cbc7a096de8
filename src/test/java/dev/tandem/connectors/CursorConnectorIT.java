package dev.tandem.connectors;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Cursor's Admin API daily usage, one POST per UTC day, as WireMock plays it. */
class CursorConnectorIT extends ConnectorsTestBase {

  static final String KEY = "key_cursor_test_0000abcd";

  static long ms(String day) {
    return LocalDate.parse(day).atStartOfDay().toInstant(ZoneOffset.UTC).toEpochMilli();
  }

  static MappingBuilder day(String day) {
    String basic = Base64.getEncoder().encodeToString((KEY + ":").getBytes(StandardCharsets.UTF_8));
    return post(urlPathEqualTo("/teams/daily-usage-data"))
        .withHeader("Authorization", equalTo("Basic " + basic))
        .withRequestBody(
            equalToJson(
                "{\"startDate\":" + ms(day) + ",\"endDate\":" + (ms(day) + 86_400_000L - 1) + "}"));
  }

  static String row(String day, String email, int composer, int chat, int agent, int lines) {
    return json(
        "{'date':"
            + (ms(day) + 3_600_000L)
            + ",'day':'"
            + day
            + "','email':'"
            + email
            + "','isActive':true,'totalLinesAdded':"
            + (lines * 2)
            + ",'acceptedLinesAdded':"
            + lines
            + ",'totalAccepts':"
            + (lines > 0 ? 1 : 0)
            + ",'totalTabsAccepted':"
            + (lines > 0 ? 3 : 0)
            + ",'composerRequests':"
            + composer
            + ",'chatRequests':"
            + chat
            + ",'agentRequests':"
            + agent
            + ",'cmdkUsages':0,'bugbotUsages':0,'mostUsedModel':'auto'}");
  }

  static String response(String day, String... rows) {
    return "{\"data\":["
        + String.join(",", rows)
        + "],\"period\":{\"startDate\":"
        + ms(day)
        + ",\"endDate\":"
        + (ms(day) + 86_400_000L - 1)
        + "}}";
  }

  @Test
  void a_run_posts_each_day_retries_429_and_500_and_sums_the_documented_counts_per_week() {
    configure("cursor", KEY, Map.of());
    vendor.stubFor(
        day("2026-11-16")
            .inScenario("16")
            .whenScenarioStateIs(Scenario.STARTED)
            .willReturn(
                aResponse()
                    .withStatus(429)
                    .withHeader("Retry-After", "1")
                    .withBody("{\"error\":\"Rate limit exceeded\"}"))
            .willSetStateTo("ok"));
    vendor.stubFor(
        day("2026-11-16")
            .inScenario("16")
            .whenScenarioStateIs("ok")
            .willReturn(
                okJson(
                    response(
                        "2026-11-16",
                        row("2026-11-16", "ana.silva@example.com", 2, 5, 3, 120),
                        row("2026-11-16", "li.wei@example.com", 0, 0, 0, 0)))));
    vendor.stubFor(
        day("2026-11-17")
            .inScenario("17")
            .whenScenarioStateIs(Scenario.STARTED)
            .willReturn(aResponse().withStatus(503))
            .willSetStateTo("ok"));
    vendor.stubFor(
        day("2026-11-17")
            .inScenario("17")
            .whenScenarioStateIs("ok")
            .willReturn(
                okJson(
                    response(
                        "2026-11-17", row("2026-11-17", "ana.silva@example.com", 0, 4, 0, 10)))));
    vendor.stubFor(day("2026-11-18").willReturn(okJson(response("2026-11-18"))));
    vendor.stubFor(day("2026-11-19").willReturn(okJson(response("2026-11-19"))));

    ConnectorRun run = runner.run("cursor", "manual", "it-admin");

    assertThat(run.outcome()).as(run.message()).isEqualTo("succeeded");
    // ana: 16th 2 + 5 + 3 = 10 requests, 120 lines; 17th 4 chat requests, 10 lines. li's editor
    // was open on the 16th without AI use: read, but not an active day.
    assertThat(week("ana.silva@example.com", "cursor")).containsExactly(2L, 14L, 130L);
    assertThat(week("li.wei@example.com", "cursor")).containsExactly(0L, 0L, 0L);
    assertThat(batches("cursor"))
        .containsExactly("cursor 2026-11-16.json applied", "cursor 2026-11-17.json applied");
    vendor.verify(
        2,
        postRequestedFor(urlPathEqualTo("/teams/daily-usage-data"))
            .withRequestBody(
                equalToJson(
                    "{\"startDate\":"
                        + ms("2026-11-16")
                        + ",\"endDate\":"
                        + (ms("2026-11-16") + 86_399_999L)
                        + "}")));
  }

  @Test
  void a_malformed_answer_is_refused_naming_its_line_and_an_unauthorized_key_applies_nothing() {
    configure("cursor", KEY, Map.of());
    vendor.stubFor(
        day("2026-11-16").willReturn(okJson("{\"data\":[\n{\"date\":1794787200000,\n\"email\":")));

    ConnectorRun malformed = runner.run("cursor", "manual", "it-admin");

    assertThat(malformed.outcome()).isEqualTo("failed");
    assertThat(malformed.failedDay()).isEqualTo(LocalDate.parse("2026-11-16"));
    assertThat(malformed.message()).contains("cursor 2026-11-16.json was refused: line 3");

    vendor.resetAll();
    vendor.stubFor(
        post(urlPathEqualTo("/teams/daily-usage-data"))
            .willReturn(aResponse().withStatus(401).withBody("{\"error\":\"Unauthorized\"}")));
    int before = batches("cursor").size();
    ConnectorRun unauthorized = runner.run("cursor", "manual", "it-admin");
    assertThat(unauthorized.message()).isEqualTo("2026-11-16: HTTP 401: Unauthorized");
    assertThat(batches("cursor")).hasSize(before);
    assertThat(week("omar.haddad@example.com", "cursor")).isNull();
  }
}

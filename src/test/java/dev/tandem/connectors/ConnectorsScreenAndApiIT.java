package dev.tandem.connectors;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import dev.tandem.connectors.ui.ConnectorsView;
import dev.tandem.ingest.ui.DataView;
import dev.tandem.security.ApiTokenService;
import dev.tandem.security.Role;
import dev.tandem.security.TestTokens;
import dev.tandem.ui.KaribuSupport;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

/**
 * A failing connector as admins see it: the Connectors screen (with the vendor's own message on
 * "Test connection"), the Data screen, /actuator/health, the Prometheus meters and the API.
 */
class ConnectorsScreenAndApiIT extends ConnectorsTestBase {

  @LocalServerPort int port;
  @Autowired ApplicationContext context;
  @Autowired ApiTokenService tokens;
  @Autowired net.javacrumbs.shedlock.core.LockProvider locks;
  private final HttpClient http = HttpClient.newHttpClient();

  void failPagerDuty() {
    configure("pagerduty", "u+pd_key_for_screen_7777", Map.of());
    vendor.stubFor(
        get(urlPathEqualTo("/incidents"))
            .willReturn(
                aResponse()
                    .withStatus(403)
                    .withBody(
                        "{\"error\":{\"message\":\"Access Denied\",\"code\":2010,"
                            + "\"errors\":[\"Token lacks read access\"]}}")));
    assertThat(runner.run("pagerduty", "manual", "it-admin").outcome()).isEqualTo("failed");
  }

  @Test
  void the_connectors_screen_lists_every_connector_and_shows_the_vendors_own_error_on_test() {
    failPagerDuty();
    KaribuSupport.setUp(context);
    KaribuSupport.signIn("screen-admin", "ADMIN");
    try {
      UI.getCurrent().navigate(ConnectorsView.class);
      @SuppressWarnings("unchecked")
      Grid<ConnectorState> grid = _get(Grid.class, spec -> spec.withId("connector-grid"));
      assertThat(GridKt._findAll(grid))
          .extracting(ConnectorState::key)
          .containsExactly(
              "claude-code",
              "cursor",
              "cursor-members",
              "copilot",
              "copilot-seats",
              "pagerduty",
              "q-developer",
              "kiro");
      ConnectorState pd =
          GridKt._findAll(grid).stream().filter(s -> s.key().equals("pagerduty")).findFirst().get();
      assertThat(pd.problem())
          .isEqualTo("its last run failed: 2026-11-16: HTTP 403: Access Denied");
      assertThat(pd.config().secret().toString()).contains("…7777").doesNotContain("pd_key");
      grid.select(pd);
      _click(_get(Button.class, spec -> spec.withId("test-connection")));
      assertThat(_get(Paragraph.class, spec -> spec.withId("test-result")).getText())
          .isEqualTo("✘ HTTP 403: Access Denied");

      UI.getCurrent().navigate(DataView.class);
      assertThat(
              _get(Div.class, spec -> spec.withId("connector-alerts"))
                  .getElement()
                  .getTextRecursively())
          .contains(
              "Connector PagerDuty: its last run failed: 2026-11-16: HTTP 403: Access Denied");
    } finally {
      KaribuSupport.tearDown();
    }
  }

  @Test
  void health_meters_and_api_report_the_failing_connector_to_admins_only() throws Exception {
    failPagerDuty();
    String member = TestTokens.create(tokens, "connectors-member", Role.LEADER, null);

    assertThat(call("GET", "/actuator/health", null).body()).doesNotContain("connectors");
    String health = call("GET", "/actuator/health", "connectors-it-token").body();
    assertThat(health)
        .contains("\"connectors\":{\"status\":\"DEGRADED\"")
        .contains("\"problem\":\"its last run failed: 2026-11-16: HTTP 403: Access Denied\"")
        .contains("\"status\":\"UP\"");

    String prometheus = call("GET", "/actuator/prometheus", "connectors-it-token").body();
    assertThat(prometheus)
        .containsPattern(
            "tandem_connector_runs_total\\{connector=\"pagerduty\",outcome=\"failed\"\\} [1-9]")
        .contains("tandem_connector_last_success_seconds{connector=\"kiro\"}");

    HttpResponse<String> list = call("GET", "/api/v1/connectors", "connectors-it-token");
    assertThat(list.statusCode()).isEqualTo(200);
    assertThat(list.body())
        .contains("\"key\":\"pagerduty\"", "\"last4\":\"7777\"", "\"lastOutcome\":\"failed\"")
        .doesNotContain("u+pd_key");
    assertThat(call("GET", "/api/v1/connectors", member).statusCode()).isEqualTo(403);
    assertThat(call("POST", "/api/v1/connectors/pagerduty/runs", member).statusCode())
        .isEqualTo(403);
    HttpResponse<String> unknown =
        call("POST", "/api/v1/connectors/nope/runs", "connectors-it-token");
    assertThat(unknown.statusCode()).isEqualTo(404);
    assertThat(unknown.body())
        .contains("\"detail\":\"There is no connector 'nope'; the connectors are [")
        .contains("pagerduty");
    // Another instance runs kiro: its lock is held, so a run asked for now is refused with 409.
    net.javacrumbs.shedlock.core.SimpleLock held =
        locks
            .lock(
                new net.javacrumbs.shedlock.core.LockConfiguration(
                    java.time.Instant.now(),
                    "connector-kiro",
                    java.time.Duration.ofMinutes(1),
                    java.time.Duration.ZERO))
            .orElseThrow();
    try {
      HttpResponse<String> busy =
          call("POST", "/api/v1/connectors/kiro/runs", "connectors-it-token");
      assertThat(busy.statusCode()).isEqualTo(409);
      assertThat(busy.body())
          .contains(
              "Connector kiro is already running (on this or another instance); try again when it"
                  + " has ended.");
    } finally {
      held.unlock();
    }
    HttpResponse<String> started =
        call("POST", "/api/v1/connectors/pagerduty/runs", "connectors-it-token");
    assertThat(started.statusCode()).isEqualTo(202);
    assertThat(started.body()).contains("\"connector\":\"pagerduty\"", "\"state\":\"running\"");
  }

  @Test
  void the_readme_connector_examples_run_as_written() throws Exception {
    org.junit.jupiter.api.Assumptions.assumeTrue(
        java.nio.file.Files.isExecutable(java.nio.file.Path.of("/usr/bin/curl")),
        "curl is not installed");
    String readme = java.nio.file.Files.readString(java.nio.file.Path.of("README.md"));
    var blocks = java.util.regex.Pattern.compile("(?ms)^```\\s*\\n(.*?)^```").matcher(readme);
    java.util.List<String> commands = new java.util.ArrayList<>();
    while (blocks.find() && commands.isEmpty()) {
      if (blocks.group(1).contains("/api/v1/connectors")) {
        blocks
            .group(1)
            .lines()
            .map(String::strip)
            .filter(l -> l.startsWith("curl "))
            .forEach(commands::add);
      }
    }
    assertThat(commands).hasSize(2);
    java.util.List<String> outputs = new java.util.ArrayList<>();
    for (String command : commands) {
      ProcessBuilder shell =
          new ProcessBuilder(
                  "bash",
                  "-c",
                  command.replace("http://localhost:8080", "http://localhost:" + port))
              .redirectError(ProcessBuilder.Redirect.DISCARD);
      shell.environment().put("TOKEN", "connectors-it-token");
      Process p = shell.start();
      outputs.add(
          new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
      assertThat(p.waitFor()).as(command).isZero();
    }
    assertThat(outputs.get(0)).contains("\"key\":\"claude-code\"", "\"key\":\"kiro\"");
    assertThat(outputs.get(1)).contains("\"connector\":\"cursor\"", "\"state\":\"running\"");
  }

  private HttpResponse<String> call(String method, String path, String token) throws Exception {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
            .method(method, HttpRequest.BodyPublishers.noBody());
    if (token != null) {
      b.header("Authorization", "Bearer " + token);
    }
    return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }
}

package dev.tandem.connectors;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static dev.tandem.db.Tables.AUDIT_LOG;
import static dev.tandem.db.Tables.CONNECTOR_CONFIG;
import static dev.tandem.db.Tables.CONNECTOR_RUN;
import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import dev.tandem.Application;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;

/** Secrets at rest, the audit of changes, and one run at a time across instances. */
@ExtendWith(OutputCaptureExtension.class)
class ConnectorsFrameworkIT extends ConnectorsTestBase {

  @Autowired DataSource dataSource;

  @Test
  void a_secret_is_stored_encrypted_shown_only_as_its_last_4_audited_without_it_and_never_logged(
      CapturedOutput output) {
    String secret = "sk-ant-admin-very-secret-Q7Z9";
    configure("claude-code", secret, Map.of());

    var status = service.connector("claude-code").config().secret();
    assertThat(status.set()).isTrue();
    assertThat(status.last4()).isEqualTo("Q7Z9");
    assertThat(status.setBy()).isEqualTo("it-admin");
    assertThat(status.toString()).isEqualTo("set (…Q7Z9) by it-admin on 2026-11-20");
    String stored =
        db.select(CONNECTOR_CONFIG.SECRET_CIPHER)
            .from(CONNECTOR_CONFIG)
            .where(CONNECTOR_CONFIG.CONNECTOR_KEY.eq("claude-code"))
            .fetchOne(CONNECTOR_CONFIG.SECRET_CIPHER);
    assertThat(stored).isNotBlank().doesNotContain(secret).doesNotContain("very-secret");
    List<String> audited =
        db.select(AUDIT_LOG.ACTION, AUDIT_LOG.AFTER_VALUE)
            .from(AUDIT_LOG)
            .where(AUDIT_LOG.ENTITY.eq("connector"))
            .and(AUDIT_LOG.ENTITY_ID.eq("claude-code"))
            .orderBy(AUDIT_LOG.ID.desc())
            .limit(2)
            .fetch(r -> r.value1() + " " + r.value2());
    assertThat(audited).hasSize(2);
    assertThat(audited.get(0)).startsWith("set-secret").contains("Q7Z9").doesNotContain(secret);
    assertThat(audited.get(1)).startsWith("configure");

    // The secret reaches the vendor (a 401 here), and no log line carries it.
    vendor.stubFor(
        get(urlPathEqualTo(ClaudeCodeConnector.PATH))
            .willReturn(
                aResponse().withStatus(401).withBody("{\"error\":{\"message\":\"nope\"}}")));
    runner.run("claude-code", "manual", "it-admin");
    vendor.verify(
        getRequestedFor(urlPathEqualTo(ClaudeCodeConnector.PATH))
            .withHeader(
                "x-api-key", com.github.tomakehurst.wiremock.client.WireMock.equalTo(secret)));
    assertThat(output.getAll()).doesNotContain(secret);
  }

  @Test
  void requests_outside_the_base_url_are_refused_before_they_are_sent() {
    configure("copilot", "github_pat_x_0000", Map.of("org", "acme"));
    vendor.stubFor(
        get(urlPathEqualTo("/orgs/acme/copilot/metrics/reports/users-1-day"))
            .willReturn(
                okJson(
                    "{\"download_links\":[\"https://elsewhere.example.net/r.ndjson\"],"
                        + "\"report_day\":\"2026-11-16\"}")));

    ConnectorRun run = runner.run("copilot", "manual", "it-admin");

    assertThat(run.message())
        .isEqualTo(
            "2026-11-16: the download link goes to elsewhere.example.net, which is not an allowed"
                + " download host of this connector");
  }

  @Test
  void two_instances_sharing_one_database_never_run_the_same_connector_at_once() throws Exception {
    configure("claude-code", "sk-ant-admin-lock-test-0001", Map.of());
    db.update(CONNECTOR_CONFIG)
        .set(CONNECTOR_CONFIG.BACKFILL_FROM, java.time.LocalDate.parse("2026-11-19"))
        .where(CONNECTOR_CONFIG.CONNECTOR_KEY.eq("claude-code"))
        .execute();
    vendor.stubFor(
        get(urlPathEqualTo(ClaudeCodeConnector.PATH))
            .willReturn(
                okJson("{\"data\":[],\"has_more\":false,\"next_page\":null}")
                    .withFixedDelay(1500)));
    int runsBefore = db.fetchCount(CONNECTOR_RUN, CONNECTOR_RUN.CONNECTOR_KEY.eq("claude-code"));
    String url = ((HikariDataSource) dataSource).getJdbcUrl();

    try (ConfigurableApplicationContext other =
        new SpringApplicationBuilder(Application.class, FixedClock.class)
            .run(
                "--spring.datasource.url=" + url,
                "--server.port=0",
                "--spring.main.banner-mode=off",
                "--tandem.connectors.http.allow-http=true",
                "--tandem.connectors.scheduling.enabled=false",
                "--tandem.secret-key=connector-test-key")) {
      ConnectorRunner second = other.getBean(ConnectorRunner.class);
      ExecutorService pool = Executors.newFixedThreadPool(2);
      List<Future<ConnectorRun>> both = new ArrayList<>();
      for (ConnectorRunner r : List.of(runner, second)) {
        both.add(
            pool.submit(
                (Callable<ConnectorRun>) () -> r.run("claude-code", "schedule", "scheduler")));
      }
      int ran = 0;
      int refused = 0;
      for (Future<ConnectorRun> f : both) {
        try {
          ConnectorRun run = f.get();
          assertThat(run.outcome()).as(run.message()).isEqualTo("succeeded");
          ran++;
        } catch (java.util.concurrent.ExecutionException e) {
          assertThat(e.getCause()).isInstanceOf(ConnectorBusyException.class);
          refused++;
        }
      }
      pool.shutdown();
      assertThat(ran).isEqualTo(1);
      assertThat(refused).isEqualTo(1);
    }
    assertThat(db.fetchCount(CONNECTOR_RUN, CONNECTOR_RUN.CONNECTOR_KEY.eq("claude-code")))
        .isEqualTo(runsBefore + 1);
    vendor.verify(1, getRequestedFor(urlPathEqualTo(ClaudeCodeConnector.PATH)));
    // Once it ended, the lock is free again.
    assertThat(runner.run("claude-code", "manual", "it-admin").outcome()).isEqualTo("succeeded");
  }
}

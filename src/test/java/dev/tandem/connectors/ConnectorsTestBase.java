package dev.tandem.connectors;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static dev.tandem.db.Tables.CONNECTOR_CONFIG;
import static dev.tandem.db.Tables.DEVELOPER;
import static dev.tandem.db.Tables.IMPORT_BATCH;
import static dev.tandem.db.Tables.USAGE_WEEK;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.tandem.base.IsoWeek;
import dev.tandem.ingest.ImportMode;
import dev.tandem.ingest.ImportRequest;
import dev.tandem.ingest.ImportService;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * One Spring context for every connector test: a vendor played by WireMock over plain http, quick
 * back-off, no schedule, a fixed clock (today 2026-11-20, so a run ends with 2026-11-19), the test
 * roster and identity map.
 */
@AutoConfigureObservability
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "TANDEM_BOOTSTRAP_TOKEN=connectors-it-token",
      "tandem.connectors.http.allow-http=true",
      "tandem.connectors.http.backoff=10ms",
      "tandem.connectors.http.max-attempts=3",
      "tandem.connectors.http.read-timeout=5s",
      "tandem.connectors.scheduling.enabled=false",
      "tandem.secret-key=connector-test-key"
    })
@Import(ConnectorsTestBase.FixedClock.class)
abstract class ConnectorsTestBase {

  static final Instant NOW = Instant.parse("2026-11-20T06:00:00Z");
  static final LocalDate MONDAY = LocalDate.of(2026, 11, 16);

  @TestConfiguration
  static class FixedClock {
    @Bean
    @Primary
    Clock connectorTestClock() {
      return Clock.fixed(NOW, ZoneOffset.UTC);
    }
  }

  static final WireMockServer vendor = new WireMockServer(options().dynamicPort());

  @Autowired ConnectorService service;
  @Autowired ConnectorRunner runner;
  @Autowired ImportService imports;
  @Autowired DSLContext db;

  @BeforeAll
  static void startVendor() {
    if (!vendor.isRunning()) {
      vendor.start();
    }
  }

  @AfterAll
  static void resetVendor() {
    vendor.resetAll();
  }

  @BeforeEach
  void signInAndLoadRoster() {
    vendor.resetAll();
    signInAsAdmin();
    if (db.fetchCount(DEVELOPER) == 0) {
      importText(
          "tandem-roster-csv",
          """
          email,name,team_path,started_on,left_on,excluded
          ana.silva@example.com,Ana Silva,engineering/commerce/payments,2024-03-01,,
          li.wei@example.com,Li Wei,engineering/commerce/checkout,2025-11-17,,
          omar.haddad@example.com,Omar Haddad,engineering/platform,2023-01-09,,
          """);
      importText(
          "identity-map-csv",
          """
          source,external_id,email
          copilot,asilva,ana.silva@example.com
          q-developer,90676bc2-70f1-7017-e1a4-2f1a7d3e5b11,ana.silva@example.com
          kiro,90676bc2-70f1-7017-e1a4-2f1a7d3e5b11,ana.silva@example.com
          """);
    }
  }

  @AfterEach
  void signOut() {
    SecurityContextHolder.clearContext();
  }

  static void signInAsAdmin() {
    SecurityContextHolder.getContext()
        .setAuthentication(
            new UsernamePasswordAuthenticationToken(
                "it-admin", null, List.of(new SimpleGrantedAuthority("ROLE_ADMIN"))));
  }

  void importText(String format, String text) {
    var r =
        imports.importFile(
            new ImportRequest(format, ImportMode.ALL_OR_NOTHING, false, "fixture", null),
            new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
    if (!r.errors().isEmpty()) {
      throw new IllegalStateException(r.errors().toString());
    }
  }

  /** A connector set up afresh: enabled, pointing at WireMock, backfilling from the 16th. */
  void configure(String key, String secret, Map<String, String> settings) {
    db.deleteFrom(CONNECTOR_CONFIG).where(CONNECTOR_CONFIG.CONNECTOR_KEY.eq(key)).execute();
    service.configure(key, new ConnectorChange(true, vendor.baseUrl(), settings, null, MONDAY, 3));
    service.setSecret(key, secret);
  }

  /** A week's usage of one developer and tool: active days, interactions, accepted lines. */
  List<Long> week(String email, String tool) {
    return db.select(USAGE_WEEK.ACTIVE_DAYS, USAGE_WEEK.INTERACTIONS, USAGE_WEEK.ACCEPTED_LINES)
        .from(USAGE_WEEK)
        .join(DEVELOPER)
        .on(DEVELOPER.ID.eq(USAGE_WEEK.DEVELOPER_ID))
        .where(DEVELOPER.EMAIL.eq(email))
        .and(USAGE_WEEK.TOOL_KEY.eq(tool))
        .and(USAGE_WEEK.WEEK_START.eq(IsoWeek.parse("2026-W47").monday()))
        .fetchOptional(
            r ->
                List.of(
                    r.value1().longValue(),
                    r.value2() == null ? -1 : r.value2(),
                    r.value3() == null ? -1 : r.value3()))
        .orElse(null);
  }

  /** The batches a connector made: file name and outcome, oldest first. */
  List<String> batches(String key) {
    return db.select(IMPORT_BATCH.FILE_NAME, IMPORT_BATCH.OUTCOME)
        .from(IMPORT_BATCH)
        .where(IMPORT_BATCH.CREATED_BY.eq("connector:" + key))
        .orderBy(IMPORT_BATCH.ID)
        .fetch(r -> r.value1() + " " + r.value2());
  }

  static String json(String s) {
    return s.replace('\'', '"');
  }
}

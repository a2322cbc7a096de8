package dev.tandem.api;

import static dev.tandem.db.Tables.API_TOKEN;
import static dev.tandem.db.Tables.CHANGE_COUNT;
import static dev.tandem.db.Tables.DEVELOPER;
import static dev.tandem.db.Tables.IDENTITY_MAP;
import static dev.tandem.db.Tables.INCIDENT;
import static dev.tandem.db.Tables.TEAM;
import static dev.tandem.db.Tables.TOOL;
import static dev.tandem.db.Tables.USAGE_DAY;
import static dev.tandem.db.Tables.USAGE_WEEK;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tandem.base.AiInvolvement;
import dev.tandem.base.Severity;
import dev.tandem.base.ValidationException;
import dev.tandem.reliability.Incident;
import dev.tandem.reliability.IncidentService;
import dev.tandem.roster.Developer;
import dev.tandem.roster.RosterService;
import dev.tandem.roster.Team;
import dev.tandem.security.ApiTokenService;
import dev.tandem.security.Role;
import dev.tandem.security.TestTokens;
import dev.tandem.tools.Tool;
import dev.tandem.tools.ToolService;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Issue 9 items 2, 3, 5 and 6 as an attacker or a careless admin would try them against the demo
 * organisation: every answer is a 4xx naming line and field (or a 200 with a warning), never a 500,
 * never the whole value echoed back, and nothing in the database changes.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("demo")
class HostileInputIT {

  @LocalServerPort int port;
  @Autowired ApiTokenService tokens;
  @Autowired RosterService roster;
  @Autowired DSLContext db;
  @Autowired ToolService tools;
  @Autowired IncidentService incidents;
  @Autowired TransactionTemplate tx;

  private final HttpClient http = HttpClient.newHttpClient();
  private final ObjectMapper json = new ObjectMapper();
  private String admin;
  private String member;
  private List<Integer> before;

  @BeforeEach
  void setUp() {
    admin = TestTokens.create(tokens, "hostile-admin-" + System.nanoTime(), Role.ADMIN, null);
    Long payments = roster.team("payments").map(Team::id).orElseThrow();
    member =
        TestTokens.create(tokens, "hostile-member-" + System.nanoTime(), Role.MEMBER, payments);
    before = counts();
  }

  @AfterEach
  void nothing_changed_in_the_database() {
    assertThat(counts())
        .as("developers, teams, identities, incidents, usage, changes, tokens")
        .isEqualTo(before);
  }

  // Item 2: unbounded ranges.

  @Test
  void a_member_asking_reliability_for_ten_thousand_years_gets_a_400_in_no_time() throws Exception {
    HttpResponse<String> r = get("/api/v1/reliability?from=0001-W01&to=9999-W52", member);
    assertThat(r.statusCode()).isEqualTo(400);
    JsonNode errors = json.readTree(r.body()).get("errors");
    assertThat(errors.get(0).get("field").asText()).isEqualTo("from");
    assertThat(errors.get(0).get("message").asText()).contains("year 1 is outside 1970–2100");
    assertThat(errors.get(1).get("field").asText()).isEqualTo("to");
  }

  @Test
  void a_plausible_range_over_260_weeks_is_a_400_that_says_the_cap_in_both_apis() throws Exception {
    for (String api : List.of("/api/v1/reliability", "/api/v1/adoption")) {
      HttpResponse<String> r = get(api + "?from=1990-W01&to=2026-W01", member);
      assertThat(r.statusCode()).as(api).isEqualTo(400);
      JsonNode error = json.readTree(r.body()).get("errors").get(0);
      assertThat(error.get("field").asText()).isEqualTo("from/to");
      assertThat(error.get("message").asText())
          .startsWith("a range may span at most 260 weeks; 1990-W01 to 2026-W01 spans");
    }
  }

  // Item 3: bad input is never a 500.

  @Test
  void an_empty_team_means_the_organisation_as_in_adoption_not_a_500() throws Exception {
    HttpResponse<String> empty = get("/api/v1/reliability?team=", member);
    assertThat(empty.statusCode()).isEqualTo(200);
    assertThat(empty.body()).isEqualTo(get("/api/v1/reliability", member).body());
    assertThat(get("/api/v1/adoption?team=", member).statusCode()).isEqualTo(200);
  }

  @Test
  void a_bad_from_is_reported_as_from_in_both_apis() throws Exception {
    for (String api : List.of("/api/v1/reliability", "/api/v1/adoption")) {
      HttpResponse<String> r = get(api + "?from=2026-W99&to=2026-W02", member);
      assertThat(r.statusCode()).isEqualTo(400);
      assertThat(r.body()).contains("\"field\":\"from\"").doesNotContain("\"field\":\"to\"");
    }
  }

  @Test
  void a_roster_name_of_5_mb_is_a_422_naming_line_and_field_without_echoing_it() throws Exception {
    String name = "N".repeat(5 * 1024 * 1024);
    HttpResponse<String> r =
        importFile(
            "tandem-roster-csv",
            "email,name,team_path,started_on\n"
                + "mallory@example.com,"
                + name
                + ",engineering,2024-01-01\n");
    assertThat(r.statusCode()).isEqualTo(422);
    assertError(r, 2, "name", "is 5242880 characters long; at most 200 are allowed");
    assertThat(r.body().length()).isLessThan(2000);
  }

  @Test
  void a_quoted_roster_name_of_4_mb_is_refused_the_same_way() throws Exception {
    // 4 MB of quoted text; each Q,"" decodes to the 3 characters Q," (1,048,576 × 3 = 3,145,728).
    String name = "\"" + "Q,\"\"".repeat(1024 * 1024) + "\"";
    HttpResponse<String> r =
        importFile(
            "tandem-roster-csv",
            "email,name,team_path,started_on\nmallory@example.com,"
                + name
                + ",engineering,2024-01-01\n");
    assertThat(r.statusCode()).isEqualTo(422);
    assertError(r, 2, "name", "is 3145728 characters long; at most 200 are allowed");
    assertThat(r.body().length()).isLessThan(2000);
  }

  @Test
  void an_incident_title_of_20000_characters_and_an_id_of_500_are_line_and_field_errors()
      throws Exception {
    HttpResponse<String> r =
        importFile(
            "tandem-incidents-csv",
            "id,title,severity,started_at,ai_involvement\n"
                + "INC-1,"
                + "T".repeat(20_000)
                + ",sev2,2026-01-05T10:00:00Z,none\n"
                + "I".repeat(500)
                + ",Short,sev2,2026-01-05T10:00:00Z,none\n");
    assertThat(r.statusCode()).isEqualTo(422);
    assertError(r, 2, "title", "is 20000 characters long; at most 500 are allowed");
    assertError(r, 3, "id", "is 500 characters long; at most 100 are allowed");
  }

  @Test
  void a_pagerduty_title_of_20000_characters_is_a_line_and_field_error() throws Exception {
    HttpResponse<String> r =
        importFile(
            "pagerduty-incidents-json",
            "{\"incidents\":[\n{\"id\":\"P1\",\"title\":\""
                + "T".repeat(20_000)
                + "\",\"urgency\":\"high\",\"created_at\":\"2026-01-05T10:00:00Z\"}]}");
    assertThat(r.statusCode()).isEqualTo(422);
    assertError(r, 2, "title", "is 20000 characters long; at most 500 are allowed");
  }

  @Test
  void an_unparseable_cell_is_echoed_only_as_an_excerpt() throws Exception {
    HttpResponse<String> r =
        importFile(
            "tandem-usage-csv",
            "week,email,tool,active_days\n2026-W02,ana@example.com,copilot," + "9".repeat(100_000));
    assertThat(r.statusCode()).isEqualTo(422);
    assertError(r, 2, "active_days", "is not a whole number of 0 or more");
    assertThat(r.body()).contains("(100000 characters)");
    assertThat(r.body().length()).isLessThan(2000);
  }

  @Test
  void an_import_with_a_tool_or_mode_parameter_of_5000_characters_is_a_400_not_a_failed_insert()
      throws Exception {
    HttpResponse<String> tool =
        importFile("q-developer-csv&tool=" + "k".repeat(5000), "UserId,Date\nu-1,2026-01-05\n");
    assertThat(tool.statusCode()).isEqualTo(400);
    assertThat(tool.body()).contains("\"field\":\"tool\"", "(5000 characters)");
    assertThat(tool.body().length()).isLessThan(2000);
    HttpResponse<String> mode =
        importFile("tandem-usage-csv&mode=" + "m".repeat(5000), "week,email,tool,active_days\n");
    assertThat(mode.statusCode()).isEqualTo(400);
    assertThat(mode.body()).contains("\"field\":\"mode\"", "(5000 characters)");
  }

  @Test
  void an_api_token_name_of_5000_characters_is_a_400_naming_the_field() throws Exception {
    HttpResponse<String> r =
        http.send(
            request("/api/v1/tokens", admin)
                .header("Content-Type", "application/json")
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        "{\"name\":\"" + "n".repeat(5000) + "\",\"role\":\"LEADER\"}"))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).isEqualTo(400);
    assertThat(r.body()).contains("\"field\":\"name\"", "1–100 characters");
  }

  // Item 5: implausible dates.

  @Test
  void years_before_1970_or_after_2100_are_refused_in_roster_usage_incidents_and_vendor_days()
      throws Exception {
    HttpResponse<String> rosterDates =
        importFile(
            "tandem-roster-csv",
            "email,name,team_path,started_on,left_on\n"
                + "old@example.com,Old,engineering,0000-01-01,\n"
                + "far@example.com,Far,engineering,2024-01-01,+99999-01-01\n");
    assertThat(rosterDates.statusCode()).isEqualTo(422);
    assertError(rosterDates, 2, "started_on", "year 0 is outside 1970–2100");
    assertError(rosterDates, 3, "left_on", "year 99999 is outside 1970–2100");

    HttpResponse<String> usage =
        importFile(
            "tandem-usage-csv",
            "week,email,tool,active_days\n0000-W01,ana@example.com,copilot,3\n");
    assertThat(usage.statusCode()).isEqualTo(422);
    assertError(usage, 2, "week", "year 0 is outside 1970–2100");

    HttpResponse<String> incident =
        importFile(
            "tandem-incidents-csv",
            "id,title,severity,started_at,ai_involvement\n"
                + "INC-1,Old,sev2,1969-12-31T23:00:00Z,none\n");
    assertThat(incident.statusCode()).isEqualTo(422);
    assertError(incident, 2, "started_at", "year 1969 is outside 1970–2100");

    HttpResponse<String> copilot =
        importFile(
            "copilot-user-metrics-ndjson",
            "{\"day\":\"2101-01-01\",\"user_login\":\"octo\",\"user_initiated_interaction_count\":1}\n");
    assertThat(copilot.statusCode()).isEqualTo(422);
    assertError(copilot, 1, "day", "year 2101 is outside 1970–2100");

    HttpResponse<String> kiro =
        importFile("kiro-user-report-csv", "UserId,Date,Total_Messages\nu-1,01/02/0000,4\n");
    assertThat(kiro.statusCode()).isEqualTo(422);
    assertError(kiro, 2, "Date", "year 0 is outside 1970–2100");
  }

  @Test
  void an_api_week_in_year_0000_is_a_400_naming_the_parameter() throws Exception {
    HttpResponse<String> r = get("/api/v1/adoption?from=0000-W01&to=2026-W01", member);
    assertThat(r.statusCode()).isEqualTo(400);
    assertThat(r.body()).contains("\"field\":\"from\"", "year 0 is outside 1970–2100");
  }

  // Item 6: look-alike identities.

  @Test
  void an_email_with_a_zero_width_space_is_refused_naming_line_field_and_character()
      throws Exception {
    HttpResponse<String> r =
        importFile(
            "tandem-roster-csv",
            "email,name,team_path,started_on\nana\u200B@example.com,Ana,engineering,2024-01-01\n");
    assertThat(r.statusCode()).isEqualTo(422);
    assertError(r, 2, "email", "invisible character U+200B (ZERO WIDTH SPACE) at position 4");

    HttpResponse<String> identities =
        importFile(
            "identity-map-csv", "source,external_id,email\ncopilot,octo,ana\u2060@example.com\n");
    assertThat(identities.statusCode()).isEqualTo(422);
    assertError(identities, 2, "email", "U+2060 (WORD JOINER)");
  }

  @Test
  void a_full_width_email_is_normalised_before_it_is_used() throws Exception {
    HttpResponse<String> r =
        importFile(
            "tandem-roster-csv&dryRun=true",
            "email,name,team_path,started_on\n  ＡＮＡ.Full＠Example.com ,Ana,engineering,2024-01-01\n");
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.body()).contains("\"rowsApplied\":1", "\"warnings\":[]");
  }

  @Test
  void a_roster_email_that_only_looks_like_an_existing_one_is_flagged_in_the_dry_run()
      throws Exception {
    String existing =
        db.select(DEVELOPER.EMAIL)
            .from(DEVELOPER)
            .where(DEVELOPER.EMAIL.like("%a%@%"))
            .orderBy(DEVELOPER.ID)
            .limit(1)
            .fetchOne(DEVELOPER.EMAIL);
    // Cyrillic а (U+0430) in place of the first Latin a.
    String forged = existing.replaceFirst("a", "\u0430");
    HttpResponse<String> r =
        importFile(
            "tandem-roster-csv&dryRun=true",
            "email,name,team_path,started_on\n" + forged + ",Mallory,engineering,2024-01-01\n");
    assertThat(r.statusCode()).isEqualTo(200);
    JsonNode warning = json.readTree(r.body()).get("warnings").get(0);
    assertThat(warning.get("line").asLong()).isEqualTo(2);
    assertThat(warning.get("field").asText()).isEqualTo("email");
    assertThat(warning.get("message").asText())
        .startsWith(forged + " looks like " + existing + " already on the roster");
  }

  // The forms' services: what a careless admin types into the developer, team, tool, incident and
  // user forms is a 400-style ValidationException naming each field, never a failed insert.

  @Test
  void the_developer_form_refuses_an_invisible_email_a_300_character_name_and_year_0000() {
    long team = roster.team("payments").map(Team::id).orElseThrow();
    assertThatThrownBy(
            () ->
                asAdmin(
                    () ->
                        roster.saveDeveloper(
                            new Developer(
                                null,
                                "ana\u200B@example.com",
                                "N".repeat(300),
                                team,
                                null,
                                LocalDate.parse("0000-01-01"),
                                null,
                                false))))
        .isInstanceOfSatisfying(
            ValidationException.class,
            e ->
                assertThat(e.problems())
                    .extracting(ValidationException.FieldProblem::field)
                    .containsExactly("email", "name", "startedOn"));
  }

  @Test
  void the_developer_form_stores_a_full_width_email_as_plain_lower_case_ascii() {
    long team = roster.team("payments").map(Team::id).orElseThrow();
    asAdmin(
        () ->
            tx.executeWithoutResult(
                status -> {
                  Developer saved =
                      roster.saveDeveloper(
                          new Developer(
                              null,
                              " ＢＯ.Wide＠Example.com ",
                              "Bo",
                              team,
                              null,
                              LocalDate.parse("2024-01-01"),
                              null,
                              false));
                  assertThat(saved.email()).isEqualTo("bo.wide@example.com");
                  status.setRollbackOnly(); // the database stays as it was
                }));
  }

  @Test
  void the_team_tool_and_incident_forms_refuse_values_longer_than_their_columns() {
    assertThatThrownBy(
            () -> asAdmin(() -> roster.saveTeam(new Team(null, "x", "T".repeat(201), null))))
        .isInstanceOfSatisfying(
            ValidationException.class,
            e -> assertThat(e.getMessage()).isEqualTo("name: at most 200 characters"));
    assertThatThrownBy(
            () ->
                asAdmin(
                    () ->
                        tools.create(
                            new Tool("x-tool", "n".repeat(5000), "v", "agent", true, true))))
        .isInstanceOfSatisfying(
            ValidationException.class,
            e -> assertThat(e.getMessage()).isEqualTo("name: at most 100 characters"));
    assertThatThrownBy(
            () ->
                asAdmin(
                    () ->
                        incidents.save(
                            Incident.builder()
                                .externalId("I".repeat(500))
                                .title("T".repeat(20_000))
                                .severity(Severity.SEV2)
                                .startedAt(OffsetDateTime.parse("1969-07-20T20:17:00Z"))
                                .aiInvolvement(AiInvolvement.NONE)
                                .postmortemUrl("https://x.example.com/" + "p".repeat(2000))
                                .build())))
        .isInstanceOfSatisfying(
            ValidationException.class,
            e ->
                assertThat(e.problems())
                    .extracting(ValidationException.FieldProblem::field)
                    .contains("externalId", "title", "startedAt", "postmortemUrl"));
  }

  private void asAdmin(Runnable action) {
    SecurityContext previous = SecurityContextHolder.getContext();
    SecurityContext context = SecurityContextHolder.createEmptyContext();
    context.setAuthentication(
        new UsernamePasswordAuthenticationToken(
            "admin", null, List.of(new SimpleGrantedAuthority("ROLE_ADMIN"))));
    SecurityContextHolder.setContext(context);
    try {
      action.run();
    } finally {
      SecurityContextHolder.setContext(previous);
    }
  }

  private List<Integer> counts() {
    return List.of(
        db.fetchCount(DEVELOPER),
        db.fetchCount(TEAM),
        db.fetchCount(IDENTITY_MAP),
        db.fetchCount(INCIDENT),
        db.fetchCount(USAGE_WEEK),
        db.fetchCount(USAGE_DAY),
        db.fetchCount(CHANGE_COUNT),
        db.fetchCount(API_TOKEN),
        db.fetchCount(TOOL));
  }

  private void assertError(HttpResponse<String> r, long line, String field, String message)
      throws Exception {
    JsonNode errors = json.readTree(r.body()).get("errors");
    boolean found = false;
    for (JsonNode e : errors) {
      found |=
          e.get("line").asLong() == line
              && e.get("field").asText().equals(field)
              && e.get("message").asText().contains(message);
    }
    assertThat(found)
        .as("line %d, field %s: ...%s... in %s", line, field, message, r.body())
        .isTrue();
  }

  private HttpResponse<String> importFile(String format, String body) throws Exception {
    return http.send(
        request("/api/v1/imports?format=" + format, admin)
            .header("Content-Type", "text/csv")
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> get(String path, String token) throws Exception {
    return http.send(request(path, token).GET().build(), HttpResponse.BodyHandlers.ofString());
  }

  private HttpRequest.Builder request(String path, String token) {
    return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
        .header("Authorization", "Bearer " + token);
  }
}

package dev.tandem.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.ValidationReport;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tandem.roster.RosterService;
import dev.tandem.security.ApiTokenService;
import dev.tandem.security.AsAdmin;
import dev.tandem.security.Role;
import dev.tandem.security.TestTokens;
import dev.tandem.settings.SettingsService;
import java.net.URLDecoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * The OpenAPI document and the API's behaviour cannot drift apart: real responses of every
 * operation (successes, suppressed small groups, every error the document names) are replayed
 * against the document the app serves, read strictly (a field the document does not name is an
 * error), and so are the document's own examples.
 */
// It creates tokens and changes the settings for a while: it runs in the demo context of the
// classes that write (see WithinTeamsApiAndScreenIT), not in the one the read-only classes share.
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = "tandem.it-context=demo-written")
@ActiveProfiles("demo")
class ApiContractIT {

  private static final String USAGE =
      "week,email,tool,active_days\n2026-W40,nobody@example.com,copilot,4\n";

  @LocalServerPort int port;
  @Autowired ApiTokenService tokens;
  @Autowired RosterService roster;
  @Autowired SettingsService settings;

  private final ObjectMapper json = new ObjectMapper();
  private JsonNode document;
  private OpenApiInteractionValidator validator;

  /** operationId → the statuses answered in this test. */
  private final Map<String, Set<Integer>> exercised = new TreeMap<>();

  private final List<String> failures = new ArrayList<>();
  private String admin;

  @BeforeEach
  void readTheServedDocument() throws Exception {
    HttpResponse<String> served = send("GET", "/api/v1/openapi.json", null, null, null, null);
    assertThat(served.statusCode()).isEqualTo(200);
    document = json.readTree(served.body());
    admin = token("contract-admin", Role.ADMIN, null);
    validator =
        OpenApiInteractionValidator.createForInlineApiSpecification(
                json.writeValueAsString(strict(document.deepCopy())))
            .build();
  }

  @Test
  void every_operation_answers_what_the_document_says_for_success_and_error() throws Exception {
    String leader = token("contract-leader", Role.LEADER, null);
    String member = token("contract-member", Role.MEMBER, "payments");

    // Tools
    exchange("GET", "/api/v1/tools", admin, null, null, null);
    exchange("GET", "/api/v1/tools", null, null, null, null);
    exchange("GET", "/api/v1/tools", admin, null, "text/html", null);

    // Adoption: organisation, a team, a whole year, invalid, out of scope
    exchange("GET", "/api/v1/adoption", leader, null, null, null);
    exchange("GET", "/api/v1/adoption?team=payments", member, null, null, null);
    exchange(
        "GET", "/api/v1/adoption?from=2025-W48&to=2026-W47&team=commerce", admin, null, null, null);
    exchange("GET", "/api/v1/adoption?from=2026-W99", leader, null, null, null);
    exchange("GET", "/api/v1/adoption?team=platform", member, null, null, null);

    // Reliability: both exposures, a team, invalid, out of scope
    exchange("GET", "/api/v1/reliability", leader, null, null, null);
    exchange("GET", "/api/v1/reliability?exposure=developer-weeks", leader, null, null, null);
    exchange(
        "GET",
        "/api/v1/reliability?team=payments&from=2024-W48&to=2026-W47",
        member,
        null,
        null,
        null);
    exchange("GET", "/api/v1/reliability?exposure=lines", leader, null, null, null);
    exchange("GET", "/api/v1/reliability?team=platform", member, null, null, null);

    // Seats and cost: organisation, a team over two months, an invalid month, a member
    exchange("GET", "/api/v1/costs", leader, null, null, null);
    exchange("GET", "/api/v1/costs?from=2026-10&to=2026-11&team=payments", admin, null, null, null);
    exchange("GET", "/api/v1/costs?from=2026-13", leader, null, null, null);
    exchange("GET", "/api/v1/costs", member, null, null, null);

    // Small groups: with k above every leaf team's size, a leader sees a leaf team suppressed.
    var before = settings.current();
    AsAdmin.call(
        () ->
            settings.update(
                before.goal().toPlainString(),
                "60",
                before.zone().getId(),
                before.defaultExposure()));
    assertThat(exchange("GET", "/api/v1/adoption?team=payments", leader, null, null, null).body())
        .contains("\"suppressed\":true");
    assertThat(
            exchange("GET", "/api/v1/reliability?team=payments", leader, null, null, null).body())
        .contains("\"suppressed\":true");
    assertThat(exchange("GET", "/api/v1/reliability", leader, null, null, null).body())
        .contains("\"suppressed\":true");
    AsAdmin.call(
        () ->
            settings.update(
                before.goal().toPlainString(),
                String.valueOf(before.minGroupSize()),
                before.zone().getId(),
                before.defaultExposure()));

    // Tokens
    HttpResponse<String> created =
        exchange(
            "POST",
            "/api/v1/tokens",
            admin,
            "application/json",
            null,
            "{\"name\":\"contract\",\"role\":\"MEMBER\",\"team\":\"payments\"}");
    long tokenId = json.readTree(created.body()).get("id").asLong();
    exchange(
        "POST",
        "/api/v1/tokens",
        admin,
        "application/json",
        null,
        "{\"name\":\"x\",\"role\":\"KING\"}");
    exchange("POST", "/api/v1/tokens", admin, "text/plain", null, "name=x");
    exchange(
        "POST",
        "/api/v1/tokens",
        leader,
        "application/json",
        null,
        "{\"name\":\"x\",\"role\":\"ADMIN\"}");
    exchange("DELETE", "/api/v1/tokens/" + tokenId, admin, null, null, null);
    exchange("DELETE", "/api/v1/tokens/987654", admin, null, null, null);

    // Imports: dry run, applied, refused, unknown format, async job, its state, undo
    exchange(
        "POST",
        "/api/v1/imports?format=tandem-usage-csv&dryRun=true",
        admin,
        "text/csv",
        null,
        USAGE);
    exchange(
        "POST",
        "/api/v1/imports?format=tandem-usage-csv&mode=all-or-nothing",
        admin,
        "text/csv",
        null,
        "week,email,tool,active_days\n2026-W40,ana.silva@example.com,copilot,nine\n");
    exchange("POST", "/api/v1/imports?format=no-such-format", admin, "text/csv", null, USAGE);
    exchange("POST", "/api/v1/imports?format=tandem-usage-csv", leader, "text/csv", null, USAGE);
    HttpResponse<String> queued =
        exchange(
            "POST",
            "/api/v1/imports?format=tandem-usage-csv&async=true",
            admin,
            "text/csv",
            null,
            USAGE);
    String location = queued.headers().firstValue("Location").orElseThrow();
    String state = "queued";
    for (int i = 0; i < 200 && ("queued".equals(state) || "running".equals(state)); i++) {
      Thread.sleep(50);
      state =
          json.readTree(exchange("GET", location, admin, null, null, null).body())
              .get("state")
              .asText();
    }
    assertThat(state).isEqualTo("applied");
    exchange("GET", "/api/v1/imports/987654", admin, null, null, null);
    exchange("DELETE", location, admin, null, null, null);
    exchange("DELETE", location, admin, null, null, null);
    exchange("DELETE", "/api/v1/imports/987654", admin, null, null, null);

    // Connectors: the list, a run started, an unknown connector, not an admin
    exchange("GET", "/api/v1/connectors", admin, null, null, null);
    exchange("GET", "/api/v1/connectors", leader, null, null, null);
    exchange("POST", "/api/v1/connectors/claude-code/runs", admin, null, null, null);
    exchange("POST", "/api/v1/connectors/no-such-connector/runs", admin, null, null, null);
    exchange("POST", "/api/v1/connectors/claude-code/runs", leader, null, null, null);

    // Alerts: rules and deliveries (admins), a person's own subscription (HTTP basic as a user)
    exchange("GET", "/api/v1/alerts/rules", admin, null, null, null);
    exchange("GET", "/api/v1/alerts/rules", leader, null, null, null);
    exchange("GET", "/api/v1/alerts/deliveries?limit=10", admin, null, null, null);
    exchange("GET", "/api/v1/alerts/deliveries?limit=0", admin, null, null, null);
    exchange("GET", "/api/v1/alerts/deliveries", member, null, null, null);
    String manager = basic("manager", "manager");
    exchange("GET", "/api/v1/alerts/subscriptions/me", manager, null, null, null);
    exchange("GET", "/api/v1/alerts/subscriptions/me", leader, null, null, null);
    exchange("GET", "/api/v1/alerts/subscriptions/me", basic("manager", "wrong"), null, null, null);
    exchange(
        "PUT",
        "/api/v1/alerts/subscriptions/me",
        manager,
        "application/json",
        null,
        "{\"email\":\"manager@example.com\",\"team\":\"commerce\",\"alerts\":true,"
            + "\"digest\":false,\"rules\":[\"adoption-below-goal\"]}");
    exchange(
        "PUT",
        "/api/v1/alerts/subscriptions/me",
        manager,
        "application/json",
        null,
        "{\"email\":\"manager@example.com\",\"team\":\"platform\",\"alerts\":true,"
            + "\"digest\":true,\"rules\":[\"import-refused\"]}");
    exchange(
        "PUT",
        "/api/v1/alerts/subscriptions/me",
        leader,
        "application/json",
        null,
        "{\"email\":\"x@example.com\",\"alerts\":true,\"digest\":true}");
    exchange("PUT", "/api/v1/alerts/subscriptions/me", manager, "text/plain", null, "x");

    // Administration
    exchange("POST", "/api/v1/admin/rollup/rebuild", admin, null, null, null);
    exchange("POST", "/api/v1/admin/rollup/rebuild", leader, null, null, null);

    assertThat(failures).as("responses that differ from the document").isEmpty();
    Map<String, Set<Integer>> documented = documentedStatuses();
    assertThat(exercised.keySet()).as("operations exercised").isEqualTo(documented.keySet());
    exercised.forEach(
        (op, statuses) -> {
          assertThat(statuses).as(op + " answered a success").anyMatch(s -> s < 300);
          assertThat(documented.get(op))
              .as(op + " documents what it answered")
              .containsAll(statuses);
        });
  }

  @Test
  void every_example_in_the_document_matches_its_own_schema() throws Exception {
    int examples = 0;
    for (Iterator<Map.Entry<String, JsonNode>> paths = document.get("paths").fields();
        paths.hasNext(); ) {
      Map.Entry<String, JsonNode> path = paths.next();
      for (Iterator<Map.Entry<String, JsonNode>> ops = path.getValue().fields(); ops.hasNext(); ) {
        Map.Entry<String, JsonNode> op = ops.next();
        for (Iterator<Map.Entry<String, JsonNode>> responses =
                op.getValue().get("responses").fields();
            responses.hasNext(); ) {
          Map.Entry<String, JsonNode> response = responses.next();
          JsonNode content = response.getValue().get("content");
          if (content == null) {
            continue;
          }
          for (Iterator<Map.Entry<String, JsonNode>> types = content.fields(); types.hasNext(); ) {
            Map.Entry<String, JsonNode> type = types.next();
            JsonNode example = type.getValue().get("example");
            if (example == null) {
              continue;
            }
            examples++;
            ValidationReport report =
                validator.validateResponse(
                    path.getKey().replace("{batchId}", "1").replace("{id}", "1"),
                    Request.Method.valueOf(op.getKey().toUpperCase()),
                    SimpleResponse.Builder.status(Integer.parseInt(response.getKey()))
                        .withContentType(type.getKey())
                        .withBody(json.writeValueAsString(example))
                        .build());
            assertThat(report.getMessages())
                .as(op.getKey() + " " + path.getKey() + " " + response.getKey() + " example")
                .isEmpty();
          }
        }
      }
    }
    assertThat(examples).as("examples in the document").isGreaterThanOrEqualTo(8);
  }

  @Test
  void a_field_the_document_does_not_name_is_a_contract_failure() throws Exception {
    HttpResponse<String> tools = send("GET", "/api/v1/tools", admin, null, null, null);
    ObjectNode first = (ObjectNode) json.readTree(tools.body()).get(0);
    first.put("pricePerSeat", 19);
    String changed = "[" + json.writeValueAsString(first) + "]";

    ValidationReport report =
        validator.validateResponse(
            "/api/v1/tools",
            Request.Method.GET,
            SimpleResponse.Builder.status(200)
                .withContentType("application/json")
                .withBody(changed)
                .build());

    assertThat(report.getMessages())
        .anySatisfy(m -> assertThat(m.getMessage()).contains("pricePerSeat"));
  }

  /** Sends the request, checks request (for successes) and response against the document. */
  private HttpResponse<String> exchange(
      String method,
      String pathAndQuery,
      String token,
      String contentType,
      String accept,
      String body)
      throws Exception {
    HttpResponse<String> response = send(method, pathAndQuery, token, contentType, accept, body);
    String path =
        pathAndQuery.contains("?")
            ? pathAndQuery.substring(0, pathAndQuery.indexOf('?'))
            : pathAndQuery;
    SimpleResponse.Builder answer = SimpleResponse.Builder.status(response.statusCode());
    response.headers().firstValue("Content-Type").ifPresent(answer::withContentType);
    if (!response.body().isEmpty()) {
      answer.withBody(response.body());
    }
    Request.Method m = Request.Method.valueOf(method);
    ValidationReport report = validator.validateResponse(path, m, answer.build());
    if (response.statusCode() < 300 && token != null) {
      report =
          report.merge(
              validator.validateRequest(request(m, pathAndQuery, token, contentType, body)));
    }
    String what = method + " " + pathAndQuery + " → " + response.statusCode();
    java.nio.file.Files.createDirectories(java.nio.file.Path.of("target/contract"));
    java.nio.file.Files.writeString(
        java.nio.file.Path.of(
            "target/contract/" + what.replaceAll("[^A-Za-z0-9=&-]+", "_") + ".json"),
        response.body());
    report
        .getMessages()
        .forEach(msg -> failures.add(what + ": " + msg.getKey() + " " + msg.getMessage()));
    assertThat(response.body()).as(what).doesNotContainIgnoringCase("<html");
    operationId(path, method.toLowerCase())
        .ifPresent(
            op -> exercised.computeIfAbsent(op, k -> new TreeSet<>()).add(response.statusCode()));
    return response;
  }

  private static Request request(
      Request.Method method, String pathAndQuery, String token, String contentType, String body) {
    int q = pathAndQuery.indexOf('?');
    SimpleRequest.Builder request =
        new SimpleRequest.Builder(method, q < 0 ? pathAndQuery : pathAndQuery.substring(0, q))
            .withAuthorization(token.startsWith("Basic ") ? token : "Bearer " + token);
    if (q >= 0) {
      for (String pair : pathAndQuery.substring(q + 1).split("&")) {
        String[] kv = pair.split("=", 2);
        request.withQueryParam(
            kv[0], URLDecoder.decode(kv.length > 1 ? kv[1] : "", StandardCharsets.UTF_8));
      }
    }
    if (contentType != null) {
      request.withContentType(contentType);
    }
    if (body != null) {
      request.withBody(body);
    }
    return request.build();
  }

  private java.util.Optional<String> operationId(String path, String method) {
    for (Iterator<Map.Entry<String, JsonNode>> paths = document.get("paths").fields();
        paths.hasNext(); ) {
      Map.Entry<String, JsonNode> p = paths.next();
      String pattern = p.getKey().replaceAll("\\{[^/]+}", "[^/]+");
      if (path.matches(pattern) && p.getValue().has(method)) {
        return java.util.Optional.of(p.getValue().get(method).get("operationId").asText());
      }
    }
    return java.util.Optional.empty();
  }

  private Map<String, Set<Integer>> documentedStatuses() {
    Map<String, Set<Integer>> statuses = new TreeMap<>();
    document
        .get("paths")
        .forEach(
            p ->
                p.fields()
                    .forEachRemaining(
                        op -> {
                          Set<Integer> s = new TreeSet<>();
                          op.getValue()
                              .get("responses")
                              .fieldNames()
                              .forEachRemaining(c -> s.add(Integer.parseInt(c)));
                          statuses.put(op.getValue().get("operationId").asText(), s);
                        }));
    return statuses;
  }

  /**
   * The document as a strict reader: an object schema that lists its properties allows no others,
   * so a field added to a response but not to the document fails here.
   */
  private static JsonNode strict(JsonNode node) {
    if (node.isObject()) {
      ObjectNode object = (ObjectNode) node;
      if (object.has("properties") && !object.has("additionalProperties")) {
        object.put("additionalProperties", false);
      }
      object.elements().forEachRemaining(ApiContractIT::strict);
    } else if (node.isArray()) {
      node.elements().forEachRemaining(ApiContractIT::strict);
    }
    return node;
  }

  private static String basic(String user, String password) {
    return "Basic "
        + java.util.Base64.getEncoder()
            .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
  }

  private String token(String name, Role role, String teamKey) {
    Long teamId = teamKey == null ? null : roster.team(teamKey).orElseThrow().id();
    return TestTokens.create(tokens, name + "-" + System.nanoTime(), role, teamId);
  }

  private HttpResponse<String> send(
      String method, String path, String token, String contentType, String accept, String body)
      throws Exception {
    return new ApiCalls(port).send(method, path, token, contentType, accept, body);
  }
}

package dev.tandem.security;

import static dev.tandem.db.Tables.API_TOKEN;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tandem.ApiServerTest;
import dev.tandem.roster.RosterService;
import dev.tandem.roster.Team;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Token life cycle and actuator access over real HTTP (same context as ApiSecurityIT). */
@ApiServerTest
class ApiTokensIT {

  private static final String ADMIN = "it-bootstrap-token";

  @LocalServerPort int port;
  @Autowired ApiTokenService tokens;
  @Autowired RosterService roster;
  @Autowired UserService users;
  @Autowired DSLContext db;
  private final HttpClient http = HttpClient.newHttpClient();
  private final ObjectMapper json = new ObjectMapper();

  @Test
  void an_admin_creates_a_token_with_201_and_only_its_sha256_is_stored() throws Exception {
    HttpResponse<String> response =
        send("POST", "/api/v1/tokens", ADMIN, "{\"name\":\"ci-export\",\"role\":\"leader\"}");
    assertThat(response.statusCode()).isEqualTo(201);
    JsonNode body = json.readTree(response.body());
    long id = body.get("id").asLong();
    String token = body.get("token").asText();
    assertThat(token).startsWith("tdm_").hasSizeGreaterThan(40);

    Record row = db.selectFrom(API_TOKEN).where(API_TOKEN.ID.eq(id)).fetchOne();
    assertThat(row.get(API_TOKEN.TOKEN_HASH)).isEqualTo(ApiTokenService.sha256(token));
    assertThat(row.intoList()).noneMatch(value -> String.valueOf(value).contains(token));
    assertThat(row.get(API_TOKEN.ROLE)).isEqualTo("LEADER");
    assertThat(row.get(API_TOKEN.CREATED_BY)).isEqualTo("token:bootstrap");
    assertThat(get("/api/v1/tools", token).statusCode()).isEqualTo(200);
  }

  @Test
  void a_revoked_token_is_refused_with_401_at_once() throws Exception {
    JsonNode created =
        json.readTree(
            send("POST", "/api/v1/tokens", ADMIN, "{\"name\":\"short-lived\",\"role\":\"ADMIN\"}")
                .body());
    String token = created.get("token").asText();
    assertThat(get("/api/v1/tools", token).statusCode()).isEqualTo(200);

    HttpResponse<String> revoke =
        send("DELETE", "/api/v1/tokens/" + created.get("id").asLong(), ADMIN, null);
    assertThat(revoke.statusCode()).isEqualTo(204);

    HttpResponse<String> after = get("/api/v1/tools", token);
    assertThat(after.statusCode()).isEqualTo(401);
    assertThat(after.body()).contains("\"status\":401");
  }

  @Test
  void leader_and_member_tokens_may_neither_create_nor_revoke_tokens() throws Exception {
    Team team = AsAdmin.call(() -> roster.saveTeam(new Team(null, "tok-team", "Tokens", null)));
    String victim = TestTokens.create(tokens, "victim", Role.ADMIN, null);
    long victimId = tokens.authenticate(victim).orElseThrow().id();
    for (String token :
        List.of(
            TestTokens.create(tokens, "a-leader", Role.LEADER, null),
            TestTokens.create(tokens, "a-member", Role.MEMBER, team.id()),
            TestTokens.create(tokens, "a-manager", Role.MANAGER, team.id()))) {
      HttpResponse<String> create =
          send("POST", "/api/v1/tokens", token, "{\"name\":\"mine\",\"role\":\"ADMIN\"}");
      assertThat(create.statusCode()).isEqualTo(403);
      assertThat(create.body()).doesNotContain("tdm_");
      assertThat(send("DELETE", "/api/v1/tokens/" + victimId, token, null).statusCode())
          .isEqualTo(403);
    }
    assertThat(get("/api/v1/tools", victim).statusCode()).isEqualTo(200);
  }

  @Test
  void invalid_token_requests_name_the_field() throws Exception {
    HttpResponse<String> noName = send("POST", "/api/v1/tokens", ADMIN, "{\"role\":\"ADMIN\"}");
    assertThat(noName.statusCode()).isEqualTo(400);
    assertThat(noName.body()).contains("\"field\":\"name\"");
    HttpResponse<String> memberWithoutTeam =
        send("POST", "/api/v1/tokens", ADMIN, "{\"name\":\"m\",\"role\":\"MEMBER\"}");
    assertThat(memberWithoutTeam.statusCode()).isEqualTo(400);
    assertThat(memberWithoutTeam.body()).contains("\"field\":\"team\"");
    HttpResponse<String> unknown = send("DELETE", "/api/v1/tokens/987654", ADMIN, null);
    assertThat(unknown.statusCode()).isEqualTo(404);
    assertThat(unknown.body()).contains("There is no API token 987654.");
  }

  @Test
  void every_actuator_endpoint_but_health_answers_only_admins() throws Exception {
    AsAdmin.call(
        () ->
            users.createUser(
                new UserAccount(null, "actuator-leader", "L", Role.LEADER, null, null, true),
                "leader-password"));
    String leader = TestTokens.create(tokens, "actuator-leader", Role.LEADER, null);
    for (String path : List.of("/actuator/metrics", "/actuator/info", "/actuator/prometheus")) {
      assertThat(get(path, null).statusCode()).as(path + " anonymous").isEqualTo(401);
      assertThat(get(path, "not-a-token").statusCode()).as(path + " bad token").isEqualTo(401);
      assertThat(get(path, leader).statusCode()).as(path + " leader token").isEqualTo(403);
      assertThat(get(path, ADMIN).statusCode()).as(path + " admin token").isEqualTo(200);
      assertThat(basic(path, "actuator-leader", "leader-password").statusCode())
          .as(path + " leader sign-in")
          .isEqualTo(403);
      assertThat(basic(path, "admin", "it-admin-password").statusCode())
          .as(path + " admin sign-in")
          .isEqualTo(200);
    }
    assertThat(get("/actuator/health", null).statusCode()).isEqualTo(200);
    assertThat(get("/actuator/health/liveness", null).statusCode()).isEqualTo(200);
    HttpResponse<String> env = get("/actuator/env", ADMIN);
    assertThat(env.body()).as("env is not exposed").doesNotContain("propertySources");
  }

  private HttpResponse<String> basic(String path, String user, String password) throws Exception {
    String credentials =
        Base64.getEncoder()
            .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    return http.send(
        HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
            .header("Authorization", "Basic " + credentials)
            .GET()
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> get(String path, String token) throws Exception {
    return send("GET", path, token, null);
  }

  private HttpResponse<String> send(String method, String path, String token, String jsonBody)
      throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
            .method(
                method,
                jsonBody == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(jsonBody));
    if (jsonBody != null) {
      request.header("Content-Type", "application/json");
    }
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }
}

package dev.tandem.adoption;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tandem.ApiServerTest;
import dev.tandem.ResetTables;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * From the files to the answer: a roster and a week of usage imported through the API, where agent
 * use and any-AI use differ, read back from the adoption API.
 */
@ApiServerTest
@ResetTables
class AgentAdoptionEndToEndIT {

  @LocalServerPort int port;
  private final HttpClient http = HttpClient.newHttpClient();
  private final ObjectMapper json = new ObjectMapper();

  /**
   * Four developers in 2026-W40. Ana: Kiro 3 days, all agent. Ben: Copilot 5 days, 2 of them agent
   * mode. Cleo: Copilot 4 days from a file without agent_days (cannot tell: not an agent user).
   * Dan: no use. AI users 3 of 4 (75%); agent users Ana and Ben, 2 of 4 (50%). Copilot: 2 users, 1
   * agent user; Kiro: 1 user, 1 agent user.
   */
  @Test
  void agent_adoption_is_counted_apart_from_any_ai_use_from_imported_files() throws Exception {
    assertThat(
            post(
                    "tandem-roster-csv",
                    "email,name,team_path,started_on\n"
                        + "ana@example.com,Ana,eng/core,2024-01-01\n"
                        + "ben@example.com,Ben,eng/core,2024-01-01\n"
                        + "cleo@example.com,Cleo,eng/core,2024-01-01\n"
                        + "dan@example.com,Dan,eng/core,2024-01-01\n")
                .statusCode())
        .isEqualTo(200);
    HttpResponse<String> withAgent =
        post(
            "tandem-usage-csv",
            "week,email,tool,active_days,agent_days\n"
                + "2026-W40,ana@example.com,kiro,3,3\n"
                + "2026-W40,ben@example.com,copilot,5,2\n");
    assertThat(withAgent.statusCode()).as(withAgent.body()).isEqualTo(200);
    HttpResponse<String> without =
        post(
            "tandem-usage-csv",
            "week,email,tool,active_days\n2026-W40,cleo@example.com,copilot,4\n");
    assertThat(without.statusCode()).as(without.body()).isEqualTo(200);

    JsonNode answer = get("/api/v1/adoption?from=2026-W40&to=2026-W40");

    JsonNode week = answer.get("weeks").get(0);
    assertThat(week.get("headcount").asInt()).isEqualTo(4);
    assertThat(week.get("aiUsers").asInt()).isEqualTo(3);
    assertThat(week.get("adoption").asDouble()).isEqualTo(0.75);
    assertThat(week.get("agentUsers").asInt()).isEqualTo(2);
    assertThat(week.get("agentAdoption").asDouble()).isEqualTo(0.5);
    assertThat(week.at("/tools/copilot/users").asInt()).isEqualTo(2);
    assertThat(week.at("/tools/copilot/agentUsers").asInt()).isEqualTo(1);
    assertThat(week.at("/tools/kiro/agentUsers").asInt()).isEqualTo(1);
    assertThat(answer.at("/period/agentUserWeeks").asLong()).isEqualTo(2);
    assertThat(answer.at("/period/agentAdoption").asDouble()).isEqualTo(0.5);
  }

  private HttpResponse<String> post(String format, String body) throws Exception {
    return http.send(
        HttpRequest.newBuilder(
                URI.create("http://localhost:" + port + "/api/v1/imports?format=" + format))
            .header("Authorization", "Bearer " + ApiServerTest.TOKEN)
            .header("Content-Type", "text/csv")
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private JsonNode get(String path) throws Exception {
    HttpResponse<String> response =
        http.send(
            HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", "Bearer " + ApiServerTest.TOKEN)
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return json.readTree(response.body());
  }
}

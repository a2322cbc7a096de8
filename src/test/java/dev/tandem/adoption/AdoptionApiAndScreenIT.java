package dev.tandem.adoption;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.router.QueryParameters;
import dev.tandem.adoption.ui.AdoptionView;
import dev.tandem.security.ApiTokenService;
import dev.tandem.security.Role;
import dev.tandem.security.TestTokens;
import dev.tandem.ui.KaribuSupport;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.ActiveProfiles;

/**
 * The API and the Adoption screen show the same numbers for the same scope and range (demo
 * organisation).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("demo")
class AdoptionApiAndScreenIT {

  @LocalServerPort int port;
  @Autowired ApplicationContext context;
  @Autowired ApiTokenService tokens;
  @Autowired AdoptionService adoption;
  private final ObjectMapper json = new ObjectMapper();

  @BeforeEach
  void setUp() {
    KaribuSupport.setUp(context);
  }

  @AfterEach
  void tearDown() {
    KaribuSupport.tearDown();
  }

  @Test
  void api_and_screen_agree_on_this_weeks_and_the_pooled_adoption_of_a_team() throws Exception {
    String to = adoption.lastCompleteWeek().toString();
    String from = adoption.lastCompleteWeek().minus(7).toString();
    JsonNode api =
        get(
            "/api/v1/adoption?team=commerce&from=" + from + "&to=" + to,
            TestTokens.create(tokens, "it", Role.LEADER, null));

    assertThat(api.get("scope").asText()).isEqualTo("commerce");
    assertThat(api.get("goal").asDouble()).isEqualTo(0.80);
    assertThat(api.get("weeks")).hasSize(8);
    JsonNode latest = api.get("weeks").get(7);
    assertThat(latest.get("week").asText()).isEqualTo(to);
    assertThat(latest.get("adoption").asDouble())
        .isEqualTo(latest.get("aiUsers").asDouble() / latest.get("headcount").asDouble());
    long aiUserWeeks = 0;
    long developerWeeks = 0;
    for (JsonNode w : api.get("weeks")) {
      aiUserWeeks += w.get("aiUsers").asLong();
      developerWeeks += w.get("headcount").asLong();
    }
    assertThat(api.at("/period/aiUserWeeks").asLong()).isEqualTo(aiUserWeeks);
    assertThat(api.at("/period/developerWeeks").asLong()).isEqualTo(developerWeeks);

    KaribuSupport.signIn("leader", "LEADER");
    UI.getCurrent()
        .navigate(
            AdoptionView.class,
            new QueryParameters(
                Map.of("team", List.of("commerce"), "from", List.of(from), "to", List.of(to))));

    Span kpi = _get(Span.class, spec -> spec.withId("kpi-adoption"));
    assertThat(kpi.getText()).isEqualTo(percent(latest.get("adoption").asDouble()));
    assertThat(kpi.getTitle())
        .hasValueSatisfying(
            t ->
                assertThat(t)
                    .startsWith(
                        latest.get("aiUsers").asInt() + " / " + latest.get("headcount").asInt()));
    Span period = _get(Span.class, spec -> spec.withId("kpi-period"));
    assertThat(period.getText()).isEqualTo(percent(api.at("/period/adoption").asDouble()));
  }

  /**
   * In the demo organisation agent use differs from any-AI use (Kiro and Claude Code users are
   * agent users every active day, Copilot and Cursor users on some weeks): the API's agent figures
   * add up, sit strictly between 0 and any-AI use, and are the ones the screen shows.
   */
  @Test
  void api_and_screen_agree_on_agent_adoption_which_differs_from_any_ai_adoption()
      throws Exception {
    String to = adoption.lastCompleteWeek().toString();
    String from = adoption.lastCompleteWeek().minus(7).toString();
    JsonNode api =
        get(
            "/api/v1/adoption?from=" + from + "&to=" + to,
            TestTokens.create(tokens, "it-agents", Role.LEADER, null));
    long agentUserWeeks = 0;
    long aiUserWeeks = 0;
    for (JsonNode w : api.get("weeks")) {
      int agentUsers = w.get("agentUsers").asInt();
      assertThat(agentUsers).isPositive().isLessThan(w.get("aiUsers").asInt());
      assertThat(w.get("agentAdoption").asDouble())
          .isEqualTo((double) agentUsers / w.get("headcount").asInt());
      int perToolMax = 0;
      for (JsonNode tool : w.get("tools")) {
        assertThat(tool.get("agentUsers").asInt()).isBetween(0, tool.get("users").asInt());
        perToolMax = Math.max(perToolMax, tool.get("agentUsers").asInt());
      }
      assertThat(agentUsers).isGreaterThanOrEqualTo(perToolMax);
      assertThat(w.at("/tools/kiro/agentUsers").asInt())
          .isEqualTo(w.at("/tools/kiro/users").asInt());
      agentUserWeeks += agentUsers;
      aiUserWeeks += w.get("aiUsers").asLong();
    }
    assertThat(api.at("/period/agentUserWeeks").asLong()).isEqualTo(agentUserWeeks);
    assertThat(agentUserWeeks).isLessThan(aiUserWeeks);

    KaribuSupport.signIn("leader", "LEADER");
    UI.getCurrent()
        .navigate(
            AdoptionView.class,
            new QueryParameters(Map.of("from", List.of(from), "to", List.of(to))));
    JsonNode latest = api.get("weeks").get(7);
    Span kpi = _get(Span.class, spec -> spec.withId("kpi-agent"));
    assertThat(kpi.getText()).isEqualTo(percent(latest.get("agentAdoption").asDouble()));
    assertThat(kpi.getTitle())
        .hasValueSatisfying(
            t ->
                assertThat(t)
                    .startsWith(
                        latest.get("agentUsers").asInt()
                            + " / "
                            + latest.get("headcount").asInt()));
    assertThat(_get(Span.class, spec -> spec.withId("kpi-agent-period")).getText())
        .startsWith(percent(api.at("/period/agentAdoption").asDouble()));
  }

  @Test
  void a_malformed_week_is_a_400_problem_naming_the_parameter() throws Exception {
    HttpResponse<String> response =
        raw("/api/v1/adoption?from=2026-48", TestTokens.create(tokens, "it2", Role.LEADER, null));
    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.body()).contains("\"field\":\"from\"", "YYYY-Www");
  }

  private static String percent(double share) {
    return String.format(Locale.ROOT, "%.1f%%", share * 100);
  }

  private JsonNode get(String path, String token) throws Exception {
    HttpResponse<String> response = raw(path, token);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return json.readTree(response.body());
  }

  private HttpResponse<String> raw(String path, String token) throws Exception {
    return HttpClient.newHttpClient()
        .send(
            HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", "Bearer " + token)
                .build(),
            HttpResponse.BodyHandlers.ofString());
  }
}

package dev.tandem.reliability;

import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.mvysny.kaributesting.v10.GridKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.QueryParameters;
import dev.tandem.security.ApiTokenService;
import dev.tandem.security.Role;
import dev.tandem.security.TestTokens;
import dev.tandem.ui.KaribuSupport;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.ActiveProfiles;

/**
 * End to end, as a leader: on {@link WithinTeamsOrganisation} (worked by hand there) the API says
 * Kiro is higher crude but gives a within-teams interval that contains 1, and the Reliability
 * screen's sentence, table and details say the same.
 */
// Its organisation (teams "parent" and below, developers, incidents) is added to the demo data, so
// it runs in the demo context of the classes that write (the property names it), not in the one
// the read-only classes share: there AdoptionTeamTableIT's "one level down" would see a second
// top-level team. (Discarding the shared context after the class cost a second demo start.)
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = "tandem.it-context=demo-written")
@ActiveProfiles("demo")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WithinTeamsApiAndScreenIT {

  @LocalServerPort int port;
  @Autowired ApplicationContext context;
  @Autowired ApiTokenService tokens;
  @Autowired IncidentService incidents;
  @Autowired DSLContext db;

  private final HttpClient http = HttpClient.newHttpClient();
  private final ObjectMapper json = new ObjectMapper();
  private ReliabilityFixtures f;
  private String token;

  @BeforeAll
  void organisation() {
    ReliabilityFixtures.asAdmin(
        context,
        () -> {
          f = new ReliabilityFixtures(db, incidents);
          new WithinTeamsOrganisation(f);
        });
    token = TestTokens.create(tokens, "within-it-" + System.nanoTime(), Role.LEADER, null);
  }

  @BeforeEach
  void setUp() {
    KaribuSupport.setUp(context);
  }

  @AfterEach
  void tearDown() {
    KaribuSupport.tearDown();
  }

  @Test
  void the_api_and_the_screen_say_kiro_is_higher_crude_but_not_within_teams() throws Exception {
    JsonNode api =
        json.readTree(
            get("/api/v1/reliability?from="
                    + WithinTeamsOrganisation.W1
                    + "&to="
                    + WithinTeamsOrganisation.W2
                    + "&exposure=changes&team="
                    + f.key("parent"))
                .body());
    JsonNode kiro = tool(api, "kiro");
    assertThat(kiro.get("rateRatio").asDouble()).isCloseTo(7.0, within(1e-9));
    assertThat(kiro.get("ciLow").asDouble()).isGreaterThan(1);
    assertThat(kiro.get("verdict").asText()).isEqualTo("higher");
    assertThat(kiro.get("rateRatioWithinTeams").asDouble()).isCloseTo(3.32, within(1e-9));
    assertThat(kiro.get("ciLowWithinTeams").asDouble()).isCloseTo(0.862, within(0.0005));
    assertThat(kiro.get("ciHighWithinTeams").asDouble()).isCloseTo(12.785, within(0.0005));
    // Copilot's one developer is a group below k for a leader: nothing of it, within teams either.
    JsonNode copilot = tool(api, "copilot");
    assertThat(copilot.get("suppressed").asBoolean()).isTrue();
    assertThat(copilot.get("rateRatioWithinTeams").isNull()).isTrue();

    KaribuSupport.signIn("leader", "LEADER");
    UI.getCurrent()
        .navigate(
            "reliability",
            QueryParameters.simple(
                Map.of(
                    "from",
                    WithinTeamsOrganisation.W1,
                    "to",
                    WithinTeamsOrganisation.W2,
                    "team",
                    f.key("parent"),
                    "exposure",
                    "changes")));
    Div sentences = _get(Div.class, spec -> spec.withId("sentences"));
    List<String> said = _find(sentences, Paragraph.class).stream().map(Paragraph::getText).toList();
    assertThat(said)
        .anySatisfy(
            s ->
                assertThat(s)
                    .startsWith("Kiro: 7.0× the baseline rate, 95% CI 2.1–23; higher")
                    .contains(
                        " Crude 7.0× (2.1–23), within teams 3.3× (0.86–13): much of the"
                            + " difference comes from which teams use Kiro."));

    @SuppressWarnings("unchecked")
    Grid<Object> grid = _get(Grid.class, spec -> spec.withId("reliability-grid"));
    int kiroRow = 2 + indexOf(api, "kiro"); // baseline, all AI tools, then the tools
    assertThat(GridKt._getFormatted(grid, kiroRow, "withinTeams")).isEqualTo("3.32 (0.86–12.79)");
    assertThat(GridKt._getFormatted(grid, kiroRow, "rateRatio")).startsWith("7.00 (2.10–23.39)");

    Details details = _get(Details.class, spec -> spec.withId("within-teams-details"));
    assertThat(
            _find(details, Paragraph.class).stream()
                .map(Paragraph::getText)
                .filter(s -> s.startsWith("Kiro:")))
        .containsExactly(
            "Kiro: 2 teams compared, 1 left out. Left out, no exposure with Kiro: data.");
  }

  private static JsonNode tool(JsonNode api, String key) {
    return api.get("tools").get(indexOf(api, key));
  }

  private static int indexOf(JsonNode api, String key) {
    for (int i = 0; i < api.get("tools").size(); i++) {
      if (api.get("tools").get(i).get("tool").asText().equals(key)) {
        return i;
      }
    }
    throw new AssertionError("no tool " + key);
  }

  private HttpResponse<String> get(String path) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
            .header("Authorization", "Bearer " + token)
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }
}

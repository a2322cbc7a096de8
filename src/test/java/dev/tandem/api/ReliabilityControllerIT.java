package dev.tandem.api;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.mvysny.kaributesting.v10.GridKt;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.router.QueryParameters;
import dev.tandem.base.WeekRange;
import dev.tandem.reliability.ReliabilityService;
import dev.tandem.security.ApiTokenService;
import dev.tandem.security.Role;
import dev.tandem.security.TestTokens;
import dev.tandem.ui.KaribuSupport;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.ActiveProfiles;

/** DESIGN §5 GET /api/v1/reliability against the demo organisation, and against the screen. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("demo")
class ReliabilityControllerIT {

  @LocalServerPort int port;
  @Autowired ApplicationContext context;
  @Autowired ApiTokenService tokens;
  @Autowired ReliabilityService reliability;
  @Autowired MeterRegistry registry;

  private final HttpClient http = HttpClient.newHttpClient();
  private final ObjectMapper json = new ObjectMapper();
  private String token;

  @BeforeEach
  void setUp() {
    token = TestTokens.create(tokens, "reliability-it-" + System.nanoTime(), Role.LEADER, null);
    KaribuSupport.setUp(context);
  }

  @AfterEach
  void tearDown() {
    KaribuSupport.tearDown();
  }

  @ParameterizedTest
  @ValueSource(strings = {"changes", "developer-weeks"})
  void the_api_and_the_screen_show_the_same_numbers(String exposure) throws Exception {
    WeekRange range = reliability.defaultRange();
    JsonNode api =
        json.readTree(
            get("/api/v1/reliability?from="
                    + range.from()
                    + "&to="
                    + range.to()
                    + "&exposure="
                    + exposure)
                .body());
    assertThat(api.get("exposure").asText()).isEqualTo(exposure);

    KaribuSupport.signIn("leader", "LEADER");
    UI.getCurrent()
        .navigate(
            "reliability",
            QueryParameters.simple(
                Map.of(
                    "from",
                    range.from().toString(),
                    "to",
                    range.to().toString(),
                    "exposure",
                    exposure)));
    @SuppressWarnings("unchecked")
    Grid<Object> grid = _get(Grid.class, spec -> spec.withId("reliability-grid"));
    // Row 1 is all AI tools together, then the tools.
    java.util.List<JsonNode> tools = new java.util.ArrayList<>();
    tools.add(api.get("allAi"));
    api.get("tools").forEach(tools::add);
    assertThat(GridKt._size(grid)).isEqualTo(1 + tools.size());

    JsonNode baseline = api.get("baseline");
    assertThat(GridKt._getFormatted(grid, 0, "exposure"))
        .isEqualTo(
            String.format(Locale.ROOT, "%,d %s", baseline.get("exposure").asLong(), exposure));
    assertThat(GridKt._getFormatted(grid, 0, "rate")).matches(rate(baseline));
    assertThat(tools.size()).isEqualTo(6);
    for (int i = 0; i < tools.size(); i++) {
      JsonNode t = tools.get(i);
      int row = i + 1;
      assertThat(GridKt._getFormatted(grid, row, "rate"))
          .as(t.get("tool").asText())
          .matches(rate(t));
      assertThat(GridKt._getFormatted(grid, row, "rateRatio"))
          .as(t.get("tool").asText())
          .matches(
              two(t.get("rateRatio"))
                  + Pattern.quote(" (")
                  + two(t.get("ciLow"))
                  + "–"
                  + two(t.get("ciHigh"))
                  + Pattern.quote(")"));
      double p = t.get("pValue").asDouble();
      String pCell = GridKt._getFormatted(grid, row, "p");
      assertThat(pCell).startsWith(p < 0.001 ? "< 0.001" : String.format(Locale.ROOT, "%.3f", p));
      if (!t.get("pAdjusted").isNull()) {
        double adjusted = t.get("pAdjusted").asDouble();
        assertThat(pCell)
            .endsWith(
                "("
                    + (adjusted < 0.001 ? "< 0.001" : String.format(Locale.ROOT, "%.3f", adjusted))
                    + ")");
        assertThat(adjusted).isGreaterThanOrEqualTo(p);
      }
      // The screen leads with the verdict that allows for the tools compared at once, and says
      // the comparison's own verdict beside it where they differ.
      String verdict = text(GridKt._getCellComponent(grid, row, "verdict"));
      assertThat(verdict).startsWith(t.get("adjustedVerdict").asText());
      assertThat(verdict.contains("alone: " + t.get("verdict").asText()))
          .isEqualTo(!t.get("verdict").equals(t.get("adjustedVerdict")));
      assertThat(verdict.contains("unstable: fewer than 20 incidents"))
          .isEqualTo(t.get("unstable").asBoolean());
      // The count, then how many of them an agent executed.
      assertThat(text(GridKt._getCellComponent(grid, row, "incidents")))
          .matches(
              Pattern.quote(String.format(Locale.ROOT, "%,d", t.get("incidents").asLong()))
                  + "( \\([\\d,]+ by an agent\\))?");
    }
  }

  @Test
  void undefined_and_infinite_values_are_null_and_tools_without_exposure_say_so() throws Exception {
    HttpResponse<String> response =
        get("/api/v1/reliability?from=2020-W01&to=2020-W04&exposure=changes");
    assertThat(response.statusCode()).isEqualTo(200);
    JsonNode body = json.readTree(response.body());
    assertThat(body.get("baseline").get("rate").isNull()).isTrue();
    assertThat(body.get("unclassifiedIncidents").asLong()).isZero();
    for (JsonNode t : body.get("tools")) {
      assertThat(t.get("verdict").asText()).isEqualTo("no exposure");
      assertThat(t.get("rateRatio").isNull()).isTrue();
      assertThat(t.get("ciHigh").isNull()).isTrue();
      assertThat(t.get("rate").isNull()).isTrue();
      assertThat(t.get("unstable").asBoolean()).isTrue();
    }
    assertThat(body.fieldNames())
        .toIterable()
        .containsExactly(
            "exposure", "baseline", "allAi", "tools", "unclassifiedIncidents", "changesNotCounted");
    assertThat(body.get("changesNotCounted").asLong()).isZero();
    assertThat(body.get("tools").get(0).fieldNames())
        .toIterable()
        .containsExactly(
            "tool",
            "incidents",
            "exposure",
            "rate",
            "rateRatio",
            "ciLow",
            "ciHigh",
            "pValue",
            "verdict",
            "pAdjusted",
            "adjustedVerdict",
            "unstable");
  }

  @Test
  void without_a_range_the_last_26_complete_weeks_and_the_default_exposure_are_used()
      throws Exception {
    JsonNode body = json.readTree(get("/api/v1/reliability").body());
    assertThat(body.get("exposure").asText()).isEqualTo("changes");
    assertThat(body.get("baseline").get("incidents").asLong()).isPositive();
  }

  @Test
  void bad_parameters_are_problem_details_naming_the_field() throws Exception {
    HttpResponse<String> badWeek = get("/api/v1/reliability?from=2026-W60&to=2026-W02");
    assertThat(badWeek.statusCode()).isEqualTo(400);
    assertThat(badWeek.headers().firstValue("Content-Type"))
        .hasValueSatisfying(v -> assertThat(v).startsWith("application/problem+json"));
    assertThat(badWeek.body()).contains("\"field\":\"from\"");
    assertThat(get("/api/v1/reliability?exposure=incidents").body())
        .contains("\"field\":\"exposure\"");
    assertThat(get("/api/v1/reliability?team=no-such-team").statusCode()).isEqualTo(400);
    assertThat(get("/api/v1/reliability?from=2026-W10&to=2026-W02").statusCode()).isEqualTo(400);
    assertThat(get("/api/v1/reliability?from=2026-W10").body()).contains("\"field\":\"to\"");
  }

  @Test
  void a_team_scope_is_a_subtree_and_narrower_than_the_organisation() throws Exception {
    JsonNode org = json.readTree(get("/api/v1/reliability?exposure=developer-weeks").body());
    JsonNode commerce =
        json.readTree(get("/api/v1/reliability?exposure=developer-weeks&team=commerce").body());
    JsonNode payments =
        json.readTree(get("/api/v1/reliability?exposure=developer-weeks&team=payments").body());
    long orgExposure = org.get("baseline").get("exposure").asLong();
    long commerceExposure = commerce.get("baseline").get("exposure").asLong();
    long paymentsExposure = payments.get("baseline").get("exposure").asLong();
    assertThat(commerceExposure).isLessThan(orgExposure).isGreaterThan(paymentsExposure);
    assertThat(paymentsExposure).isPositive();
  }

  @Test
  void a_gauge_per_tool_carries_the_latest_12_week_rate_ratio() {
    assertThat(registry.get("tandem.reliability.rate.ratio").gauges()).hasSize(5);
    Map<String, Double> ratios = reliability.latestRateRatios();
    double gauge =
        registry.get("tandem.reliability.rate.ratio").tag("tool", "claude-code").gauge().value();
    assertThat(gauge).isEqualTo(ratios.get("claude-code"));
    assertThat(gauge).isPositive();
  }

  @Test
  void no_token_is_refused() throws Exception {
    HttpResponse<String> response =
        http.send(
            HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/reliability"))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).isEqualTo(401);
  }

  /** The text of a rendered cell and its children, as a user reads it. */
  private static String text(Component c) {
    return c.getElement().getTextRecursively();
  }

  /** A pattern for the rate cell: the rate with its numerator and denominator. */
  private static String rate(JsonNode group) {
    return two(group.get("rate"))
        + Pattern.quote(
            String.format(
                Locale.ROOT,
                " (%,d / %,d)",
                group.get("incidents").asLong(),
                group.get("exposure").asLong()));
  }

  /**
   * A pattern for the API's number as the screen writes it, two decimals; null is "–" (undefined)
   * or "∞" (infinite) on screen.
   */
  private static String two(JsonNode value) {
    return value.isNull()
        ? "[–∞]"
        : Pattern.quote(String.format(Locale.ROOT, "%,.2f", value.asDouble()));
  }

  private HttpResponse<String> get(String path) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
            .header("Authorization", "Bearer " + token)
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }
}

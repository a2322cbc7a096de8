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
import dev.tandem.base.Scope;
import dev.tandem.base.WeekRange;
import dev.tandem.reliability.ReliabilityFormat;
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
import java.util.List;
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
  @Autowired dev.tandem.tools.ToolService toolCatalogue;

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
      assertThat(GridKt._getFormatted(grid, row, "withinTeams"))
          .as(t.get("tool").asText())
          .matches(
              t.get("rateRatioWithinTeams").isNull()
                  ? "undefined|–"
                  : two(t.get("rateRatioWithinTeams"))
                      + Pattern.quote(" (")
                      + two(t.get("ciLowWithinTeams"))
                      + "–"
                      + two(t.get("ciHighWithinTeams"))
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

    // The CSV export carries the same figures at full precision, row for row.
    List<Map<String, String>> csv = download("reliability.csv");
    assertThat(csv).hasSize(1 + tools.size());
    assertThat(csv.get(0).get("group")).isEqualTo("No AI (baseline)");
    for (int i = 0; i < tools.size(); i++) {
      JsonNode t = tools.get(i);
      Map<String, String> line = csv.get(i + 1);
      String tool = t.get("tool").asText();
      for (String[] pair :
          new String[][] {
            {"rate_ratio", "rateRatio"},
            {"ci_low", "ciLow"},
            {"ci_high", "ciHigh"},
            {"p_value", "pValue"},
            {"p_adjusted", "pAdjusted"},
            {"rate", "rate"}
          }) {
        JsonNode value = t.get(pair[1]);
        if (value.isNull()) {
          assertThat(line.get(pair[0])).as(tool + " " + pair[0]).isEmpty();
        } else {
          assertThat(Double.parseDouble(line.get(pair[0])))
              .as(tool + " " + pair[0])
              .isEqualTo(value.asDouble());
        }
      }
      assertThat(line.get("incidents")).isEqualTo(t.get("incidents").asText());
      assertThat(line.get("verdict")).isEqualTo(t.get("verdict").asText());
      assertThat(line.get("adjusted_verdict")).isEqualTo(t.get("adjustedVerdict").asText());
    }

    // The sentences: all AI tools first, then one per tool, each with the API's interval and
    // leading with the adjusted verdict.
    List<String> sentences =
        _get(com.vaadin.flow.component.html.Div.class, spec -> spec.withId("sentences"))
            .getChildren()
            .map(ReliabilityControllerIT::text)
            .toList();
    assertThat(sentences).hasSize(tools.size());
    // The Holm family: the tools (not the all-AI row) that have an adjusted p.
    long compared =
        tools.subList(1, tools.size()).stream().filter(t -> !t.get("pAdjusted").isNull()).count();
    for (int i = 0; i < tools.size(); i++) {
      JsonNode t = tools.get(i);
      String sentence = sentences.get(i);
      String tool = t.get("tool").asText();
      String name =
          i == 0
              ? "All AI tools together"
              : toolCatalogue.tools().stream()
                  .filter(x -> x.key().equals(tool))
                  .findFirst()
                  .orElseThrow()
                  .name();
      assertThat(sentence).as(tool).startsWith(name + ":");
      String verdict = t.get("verdict").asText();
      String adjusted = t.get("adjustedVerdict").asText();
      if (!t.get("ciHigh").isNull()
          && !t.get("ciLow").isNull()
          && (verdict.equals("higher") || verdict.startsWith("no evidence"))) {
        assertThat(sentence)
            .as(tool)
            .contains(
                "95% CI "
                    + ReliabilityFormat.shortNumber(t.get("ciLow").asDouble())
                    + "–"
                    + ReliabilityFormat.shortNumber(t.get("ciHigh").asDouble()));
      }
      if (verdict.equals("no evidence of a difference")) {
        assertThat(sentence).as(tool).contains("no evidence of a difference");
      } else if ((verdict.equals("higher") || verdict.equals("lower"))
          && !adjusted.equals(verdict)) {
        assertThat(sentence).as(tool).contains("this could still be chance");
      } else if (verdict.equals("higher") || verdict.equals("lower")) {
        assertThat(sentence).as(tool).contains("; " + verdict);
        if (i > 0 && compared > 1) {
          assertThat(sentence).contains("allowing for the " + compared + " tools compared");
        }
      }
    }
  }

  /**
   * The safeguard headline, the per-group table's CSV and the click-through all show the service's
   * figures: the demo organisation's AI-involved incidents lacking peer review, over the default
   * range, as counted, as exported and as listed on the Incidents screen.
   */
  @Test
  void the_safeguard_card_its_csv_and_its_links_show_the_same_incidents() throws Exception {
    KaribuSupport.signIn("leader", "LEADER");
    WeekRange range = reliability.defaultRange();
    var cs = reliability.causesAndSafeguards(range, Scope.ORGANISATION);
    var review = cs.headline().get(0);
    assertThat(review.safeguard()).isEqualTo(dev.tandem.reliability.Safeguard.NOT_PEER_REVIEWED);
    assertThat(review.gap().incidents()).isPositive();

    UI.getCurrent().navigate("reliability");
    String card =
        text(
            _get(
                com.vaadin.flow.component.html.Div.class,
                s -> s.withId("safeguard-not-peer-reviewed")));
    assertThat(card)
        .contains(
            ReliabilityFormat.percent(review.gap().share())
                + " AI-involved vs "
                + ReliabilityFormat.percent(review.other().share())
                + " without AI")
        .contains(ReliabilityFormat.gap(review.gap()))
        .contains("Fisher's exact p " + ReliabilityFormat.pValue(review.p()));
    assertThat(
            text(
                _get(
                    com.vaadin.flow.component.html.Paragraph.class,
                    s -> s.withId("safeguard-sentence"))))
        .startsWith("AI-involved incidents ");

    List<Map<String, String>> csv = download("safeguards.csv");
    Map<String, String> line =
        csv.stream()
            .filter(r -> r.get("group").equals("all-ai"))
            .filter(r -> r.get("safeguard").equals("not-peer-reviewed"))
            .findFirst()
            .orElseThrow();
    assertThat(Long.parseLong(line.get("incidents_with_gap"))).isEqualTo(review.gap().incidents());
    assertThat(Long.parseLong(line.get("incidents"))).isEqualTo(review.gap().ofIncidents());
    assertThat(Double.parseDouble(line.get("fisher_p"))).isEqualTo(review.p());
    // Every group with incidents has three lines; the baseline's have no comparison.
    assertThat(csv).hasSize(3 * (2 + cs.tools().size() + 1));
    assertThat(csv.get(csv.size() - 1).get("group")).isEqualTo("none");
    assertThat(csv.get(csv.size() - 1).get("fisher_p")).isEmpty();

    // The API answers the same table.
    JsonNode api =
        json.readTree(get("/api/v1/reliability?from=" + range.from() + "&to=" + range.to()).body());
    JsonNode first = api.get("safeguards").get(0);
    assertThat(first.get("group").asText()).isEqualTo("all-ai");
    assertThat(first.get("safeguard").asText()).isEqualTo("not-peer-reviewed");
    assertThat(first.get("incidentsWithGap").asLong()).isEqualTo(review.gap().incidents());
    assertThat(first.get("incidents").asLong()).isEqualTo(review.gap().ofIncidents());
    assertThat(first.get("pValue").asDouble()).isEqualTo(review.p());
    assertThat(first.get("ciLow").asDouble()).isEqualTo(review.gap().interval().low());
    assertThat(api.get("safeguards")).hasSize(csv.size());

    // The percentage links to exactly those incidents.
    var link =
        com.github.mvysny.kaributesting.v10.LocatorJ._get(
            _get(
                com.vaadin.flow.component.html.Div.class,
                s -> s.withId("safeguard-not-peer-reviewed")),
            com.vaadin.flow.component.html.Anchor.class,
            s -> s.withText(ReliabilityFormat.percent(review.gap().share())));
    assertThat(link.getHref()).contains("gap=not-peer-reviewed").contains("involvement=assisted");
    String[] href = link.getHref().split("\\?", 2);
    UI.getCurrent().navigate(href[0], QueryParameters.fromString(href[1]));
    @SuppressWarnings("unchecked")
    Grid<Object> incidents = _get(Grid.class, s -> s.withId("incident-grid"));
    assertThat(GridKt._size(incidents)).isEqualTo((int) review.gap().incidents());
  }

  /** What the "Export CSV" link for this file would download now, as rows keyed by header. */
  private static List<Map<String, String>> download(String fileName) throws Exception {
    List<com.vaadin.flow.component.html.Anchor> found =
        com.github.mvysny.kaributesting.v10.LocatorJ._find(
                com.vaadin.flow.component.html.Anchor.class)
            .stream()
            .filter(a -> a.getHref() != null && a.getHref().endsWith("/" + fileName))
            .toList();
    assertThat(found).as("export link " + fileName).hasSize(1);
    String text =
        new String(
            com.github.mvysny.kaributesting.v10.DownloadKt._download(found.get(0)),
            java.nio.charset.StandardCharsets.UTF_8);
    try (var parser =
        org.apache.commons.csv.CSVParser.parse(
            text,
            org.apache.commons.csv.CSVFormat.RFC4180
                .builder()
                .setHeader()
                .setSkipHeaderRecord(true)
                .get())) {
      return parser.getRecords().stream().map(org.apache.commons.csv.CSVRecord::toMap).toList();
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
            "exposure",
            "baseline",
            "allAi",
            "tools",
            "unclassifiedIncidents",
            "changesNotCounted",
            "safeguards");
    assertThat(body.get("changesNotCounted").asLong()).isZero();
    // No incidents at all: the all-AI rows and the rows without AI, nothing to compare.
    assertThat(body.get("safeguards")).hasSize(6);
    for (JsonNode g : body.get("safeguards")) {
      assertThat(g.get("incidents").asLong()).isZero();
      assertThat(g.get("share").isNull()).isTrue();
      assertThat(g.get("pValue").isNull()).isTrue();
    }
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
            "unstable",
            "rateRatioWithinTeams",
            "ciLowWithinTeams",
            "ciHighWithinTeams");
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
  void a_gauge_per_tool_carries_the_latest_12_week_rate_ratio_and_adjusted_verdict() {
    // Five catalogue tools and all AI tools together.
    assertThat(registry.get("tandem.reliability.rate.ratio").gauges()).hasSize(6);
    Map<String, Double> ratios = reliability.latestRateRatios();
    double gauge =
        registry.get("tandem.reliability.rate.ratio").tag("tool", "claude-code").gauge().value();
    assertThat(gauge).isEqualTo(ratios.get("claude-code"));
    assertThat(gauge).isPositive();

    var latest = reliability.latestToolFigures();
    for (String tool : List.of("all-ai", "claude-code", "cursor")) {
      var t = latest.get(tool);
      double verdict =
          registry.get("tandem.reliability.adjusted.verdict").tag("tool", tool).gauge().value();
      double expected =
          switch (t.adjustedVerdict()) {
            case HIGHER -> 1;
            case LOWER -> -1;
            case NO_DIFFERENCE -> 0;
            default -> Double.NaN;
          };
      assertThat(verdict).as(tool).isEqualTo(expected);
    }
    double p =
        registry.get("tandem.reliability.p.adjusted").tag("tool", "claude-code").gauge().value();
    assertThat(p).isEqualTo(latest.get("claude-code").pAdjusted()).isBetween(0.0, 1.0);
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

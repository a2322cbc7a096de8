package dev.tandem.connectors;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * GitHub Copilot's seat list ({@code GET /orgs/{org}/copilot/billing/seats}, or an enterprise's),
 * every page joined into one {@code copilot-seats-json} file. The list is a snapshot of now: it is
 * fetched once per run, for the run's last day, and imported as the seats on the day of the run
 * (seats missing from it are closed that day).
 */
@Component
class CopilotSeatsConnector extends DescribedConnector {

  static final int PER_PAGE = 100;
  static final int MAX_PAGES = 1000;

  CopilotSeatsConnector() {
    super(
        "copilot-seats",
        "GitHub Copilot seats",
        "copilot-seats-json",
        "https://api.github.com",
        "token (GitHub App or fine-grained: Copilot Business, read)",
        List.of(
            new Setting("org", "Organization", "the organization's login; or set Enterprise"),
            new Setting(
                "enterprise", "Enterprise", "the enterprise slug, instead of an organization")));
  }

  private VendorHttp http(Source source) {
    return source.http(
        Map.of(
            "Authorization",
            "Bearer " + source.requireSecret("token"),
            "Accept",
            "application/vnd.github+json",
            "X-GitHub-Api-Version",
            "2022-11-28"),
        Set.of());
  }

  private static String path(Source source) {
    String enterprise = source.config().setting("enterprise");
    String owner =
        enterprise != null
            ? "/enterprises/" + URLEncoder.encode(enterprise, StandardCharsets.UTF_8)
            : "/orgs/" + URLEncoder.encode(source.requireSetting("org"), StandardCharsets.UTF_8);
    return owner + "/copilot/billing/seats?per_page=" + PER_PAGE + "&page=";
  }

  @Override
  public List<Payload> fetch(Source source, LocalDate day) {
    // A seat list says who holds a seat now, not on a past day: only the run's last day fetches.
    if (!day.equals(source.today().minusDays(1))) {
      return List.of();
    }
    VendorHttp http = http(source);
    List<JsonNode> seats = new ArrayList<>();
    long total = -1;
    for (int n = 1; n <= MAX_PAGES; n++) {
      byte[] body = http.get(path(source) + n).body();
      JsonNode page = JsonPages.page(body, "seats");
      if (page == null) {
        return List.of(
            new Payload("copilot seats " + source.today() + " page " + n + ".json", body));
      }
      total = page.path("total_seats").asLong(-1);
      page.get("seats").forEach(seats::add);
      if (page.get("seats").isEmpty() || (total >= 0 && seats.size() >= total)) {
        break;
      }
    }
    if (seats.isEmpty()) {
      // No seat at all: an empty list cannot be imported (nothing would say which seats ended).
      return List.of();
    }
    return List.of(
        new Payload(
            "copilot seats " + source.today() + ".json",
            JsonPages.joined(
                "seats", seats, Map.of("total_seats", total >= 0 ? total : seats.size()))));
  }

  @Override
  public void test(Source source) {
    http(source).get(path(source).replace("per_page=" + PER_PAGE, "per_page=1") + 1);
  }
}

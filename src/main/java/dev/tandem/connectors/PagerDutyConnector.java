package dev.tandem.connectors;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * PagerDuty: {@code GET /incidents} with since/until covering one UTC day, offset paging until
 * {@code more} is false, joined into the response {@code pagerduty-incidents-json} reads. Region
 * "eu" uses api.eu.pagerduty.com.
 */
@Component
class PagerDutyConnector extends DescribedConnector {

  static final int LIMIT = 100;
  private static final int MAX_PAGES = 100; // PagerDuty's offset paging ends at 10,000 records

  PagerDutyConnector() {
    super(
        "pagerduty",
        "PagerDuty",
        "pagerduty-incidents-json",
        "https://api.pagerduty.com",
        "REST API key (read-only is enough)",
        List.of(new Setting("region", "Service region", "us (default) or eu")));
  }

  @Override
  public String baseUrlFor(ConnectorConfig config) {
    return "eu".equalsIgnoreCase(config.setting("region"))
        ? "https://api.eu.pagerduty.com"
        : defaultBaseUrl();
  }

  private VendorHttp http(Source source) {
    return source.http(
        Map.of(
            "Authorization",
            "Token token=" + source.requireSecret("REST API key"),
            "Accept",
            "application/json"),
        Set.of());
  }

  @Override
  public List<Payload> fetch(Source source, LocalDate day) {
    VendorHttp http = http(source);
    List<JsonNode> incidents = new ArrayList<>();
    int offset = 0;
    for (int n = 1; n <= MAX_PAGES; n++) {
      byte[] body =
          http.get(
                  "/incidents?since="
                      + day
                      + "T00:00:00Z&until="
                      + day.plusDays(1)
                      + "T00:00:00Z&time_zone=UTC&limit="
                      + LIMIT
                      + "&offset="
                      + offset)
              .body();
      JsonNode page = JsonPages.page(body, "incidents");
      if (page == null) {
        return List.of(new Payload("pagerduty " + day + " page " + n + ".json", body));
      }
      page.get("incidents").forEach(incidents::add);
      if (!page.path("more").asBoolean(false) || page.get("incidents").isEmpty()) {
        break;
      }
      offset += page.get("incidents").size();
    }
    if (incidents.isEmpty()) {
      return List.of();
    }
    Map<String, Object> closing = new LinkedHashMap<>();
    closing.put("limit", incidents.size());
    closing.put("offset", 0);
    closing.put("more", false);
    return List.of(
        new Payload(
            "pagerduty " + day + ".json", JsonPages.joined("incidents", incidents, closing)));
  }

  @Override
  public void test(Source source) {
    http(source).get("/incidents?limit=1");
  }
}

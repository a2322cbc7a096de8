package dev.tandem.connectors;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * Claude Code: the Anthropic Admin API's {@code GET /v1/organizations/usage_report/claude_code} for
 * one day ({@code starting_at}), every page ({@code has_more}/{@code next_page}) joined into the
 * response that {@code claude-code-usage-json} reads.
 */
@Component
class ClaudeCodeConnector extends DescribedConnector {

  static final String PATH = "/v1/organizations/usage_report/claude_code";
  private static final int MAX_PAGES = 10_000;

  ClaudeCodeConnector() {
    super(
        "claude-code",
        "Claude Code",
        "claude-code-usage-json",
        "https://api.anthropic.com",
        "Admin API key (sk-ant-admin…)",
        List.of());
  }

  private VendorHttp http(Source source) {
    return source.http(
        Map.of(
            "x-api-key", source.requireSecret("Admin API key"), "anthropic-version", "2023-06-01"),
        Set.of());
  }

  @Override
  public List<Payload> fetch(Source source, LocalDate day) {
    VendorHttp http = http(source);
    List<JsonNode> records = new ArrayList<>();
    String page = null;
    for (int n = 1; n <= MAX_PAGES; n++) {
      byte[] body =
          http.get(
                  PATH
                      + "?starting_at="
                      + day
                      + "&limit=1000"
                      + (page == null
                          ? ""
                          : "&page=" + URLEncoder.encode(page, StandardCharsets.UTF_8)))
              .body();
      JsonNode json = JsonPages.page(body, "data");
      if (json == null) {
        return List.of(new Payload(name(day) + " page " + n + ".json", body));
      }
      json.get("data").forEach(records::add);
      page = json.path("next_page").isTextual() ? json.path("next_page").asText() : null;
      if (!json.path("has_more").asBoolean(false) || page == null) {
        break;
      }
    }
    if (records.isEmpty()) {
      return List.of();
    }
    Map<String, Object> closing = new LinkedHashMap<>();
    closing.put("has_more", false);
    closing.put("next_page", null);
    return List.of(new Payload(name(day) + ".json", JsonPages.joined("data", records, closing)));
  }

  private static String name(LocalDate day) {
    return "claude-code " + day;
  }

  @Override
  public void test(Source source) {
    http(source).get(PATH + "?starting_at=" + source.today().minusDays(1) + "&limit=1");
  }
}

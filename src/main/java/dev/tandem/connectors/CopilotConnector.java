package dev.tandem.connectors;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * GitHub Copilot: the usage-metrics report {@code users-1-day} of an organization (or enterprise)
 * for one day. The API answers signed download links; their NDJSON files, joined, are what {@code
 * copilot-user-metrics-ndjson} reads. GitHub Enterprise Server: base URL https://HOST/api/v3.
 */
@Component
class CopilotConnector extends DescribedConnector {

  CopilotConnector() {
    super(
        "copilot",
        "GitHub Copilot",
        "copilot-user-metrics-ndjson",
        "https://api.github.com",
        "token (GitHub App or fine-grained: Copilot metrics, read)",
        List.of(
            new Setting("org", "Organization", "the organization's login; or set Enterprise"),
            new Setting(
                "enterprise", "Enterprise", "the enterprise slug, instead of an organization"),
            new Setting(
                "download-hosts",
                "Download hosts",
                "hosts the report's signed download links may point to, comma-separated")));
  }

  private VendorHttp http(Source source) {
    Set<String> hosts =
        Arrays.stream(String.valueOf(source.config().setting("download-hosts")).split(","))
            .map(h -> h.trim().toLowerCase(Locale.ROOT))
            .filter(h -> !h.isEmpty() && !"null".equals(h))
            .collect(Collectors.toSet());
    return source.http(
        Map.of(
            "Authorization",
            "Bearer " + source.requireSecret("token"),
            "Accept",
            "application/vnd.github+json",
            "X-GitHub-Api-Version",
            "2022-11-28"),
        hosts);
  }

  private static String owner(Source source) {
    String enterprise = source.config().setting("enterprise");
    if (enterprise != null) {
      return "/enterprises/" + URLEncoder.encode(enterprise, StandardCharsets.UTF_8);
    }
    return "/orgs/" + URLEncoder.encode(source.requireSetting("org"), StandardCharsets.UTF_8);
  }

  @Override
  public List<Payload> fetch(Source source, LocalDate day) {
    VendorHttp http = http(source);
    byte[] body;
    try {
      body = http.get(owner(source) + "/copilot/metrics/reports/users-1-day?day=" + day).body();
    } catch (VendorException e) {
      // GitHub publishes a day's report once the day is processed: a recent day may not be there
      // yet. It counts as empty now; later runs fetch the last days again.
      if (e.status() == 404 && !day.isBefore(source.today().minusDays(2))) {
        return List.of();
      }
      throw e;
    }
    JsonNode links;
    try {
      links = JsonPages.JSON.readTree(body).path("download_links");
    } catch (IOException e) {
      throw new VendorException(200, "the report answer is not JSON: " + e.getMessage());
    }
    if (!links.isArray()) {
      throw new VendorException(200, "the report answer has no download_links");
    }
    if (links.isEmpty()) {
      return List.of();
    }
    ByteArrayOutputStream all = new ByteArrayOutputStream();
    for (JsonNode link : links) {
      byte[] file = http.download(URI.create(link.asText())).body();
      // Files are joined line by line; the last keeps its own ending (errors keep their lines).
      if (all.size() > 0 && all.toByteArray()[all.size() - 1] != '\n') {
        all.write('\n');
      }
      all.writeBytes(file);
    }
    if (all.toString(StandardCharsets.UTF_8).isBlank()) {
      return List.of();
    }
    return List.of(new Payload("copilot users-1-day " + day + ".ndjson", all.toByteArray()));
  }

  @Override
  public void test(Source source) {
    http(source)
        .get(
            owner(source)
                + "/copilot/metrics/reports/users-1-day?day="
                + source.today().minusDays(3));
  }
}

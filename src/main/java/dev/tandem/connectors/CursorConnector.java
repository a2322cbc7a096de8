package dev.tandem.connectors;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * Cursor: the Admin API's {@code POST /teams/daily-usage-data} for one UTC day (start and end in
 * epoch milliseconds; the API allows up to 90 days, one day keeps each batch one day), the response
 * as {@code cursor-daily-usage-json} reads it. Basic auth with the key as user name.
 */
@Component
class CursorConnector extends DescribedConnector {

  CursorConnector() {
    super(
        "cursor",
        "Cursor",
        "cursor-daily-usage-json",
        "https://api.cursor.com",
        "Admin API key (key_…)",
        List.of());
  }

  /** Cursor's Admin API: basic authentication with the key as the user name. */
  static VendorHttp adminApi(Source source) {
    String basic =
        Base64.getEncoder()
            .encodeToString(
                (source.requireSecret("Admin API key") + ":").getBytes(StandardCharsets.UTF_8));
    return source.http(Map.of("Authorization", "Basic " + basic), Set.of());
  }

  @Override
  public List<Payload> fetch(Source source, LocalDate day) {
    long start = day.atStartOfDay().toInstant(ZoneOffset.UTC).toEpochMilli();
    long end = day.plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC).toEpochMilli() - 1;
    byte[] body =
        adminApi(source)
            .postJson(
                "/teams/daily-usage-data", "{\"startDate\":" + start + ",\"endDate\":" + end + "}")
            .body();
    var json = JsonPages.page(body, "data");
    if (json != null && json.get("data").isEmpty()) {
      return List.of();
    }
    return List.of(new Payload("cursor " + day + ".json", body));
  }

  @Override
  public void test(Source source) {
    adminApi(source).get("/teams/members");
  }
}

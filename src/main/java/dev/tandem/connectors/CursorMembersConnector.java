package dev.tandem.connectors;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * Cursor's team members ({@code GET /teams/members} of the Admin API) as {@code
 * cursor-members-json}: the seats of the team now, fetched once per run for the run's last day and
 * imported as the seats on the day of the run. Basic auth with the key as user name.
 */
@Component
class CursorMembersConnector implements Connector {

  @Override
  public String key() {
    return "cursor-members";
  }

  @Override
  public String name() {
    return "Cursor team members (seats)";
  }

  @Override
  public String format() {
    return "cursor-members-json";
  }

  @Override
  public String defaultBaseUrl() {
    return "https://api.cursor.com";
  }

  @Override
  public String secretLabel() {
    return "Admin API key (key_…)";
  }

  @Override
  public List<Setting> settings() {
    return List.of();
  }

  private VendorHttp http(Source source) {
    String basic =
        Base64.getEncoder()
            .encodeToString(
                (source.requireSecret("Admin API key") + ":").getBytes(StandardCharsets.UTF_8));
    return source.http(Map.of("Authorization", "Basic " + basic), Set.of());
  }

  @Override
  public List<Payload> fetch(Source source, LocalDate day) {
    if (!day.equals(source.today().minusDays(1))) {
      return List.of();
    }
    byte[] body = http(source).get("/teams/members").body();
    var page = JsonPages.page(body, "teamMembers");
    if (page != null && page.get("teamMembers").isEmpty()) {
      return List.of();
    }
    return List.of(new Payload("cursor members " + source.today() + ".json", body));
  }

  @Override
  public void test(Source source) {
    http(source).get("/teams/members");
  }
}

package dev.tandem.connectors;

import java.time.LocalDate;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Cursor's team members ({@code GET /teams/members} of the Admin API) as {@code
 * cursor-members-json}: the seats of the team now, fetched once per run for the run's last day and
 * imported as the seats on the day of the run. Basic auth with the key as user name.
 */
@Component
class CursorMembersConnector extends DescribedConnector {

  CursorMembersConnector() {
    super(
        "cursor-members",
        "Cursor team members (seats)",
        "cursor-members-json",
        "https://api.cursor.com",
        "Admin API key (key_…)",
        List.of());
  }

  @Override
  public List<Payload> fetch(Source source, LocalDate day) {
    if (!day.equals(source.today().minusDays(1))) {
      return List.of();
    }
    byte[] body = CursorConnector.adminApi(source).get("/teams/members").body();
    var page = JsonPages.page(body, "teamMembers");
    if (page != null && page.get("teamMembers").isEmpty()) {
      return List.of();
    }
    return List.of(new Payload("cursor members " + source.today() + ".json", body));
  }

  @Override
  public void test(Source source) {
    CursorConnector.adminApi(source).get("/teams/members");
  }
}

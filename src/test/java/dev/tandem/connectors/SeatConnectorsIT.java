package dev.tandem.connectors;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static dev.tandem.db.Tables.SEAT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;

/**
 * The seat connectors as WireMock plays the vendors: GitHub's Copilot seat list page by page, and
 * Cursor's team members; each run imports the list once (for its last day) as a snapshot on the day
 * of the run (today 2026-11-20).
 */
class SeatConnectorsIT extends ConnectorsTestBase {

  static final String SEATS = "/orgs/acme/copilot/billing/seats";

  static String seat(String login, String created) {
    return "{'created_at':'"
        + created
        + "T08:00:00Z','pending_cancellation_date':null,'last_activity_at':null,"
        + "'plan_type':'business','assignee':{'login':'"
        + login
        + "','id':1,'type':'User'}}";
  }

  static void page(int n, int total, String... seats) {
    vendor.stubFor(
        get(urlPathEqualTo(SEATS))
            .withQueryParam("per_page", equalTo("100"))
            .withQueryParam("page", equalTo(String.valueOf(n)))
            .withHeader("Authorization", equalTo("Bearer github_pat_seats"))
            .willReturn(
                okJson(
                    json(
                        "{'total_seats':"
                            + total
                            + ",'seats':["
                            + String.join(",", seats)
                            + "]}"))));
  }

  List<Tuple> seats(String source) {
    return db.select(SEAT.EXTERNAL_ID, SEAT.ASSIGNED_ON, SEAT.REMOVED_ON)
        .from(SEAT)
        .where(SEAT.SOURCE.eq(source))
        .orderBy(SEAT.EXTERNAL_ID, SEAT.ASSIGNED_ON)
        .fetch(r -> tuple(r.value1(), r.value2(), r.value3()));
  }

  @Test
  void the_copilot_seat_list_is_fetched_page_by_page_and_a_later_run_closes_a_missing_seat() {
    configure("copilot-seats", "github_pat_seats", Map.of("org", "acme"));
    // 3 seats on 2 pages (GitHub pages with per_page and page; total_seats counts them all).
    page(1, 3, seat("asilva", "2026-09-01"), seat("lwei", "2026-10-01"));
    page(2, 3, seat("newbie", "2026-11-02"));

    ConnectorRun first = runner.run("copilot-seats", "manual", "it-admin");

    assertThat(first.outcome()).as(first.message()).isEqualTo("succeeded");
    assertThat(first.rowsRead()).isEqualTo(3);
    // asilva is mapped; lwei and newbie are held until mapped.
    assertThat(first.rowsApplied()).isEqualTo(1);
    assertThat(first.rowsUnmatched()).isEqualTo(2);
    // The list says who holds a seat now: fetched once, for the run's last day (the 19th).
    vendor.verify(1, getRequestedFor(urlPathEqualTo(SEATS)).withQueryParam("page", equalTo("1")));
    assertThat(batches("copilot-seats")).containsExactly("copilot seats 2026-11-20.json applied");
    assertThat(seats("copilot"))
        .containsExactly(
            tuple("asilva", LocalDate.parse("2026-09-01"), null),
            tuple("lwei", LocalDate.parse("2026-10-01"), null),
            tuple("newbie", LocalDate.parse("2026-11-02"), null));

    vendor.resetAll();
    page(1, 2, seat("asilva", "2026-09-01"), seat("newbie", "2026-11-02"));
    ConnectorRun second = runner.run("copilot-seats", "manual", "it-admin");

    assertThat(second.outcome()).as(second.message()).isEqualTo("succeeded");
    // lwei's seat is gone from the list of the 20th: held 1 October – 19 November.
    assertThat(seats("copilot"))
        .containsExactly(
            tuple("asilva", LocalDate.parse("2026-09-01"), null),
            tuple("lwei", LocalDate.parse("2026-10-01"), LocalDate.parse("2026-11-20")),
            tuple("newbie", LocalDate.parse("2026-11-02"), null));
  }

  @Test
  void cursor_members_are_fetched_with_basic_auth_and_imported_as_seats() {
    configure("cursor-members", "key_cursor_members", Map.of());
    vendor.stubFor(
        get(urlPathEqualTo("/teams/members"))
            .withBasicAuth("key_cursor_members", "")
            .willReturn(
                okJson(
                    json(
                        "{'teamMembers':[{'id':12345,'name':'Ana','email':'ana.silva@example.com',"
                            + "'role':'member','isRemoved':false},{'id':12346,'name':'Omar',"
                            + "'email':'omar.haddad@example.com','role':'owner',"
                            + "'isRemoved':false}]}"))));

    ConnectorRun run = runner.run("cursor-members", "manual", "it-admin");

    assertThat(run.outcome()).as(run.message()).isEqualTo("succeeded");
    assertThat(run.rowsApplied()).isEqualTo(2);
    assertThat(seats("cursor"))
        .containsExactly(
            tuple("ana.silva@example.com", LocalDate.parse("2026-11-20"), null),
            tuple("omar.haddad@example.com", LocalDate.parse("2026-11-20"), null));
  }
}

package dev.tandem.ui;

import static dev.tandem.db.Tables.DEVELOPER;
import static dev.tandem.db.Tables.SEAT;
import static dev.tandem.db.Tables.TEAM;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import java.time.LocalDate;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * The Seats and cost screen in a real browser on the demo organisation and its seats: the manager
 * (Commerce) sees only Commerce's seats and its people, the leader the organisation's and no one by
 * name. The expected seat counts are counted here from the seat table, on the day the screen counts
 * on.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("demo")
class CostsBrowserIT extends BrowserTest {

  @LocalServerPort int port;
  @Autowired DSLContext db;

  /** Seats held on {@code day} by developers of {@code group}'s teams (null: everyone). */
  private int seatsOn(String group, LocalDate day) {
    var parent = TEAM.as("parent");
    return db.fetchCount(
        db.select(SEAT.ID)
            .from(SEAT)
            .join(DEVELOPER)
            .on(DEVELOPER.ID.eq(SEAT.DEVELOPER_ID))
            .join(TEAM)
            .on(TEAM.ID.eq(DEVELOPER.TEAM_ID))
            .leftJoin(parent)
            .on(parent.ID.eq(TEAM.PARENT_ID))
            .where(group == null ? DSL.noCondition() : parent.TEAM_KEY.eq(group))
            .and(SEAT.ASSIGNED_ON.le(day))
            .and(SEAT.REMOVED_ON.isNull().or(SEAT.REMOVED_ON.gt(day))));
  }

  /** The summary's "N seats on YYYY-MM-DD": checks N against the table and returns it. */
  private int checkSeats(String summary, String group) {
    Matcher m = Pattern.compile("^(\\d+) seats on (\\d{4}-\\d{2}-\\d{2})").matcher(summary);
    assertThat(m.find()).as(summary).isTrue();
    int shown = Integer.parseInt(m.group(1));
    assertThat(shown).isEqualTo(seatsOn(group, LocalDate.parse(m.group(2))));
    return shown;
  }

  @Test
  void a_manager_sees_their_own_teams_seats_and_people_only() {
    Page page = browser.newPage(new Browser.NewPageOptions().setViewportSize(1400, 1000));
    page.setDefaultTimeout(60_000);
    String base = "http://localhost:" + port;
    Chromium.signIn(page, base, "manager");

    Locator menu = page.locator("#main-menu vaadin-side-nav-item");
    menu.first().waitFor();
    assertThat(menu.allTextContents().stream().map(String::trim).toList())
        .contains("Seats and cost");
    page.navigate(base + "/costs");
    Locator summary = page.locator("#costs-summary");
    summary.waitFor();
    assertThat(page.locator("h1").textContent()).isEqualTo("Seats and cost");
    // Commerce's seats only, not the organisation's.
    int commerce = checkSeats(summary.textContent(), "commerce");
    assertThat(commerce).isPositive();
    Locator teams = page.locator("#costs-teams");
    assertThat(teams.textContent()).contains("Payments").doesNotContain("Infrastructure");
    // A manager may see Commerce's people: the lists are there (or say there is no one).
    assertThat(page.locator("#costs-reclaim").textContent())
        .containsAnyOf("No seat is held by someone who has left.", "Left on");
    page.screenshot(
        new Page.ScreenshotOptions()
            .setPath(BrowserIT.SCREENSHOTS.resolve("costs-manager.png"))
            .setFullPage(true));
    page.close();
  }

  @Test
  void a_leader_sees_the_organisations_seats_and_no_one_by_name() {
    Page page = browser.newPage(new Browser.NewPageOptions().setViewportSize(1400, 1000));
    page.setDefaultTimeout(60_000);
    String base = "http://localhost:" + port;
    Chromium.signIn(page, base, "leader");

    page.navigate(base + "/costs");
    Locator summary = page.locator("#costs-summary");
    summary.waitFor();
    int all = checkSeats(summary.textContent(), null);
    // More than Commerce's alone: the whole organisation's.
    LocalDate day = LocalDate.parse(summary.textContent().split(" ")[3].replace(",", ""));
    assertThat(all).isGreaterThan(seatsOn("commerce", day));
    assertThat(page.locator("#costs-tools").textContent()).contains("GitHub Copilot");
    // Every figure column fits on a 1,400-pixel screen: the table does not scroll sideways.
    for (String table : List.of("#costs-tools", "#costs-teams", "#costs-months")) {
      Object overflow =
          page.locator(table)
              .evaluate(
                  "g => { const t = g.shadowRoot.querySelector('#table');"
                      + " return t.scrollWidth - t.clientWidth; }");
      assertThat(((Number) overflow).intValue()).as("sideways overflow of %s", table).isLessThan(2);
    }
    assertThat(page.locator("#reclaim-grid, #without-seat-grid").count()).isZero();
    // The definitions name the minimum group size itself, not a letter.
    page.locator("#how-computed").click();
    Locator dialog = page.locator("vaadin-dialog-overlay[opened]");
    dialog.getByText("Small groups").waitFor();
    String how = dialog.textContent();
    assertThat(how).containsPattern("fewer than \\d+ seat holders").doesNotContain("fewer than k");
    page.keyboard().press("Escape");
    page.screenshot(
        new Page.ScreenshotOptions()
            .setPath(BrowserIT.SCREENSHOTS.resolve("costs-leader.png"))
            .setFullPage(true));
    page.close();
  }
}

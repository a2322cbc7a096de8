package dev.tandem.ui;

import static dev.tandem.db.Tables.DEVELOPER;
import static dev.tandem.db.Tables.TEAM;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import dev.tandem.costs.CostService;
import dev.tandem.ingest.ImportMode;
import dev.tandem.ingest.ImportRequest;
import dev.tandem.ingest.ImportResult;
import dev.tandem.ingest.ImportService;
import dev.tandem.security.AsAdmin;
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * The Seats and cost screen in a real browser on the demo organisation, with six Copilot seats in
 * Commerce and six in Platform: the manager (Commerce) sees only Commerce's six and its people, the
 * leader the organisation's twelve and no one by name.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("demo")
class CostsBrowserIT extends BrowserTest {

  @LocalServerPort int port;
  @Autowired ImportService imports;
  @Autowired CostService costs;
  @Autowired DSLContext db;
  static boolean seated;

  @BeforeEach
  void seats() {
    if (seated) {
      return;
    }
    LocalDate assigned = YearMonth.now().minusMonths(3).atDay(1);
    StringBuilder csv =
        new StringBuilder("tool,email,seat_type,assigned_on,removed_on,monthly_price\n");
    for (String group : List.of("commerce", "platform")) {
      for (String email : emails(group, assigned)) {
        csv.append("copilot,").append(email).append(",business,").append(assigned).append(",,\n");
      }
    }
    AsAdmin.call(
        () -> {
          ImportResult r =
              imports.importFile(
                  new ImportRequest(
                      "tandem-seats-csv", ImportMode.ALL_OR_NOTHING, false, "seats.csv", null),
                  new ByteArrayInputStream(csv.toString().getBytes(StandardCharsets.UTF_8)));
          assertThat(r.errors()).isEmpty();
          assertThat(r.rowsApplied()).isEqualTo(12);
          costs.savePrice(
              "copilot", "business", LocalDate.parse("2020-01-01"), new BigDecimal("19"));
          return null;
        });
    seated = true;
  }

  /** Six developers of a group's teams who are on the roster since before {@code since}. */
  private List<String> emails(String group, LocalDate since) {
    var parent = TEAM.as("parent");
    return db.select(DEVELOPER.EMAIL)
        .from(DEVELOPER)
        .join(TEAM)
        .on(TEAM.ID.eq(DEVELOPER.TEAM_ID))
        .join(parent)
        .on(parent.ID.eq(TEAM.PARENT_ID))
        .where(parent.TEAM_KEY.eq(group))
        .and(DEVELOPER.LEFT_ON.isNull())
        .and(DEVELOPER.STARTED_ON.lt(since))
        .orderBy(DEVELOPER.EMAIL)
        .limit(6)
        .fetch(DEVELOPER.EMAIL);
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
    // Commerce's six seats only, not Platform's.
    assertThat(summary.textContent()).startsWith("6 seats on ");
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
    assertThat(summary.textContent()).startsWith("12 seats on ");
    assertThat(page.locator("#costs-tools").textContent()).contains("GitHub Copilot");
    assertThat(page.locator("#reclaim-grid, #without-seat-grid").count()).isZero();
    page.screenshot(
        new Page.ScreenshotOptions()
            .setPath(BrowserIT.SCREENSHOTS.resolve("costs-leader.png"))
            .setFullPage(true));
    page.close();
  }
}

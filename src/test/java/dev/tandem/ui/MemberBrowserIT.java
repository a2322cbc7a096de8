package dev.tandem.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * The demo member sees My team and My usage, no Data or Admin screens, and cannot open them by URL
 * either.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("demo")
class MemberBrowserIT extends BrowserTest {

  @LocalServerPort int port;

  @Test
  void member_sees_my_team_and_my_usage_but_no_data_or_admin_screens() {
    Page page = browser.newPage(new Browser.NewPageOptions().setViewportSize(1400, 1000));
    page.setDefaultTimeout(60_000);
    String base = "http://localhost:" + port;
    Chromium.signIn(page, base, "member");

    Locator menu = page.locator("#main-menu vaadin-side-nav-item");
    menu.first().waitFor();
    List<String> items = menu.allTextContents().stream().map(String::trim).toList();
    assertThat(items).contains("Adoption", "Reliability", "My team", "My usage", "My alerts");
    assertThat(items)
        .doesNotContain(
            "Data",
            "Roster",
            "Teams",
            "Tools",
            "Users and tokens",
            "Settings",
            "Audit log",
            "Alerts");

    page.navigate(base + "/my-team");
    Locator teamFigure = page.locator("#team-this-week");
    teamFigure.waitFor();
    assertThat(teamFigure.textContent()).matches("\\d+\\.\\d%|fewer than \\d+ developers");
    assertThat(page.locator("#org-this-week").textContent()).matches("\\d+\\.\\d%");
    // The organisation's incident rate carries its exact Poisson interval.
    assertThat(page.locator("#org-rate .rate-interval").textContent())
        .matches("95% CI \\d+\\.\\d\\d–\\d+\\.\\d\\d \\(\\d+ incidents\\)");
    page.screenshot(
        new Page.ScreenshotOptions()
            .setPath(BrowserIT.SCREENSHOTS.resolve("my-team-member.png"))
            .setFullPage(true));

    page.navigate(base + "/my-usage");
    page.locator("#my-usage-grid").waitFor();
    // The member's own agent days, beside active days (demo data: Kiro/Claude Code every day).
    assertThat(page.locator("#my-usage-grid").textContent()).contains("Agent days");
    page.screenshot(
        new Page.ScreenshotOptions()
            .setPath(BrowserIT.SCREENSHOTS.resolve("my-usage-member.png"))
            .setFullPage(true));

    for (String forbidden :
        List.of("data", "admin/users", "admin/settings", "admin/audit", "roster")) {
      page.navigate(base + "/" + forbidden);
      // First what the member does see (the 403 page naming this address), so the absence below
      // is of a screen that did not open, not of one that had not rendered yet.
      page.locator("#access-denied")
          .filter(new Locator.FilterOptions().setHasText("Your role may not open /" + forbidden))
          .waitFor();
      assertThat(
              page.locator("#user-grid, #audit-grid, #roster-grid, #save-settings, vaadin-upload")
                  .count())
          .as("member must not see " + forbidden)
          .isZero();
      assertThat(page.content()).as(forbidden).doesNotContain("Users and tokens</h2>");
    }
    page.close();
  }
}

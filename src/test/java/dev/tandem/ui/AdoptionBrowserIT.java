package dev.tandem.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.WaitForSelectorState;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * The demo manager opens Adoption, sees the KPI and the goal line, and changes team and range
 * through the URL state.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("demo")
class AdoptionBrowserIT extends BrowserTest {

  @LocalServerPort int port;

  @Test
  void manager_sees_the_kpi_and_goal_line_and_the_url_follows_team_and_range() {
    Page page = browser.newPage(new Browser.NewPageOptions().setViewportSize(1400, 1000));
    page.setDefaultTimeout(60_000);
    String base = "http://localhost:" + port;
    Chromium.signIn(page, base, "manager");

    Locator kpi = page.locator("#kpi-adoption");
    kpi.waitFor();
    assertThat(kpi.textContent()).matches("\\d{1,3}\\.\\d%");
    assertThat(page.locator("#forecast-sentence").textContent()).isNotBlank();
    Locator goalLabel =
        page.locator("#adoption-trend svg text", new Page.LocatorOptions().setHasText("Goal 80%"));
    goalLabel.first().waitFor(new Locator.WaitForOptions().setState(WaitForSelectorState.ATTACHED));
    assertThat(page.locator("#adoption-trend svg path").count()).isGreaterThan(10);
    page.screenshot(
        new Page.ScreenshotOptions()
            .setPath(BrowserIT.SCREENSHOTS.resolve("adoption-manager.png"))
            .setFullPage(true));
    String commerceKpi = kpi.textContent();

    // The team table's cells are drawn in the browser from each row's values: the figure with its
    // fraction as the tooltip, the status as a Lumo badge, the 12-week trend as an inline SVG.
    Locator cells = page.locator("#team-adoption vaadin-grid-cell-content");
    Locator badge = cells.locator("span[theme~=badge]").first();
    badge.waitFor(new Locator.WaitForOptions().setState(WaitForSelectorState.ATTACHED));
    assertThat(badge.textContent())
        .isIn("at goal", "just below goal", "below goal", "no developers", "small group");
    assertThat(cells.locator("span[title$=' developers']").first().textContent())
        .matches("\\d{1,3}\\.\\d%");
    assertThat(cells.locator("svg[role=img]").first().getAttribute("aria-label"))
        .startsWith("12 weeks, 0–100% scale:")
        .contains("dashed line: goal 80%");
    assertThat(cells.locator("svg[role=img] path").count()).isPositive();

    // Drill down into a team from the team table: the URL carries the team and the figures change.
    page.locator(
            "#team-adoption vaadin-grid-cell-content",
            new Page.LocatorOptions().setHasText("Payments"))
        .first()
        .click();
    page.waitForURL(url -> url.contains("team=payments"));
    page.waitForFunction(
        "() => document.querySelector('#kpi-adoption').textContent !== '" + commerceKpi + "'");
    assertThat(page.url()).contains("team=payments");

    // Change the range with the picker: the URL's "from" and the pooled figures follow.
    String periodBefore = page.locator("#kpi-period").getAttribute("title");
    String newFrom = weekBefore(page.url(), 3);
    Locator fromInput = page.locator("#from-week input");
    fromInput.click();
    fromInput.fill(newFrom);
    // Vaadin keeps hidden item elements of other overlays around: pick the visible one.
    page.locator("vaadin-combo-box-item:visible", new Page.LocatorOptions().setHasText(newFrom))
        .first()
        .click();
    page.waitForURL(u -> u.contains("from=" + newFrom));
    page.waitForFunction(
        "() => document.querySelector('#kpi-period').title !== '" + periodBefore + "'");
    assertThat(page.locator("#kpi-period").getAttribute("title")).contains("developer-weeks");
    page.close();
  }

  /** The week {@code n} weeks before the URL's {@code to}. */
  private static String weekBefore(String url, int n) {
    String to = url.replaceAll(".*to=([^&]+).*", "$1");
    return dev.tandem.base.IsoWeek.parse(to).minus(n).toString();
  }
}

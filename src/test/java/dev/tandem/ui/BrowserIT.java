package dev.tandem.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.WaitForSelectorState;
import dev.tandem.security.AsAdmin;
import dev.tandem.security.AuditEntry;
import dev.tandem.security.AuditFilter;
import dev.tandem.security.AuditService;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/** A real Chromium against a real server with the demo organisation. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("demo")
class BrowserIT extends BrowserTest {

  static final Path SCREENSHOTS = Paths.get("target", "screenshots");

  @LocalServerPort int port;

  @Test
  void demo_admin_signs_in_and_sees_the_shell_and_a_rendered_chart() {
    Page page = browser.newPage(new Browser.NewPageOptions().setViewportSize(1400, 900));
    page.setDefaultTimeout(60_000);
    page.navigate("http://localhost:" + port + "/login");
    assertThat(page.locator("#demo-credentials").textContent()).contains("admin / admin");
    page.locator("vaadin-login-form input[name=username]").fill("admin");
    page.locator("vaadin-login-form input[name=password]").fill("admin");
    page.locator("vaadin-login-form vaadin-button[slot=submit]").click();

    page.waitForURL(url -> !url.contains("/login"));
    Locator menu = page.locator("#main-menu");
    menu.waitFor();
    assertThat(menu.locator("vaadin-side-nav-item").allTextContents())
        .contains("Roster", "Teams", "Tools");
    assertThat(page.locator("#current-user").textContent()).isEqualTo("admin");

    // ECharts renders into the component's shadow root; Playwright's CSS locators pierce it.
    Locator chartSeries = page.locator("tandem-chart svg path");
    chartSeries
        .first()
        .waitFor(new Locator.WaitForOptions().setState(WaitForSelectorState.ATTACHED));
    assertThat(chartSeries.count()).isGreaterThan(10);
    assertThat(page.locator("tandem-chart svg text").allTextContents())
        .anyMatch(t -> t.matches("20\\d\\d-W\\d\\d"));
    page.screenshot(
        new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("roster.png")).setFullPage(true));

    page.navigate("http://localhost:" + port + "/admin/teams");
    page.locator("#team-tree").waitFor();
    page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("teams.png")));
    page.navigate("http://localhost:" + port + "/admin/tools");
    page.locator("#tool-grid").waitFor();
    page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("tools.png")));
    page.close();
  }

  @Autowired AuditService audit;

  @Test
  void signing_in_through_the_login_form_and_out_through_the_menu_is_audited() {
    Page page = browser.newPage();
    page.setDefaultTimeout(60_000);
    page.navigate("http://localhost:" + port + "/login");
    page.locator("vaadin-login-form input[name=username]").fill("leader");
    page.locator("vaadin-login-form input[name=password]").fill("leader");
    page.locator("vaadin-login-form vaadin-button[slot=submit]").click();
    page.waitForURL(url -> !url.contains("/login"));
    page.locator("vaadin-button:has-text('Sign out')").click();
    page.waitForURL(url -> url.contains("/login"));
    page.close();

    List<String> actions =
        AsAdmin.call(
                () -> audit.search(new AuditFilter("leader", "sign-in", null, null, null), 0, 10))
            .stream()
            .map(AuditEntry::action)
            .toList();
    assertThat(actions).startsWith("sign-out", "sign-in");
  }
}

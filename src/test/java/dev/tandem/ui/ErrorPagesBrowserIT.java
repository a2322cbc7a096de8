package dev.tandem.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Page;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/** Unknown and forbidden addresses show the app's layout, a plain sentence and a way home. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("demo")
class ErrorPagesBrowserIT extends BrowserTest {

  @LocalServerPort int port;

  @Test
  void an_unknown_address_is_a_404_page_inside_the_app_with_a_link_home_that_works() {
    Page page = browser.newPage(new Browser.NewPageOptions().setViewportSize(1400, 900));
    page.setDefaultTimeout(60_000);
    String base = "http://localhost:" + port;
    Chromium.signIn(page, base, "leader");

    // The page itself loads with 200 (Vaadin's bootstrap); the view inside it is the 404 view.
    page.navigate(base + "/no-such-screen");
    page.locator("#not-found").waitFor();
    assertThat(page.title()).isEqualTo("Page not found · Tandem");
    assertThat(page.locator("#not-found h1").textContent()).isEqualTo("Page not found");
    assertThat(page.locator("#not-found").textContent()).contains("/no-such-screen");
    assertThat(page.locator("#main-menu vaadin-side-nav-item").allTextContents())
        .contains("Adoption", "Reliability");
    assertThat(page.locator("#app-name").textContent()).isEqualTo("Tandem");
    page.screenshot(
        new Page.ScreenshotOptions().setPath(BrowserIT.SCREENSHOTS.resolve("not-found.png")));

    page.locator("#error-home-link").click();
    page.locator("#kpi-adoption").waitFor();
    assertThat(page.url()).isEqualTo(base + "/");
  }

  @Test
  void a_screen_the_role_may_not_open_is_a_403_page_saying_whom_to_ask() {
    Page page = browser.newPage(new Browser.NewPageOptions().setViewportSize(1400, 900));
    page.setDefaultTimeout(60_000);
    String base = "http://localhost:" + port;
    Chromium.signIn(page, base, "leader");

    page.navigate(base + "/data");
    page.locator("#access-denied").waitFor();
    assertThat(page.locator("#access-denied").textContent())
        .contains("You do not have access to this page")
        .contains("Your role may not open /data.")
        .contains("ask a Tandem administrator");
    assertThat(page.locator("#main-menu").isVisible()).isTrue();
    assertThat(page.locator("#error-home-link").isVisible()).isTrue();
    assertThat(page.locator("vaadin-upload").count()).isZero();
  }
}

package dev.tandem.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.BoundingBox;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/** On a 390 × 844 phone every filter of Adoption is on the screen, and the app's name is shown. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("demo")
class PhoneBrowserIT extends BrowserTest {

  private static final int WIDTH = 390;

  @LocalServerPort int port;

  @Test
  void on_a_phone_the_adoption_filters_wrap_inside_the_screen_and_the_app_name_shows() {
    Page page = browser.newPage(new Browser.NewPageOptions().setViewportSize(WIDTH, 844));
    page.setDefaultTimeout(60_000);
    Chromium.signIn(page, "http://localhost:" + port, "leader");
    page.locator("#kpi-adoption").waitFor();

    assertThat(page.locator("#app-name").isVisible()).isTrue();
    assertInside(page.locator("#app-name"));
    for (String filter : new String[] {"#scope-picker", "#from-week", "#to-week"}) {
      assertInside(page.locator(filter));
    }
    assertInside(page.getByText("Export CSV").first());
    page.screenshot(
        new Page.ScreenshotOptions().setPath(BrowserIT.SCREENSHOTS.resolve("adoption-phone.png")));
  }

  private static void assertInside(Locator element) {
    element.scrollIntoViewIfNeeded();
    BoundingBox box = element.boundingBox();
    assertThat(box).as(element.toString()).isNotNull();
    assertThat(box.x).as(element + " left edge").isGreaterThanOrEqualTo(0);
    assertThat(box.x + box.width).as(element + " right edge").isLessThanOrEqualTo(WIDTH);
  }
}

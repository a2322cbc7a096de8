package dev.tandem.ingest.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import dev.tandem.ui.BrowserTest;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/** The Data screen in a real Chromium: upload, a preview with an error, the fix, apply, history. */
// The import changes the demo organisation's numbers that other browser tests read: it runs in the
// demo context of the classes that write (see WithinTeamsApiAndScreenIT), not the shared one.
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = "tandem.it-context=demo-written")
@ActiveProfiles("demo")
class DataBrowserIT extends BrowserTest {

  static final Path SCREENSHOTS = Paths.get("target", "screenshots");

  @LocalServerPort int port;

  @Test
  void admin_uploads_a_file_sees_the_error_uploads_the_fix_applies_and_sees_the_batch() {
    try (BrowserContext context =
        browser.newContext(new Browser.NewContextOptions().setViewportSize(1400, 1000))) {
      context.setDefaultTimeout(60_000);
      Page page = signIn(context, "admin");
      page.navigate(url("/data"));
      Locator fileInput = page.locator("#upload input[type=file]");
      fileInput.waitFor(
          new Locator.WaitForOptions()
              .setState(com.microsoft.playwright.options.WaitForSelectorState.ATTACHED));

      fileInput.setInputFiles(fixture("usage-with-error.csv"));
      waitForText(page, "#file-info", "detected tandem-usage-csv");
      assertThat(page.locator("#format input").inputValue()).startsWith("tandem-usage-csv");
      page.locator("#preview").click();
      waitForText(page, "#import-outcome", "would be refused");
      Locator errorCells = page.locator("#error-grid vaadin-grid-cell-content");
      errorCells.filter(new Locator.FilterOptions().setHasText("active_days")).first().waitFor();
      assertThat(errorCells.allTextContents()).contains("3", "active_days");
      assertThat(page.locator("#apply").isDisabled()).isTrue();
      page.screenshot(
          new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("data-preview-error.png")));

      fileInput.setInputFiles(fixture("usage-fixed.csv"));
      waitForText(page, "#file-info", "usage-fixed.csv");
      page.locator("#preview").click();
      waitForText(page, "#import-outcome", "would be applied");
      assertThat(page.locator("#import-counts").textContent())
          .contains("3 read", "2 would apply", "1 unmatched");
      page.locator("#apply").click();
      page.locator("vaadin-notification-card")
          .filter(new Locator.FilterOptions().setHasText("rows applied"))
          .waitFor();
      waitForText(page, "#import-outcome", "applied");
      page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("data.png")));

      page.locator("#data-tabs vaadin-tab")
          .filter(new Locator.FilterOptions().setHasText("History"))
          .click();
      Locator batchCells = page.locator("#batch-grid vaadin-grid-cell-content");
      batchCells
          .filter(new Locator.FilterOptions().setHasText("usage-fixed.csv"))
          .first()
          .waitFor();
      List<String> cells = batchCells.allTextContents();
      assertThat(cells).contains("tandem-usage-csv");
      assertThat(cells).anyMatch(c -> c.startsWith("applied") && c.contains("Undo"));
      assertThat(cells).anyMatch(c -> c.contains("usage-fixed.csv") && c.contains("SHA-256"));
      assertThat(cells).anyMatch(c -> c.contains("by admin"));
      assertThat(cells)
          .anyMatch(c -> c.contains("2 of 3 applied") && c.contains("0 rejected · 1 unmatched"))
          .noneMatch(c -> c.contains("usage-with-error.csv"));
      page.screenshot(
          new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("data-history.png")));

      page.locator("#data-tabs vaadin-tab")
          .filter(new Locator.FilterOptions().setHasText("Unmatched identities (1)"))
          .click();
      page.locator("#unmatched-grid vaadin-grid-cell-content")
          .filter(new Locator.FilterOptions().setHasText("playwright.ghost@example.com"))
          .first()
          .waitFor();
      page.screenshot(
          new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("data-unmatched.png")));
    }
  }

  @Test
  void the_data_screen_links_to_the_import_formats_page() {
    try (BrowserContext context =
        browser.newContext(new Browser.NewContextOptions().setViewportSize(1400, 900))) {
      context.setDefaultTimeout(60_000);
      Page page = signIn(context, "admin");
      page.navigate(url("/data"));
      Locator link = page.locator("#formats-link");
      link.waitFor();
      page.screenshot(
          new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("data-formats-link.png")));

      link.click();

      waitForText(page, "#formats-text", "## cursor-daily-usage-json");
      assertThat(page.url()).endsWith("/data/formats");
      assertThat(page.title()).isEqualTo("Import formats · Tandem");
      assertThat(page.locator("#formats-text").textContent())
          .contains("## kiro-user-report-csv", "Active days and agent days");
      page.screenshot(
          new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("data-formats.png")));
    }
  }

  private static void waitForText(Page page, String selector, String text) {
    page.locator(selector).filter(new Locator.FilterOptions().setHasText(text)).waitFor();
  }

  private static Path fixture(String name) {
    try {
      return Paths.get(DataBrowserIT.class.getResource("/ingest/data-screen/" + name).toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  private Page signIn(BrowserContext context, String user) {
    Page page = context.newPage();
    page.navigate(url("/login"));
    page.locator("vaadin-login-form input[name=username]").fill(user);
    page.locator("vaadin-login-form input[name=password]").fill(user);
    page.locator("vaadin-login-form vaadin-button[slot=submit]").click();
    page.waitForURL(u -> !u.contains("/login"));
    return page;
  }

  private String url(String path) {
    return "http://localhost:" + port + path;
  }
}

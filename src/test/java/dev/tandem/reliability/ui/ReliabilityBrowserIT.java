package dev.tandem.reliability.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.WaitForSelectorState;
import dev.tandem.ui.BrowserTest;
import dev.tandem.ui.Rendered;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/** The Reliability and triage screens in a real Chromium against the demo organisation. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("demo")
class ReliabilityBrowserIT extends BrowserTest {

  static final Path SCREENSHOTS = Paths.get("target", "screenshots");
  private static final Pattern UNCLASSIFIED =
      Pattern.compile("(\\d+) incidents? not yet classified");

  @LocalServerPort int port;

  @Test
  void leader_sees_forest_plot_and_verdicts_and_switching_exposure_changes_the_numbers() {
    try (BrowserContext context = newContext()) {
      Page page = signIn(context, "leader");
      page.navigate(url("/reliability?exposure=changes"));
      Locator grid = page.locator("#reliability-grid");
      grid.waitFor();
      Locator verdicts = page.locator("#reliability-grid .verdict");
      verdicts.first().waitFor();
      assertThat(verdicts.count()).isEqualTo(6); // all AI tools together, then 5 tools
      assertThat(verdicts.allTextContents())
          .allMatch(
              v ->
                  List.of(
                          "higher",
                          "lower",
                          "no evidence of a difference",
                          "no incidents",
                          "no exposure")
                      .contains(v));
      // The forest plot draws one interval per tool with a rate, labelled with the tool's name.
      Locator forestLabels = page.locator("#forest-plot svg text");
      forestLabels
          .first()
          .waitFor(new Locator.WaitForOptions().setState(WaitForSelectorState.ATTACHED));
      assertThat(forestLabels.allTextContents()).contains("GitHub Copilot", "Cursor");
      assertThat(page.locator("#sentences p").count()).isEqualTo(6);
      assertThat(page.locator("#all-ai-sentence").textContent())
          .startsWith("All AI tools together: ");
      String changesExposure = baselineExposureCell(page);
      assertThat(changesExposure).endsWith("changes");
      screenshotWholePage(page, "reliability.png");

      page.locator("#exposure vaadin-radio-button")
          .filter(new Locator.FilterOptions().setHasText("Developer-weeks"))
          .click();
      page.waitForCondition(() -> baselineExposureCell(page).endsWith("developer-weeks"));
      assertThat(baselineExposureCell(page)).isNotEqualTo(changesExposure);
      page.waitForURL(u -> u.contains("exposure=developer-weeks"));
      assertThat(page.locator("#reliability-grid vaadin-grid-cell-content").allTextContents())
          .anyMatch(t -> t.startsWith("Rate per 100 developer-weeks"));
      screenshotWholePage(page, "reliability-developer-weeks.png");
    }
  }

  @Test
  void admin_triages_an_unknown_incident_and_the_comparison_counts_it() {
    try (BrowserContext context = newContext()) {
      Page page = signIn(context, "admin");
      page.navigate(url("/reliability?exposure=changes"));
      page.locator("#unclassified").waitFor();
      int unknownBefore = unclassified(page);
      int cursorBefore = incidents(page, "cursor");
      assertThat(unknownBefore).isPositive();

      page.navigate(url("/incidents/triage"));
      page.locator("#triage-involvement").waitFor();
      page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("triage.png")));
      page.locator("#triage-involvement vaadin-radio-button")
          .filter(new Locator.FilterOptions().setHasText("agent"))
          .click();
      page.locator("#triage-tool vaadin-radio-button")
          .filter(new Locator.FilterOptions().setHasText("Cursor"))
          .click();
      page.locator("#triage-root-cause vaadin-radio-button")
          .filter(new Locator.FilterOptions().setHasText("ai-error"))
          .click();
      page.locator("#triage-save").click();
      page.locator("vaadin-notification-card")
          .filter(new Locator.FilterOptions().setHasText("classified as agent"))
          .waitFor();

      page.navigate(url("/reliability?exposure=changes"));
      page.locator("#unclassified").waitFor();
      assertThat(unclassified(page)).isEqualTo(unknownBefore - 1);
      assertThat(incidents(page, "cursor")).isEqualTo(cursorBefore + 1);
      screenshotWholePage(page, "reliability-after-triage.png");

      page.navigate(url("/incidents"));
      page.locator("#incident-grid").waitFor();
      page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("incidents.png")));
    }
  }

  @Test
  void the_table_fits_1400_px_and_a_tool_a_dot_and_a_root_cause_bar_open_their_incidents() {
    try (BrowserContext context = newContext()) {
      Page page = signIn(context, "leader");
      page.navigate(url("/reliability?exposure=changes"));
      page.locator("#reliability-grid .verdict").first().waitFor();
      // Beside the menu at 1,400 px the whole table shows: its scroller does not scroll sideways.
      assertThat(
              page.evaluate(
                  "() => { const t = document.querySelector('#reliability-grid')"
                      + ".shadowRoot.querySelector('#table'); return t.scrollWidth - t.clientWidth; }"))
          .isEqualTo(0);

      // The tool's name in the table (a link, for the keyboard too).
      page.locator("#reliability-grid a.tool-link").filter(hasText("Kiro")).click();
      page.waitForURL(u -> u.contains("/incidents?"));
      assertThat(page.url())
          .contains("involvement=assisted", "involvement=agent", "tool=kiro", "from=", "to=");
      assertThat(page.locator("#incident-tool input").inputValue()).isEqualTo("Kiro");

      // A dot of the bubble chart: a real click on the SVG mark.
      page.goBack();
      clickMark(page, "bubble-chart");
      page.waitForURL(u -> u.contains("/incidents?"));
      assertThat(page.url()).contains("involvement=assisted", "involvement=agent", "tool=");
      assertThat(page.locator("#incident-tool input").inputValue()).isNotEmpty();

      // The first bar of root causes: AI-involved incidents with the first root cause.
      page.goBack();
      clickMark(page, "root-causes");
      page.waitForURL(u -> u.contains("/incidents?"));
      assertThat(page.url())
          .contains("involvement=assisted", "involvement=agent", "cause=user-error");
      assertThat(page.locator("#incident-root-cause input").inputValue()).isEqualTo("user-error");
    }
  }

  /**
   * Clicks the middle of the first filled mark taller than 20 px (a bar or a bubble) of a chart.
   */
  private static void clickMark(Page page, String chart) {
    page.locator("#" + chart + " svg path")
        .first()
        .waitFor(new Locator.WaitForOptions().setState(WaitForSelectorState.ATTACHED));
    @SuppressWarnings("unchecked")
    List<Number> centre =
        (List<Number>)
            page.evaluate(
                "id => { const p = [...document.getElementById(id).shadowRoot"
                    + ".querySelectorAll('svg path')].find(p => { const f = p.getAttribute('fill');"
                    + " return f && f !== 'none' && !f.startsWith('rgb(0') && f !== '#000'"
                    + " && p.getBoundingClientRect().height > 20; });"
                    + " p.scrollIntoView({block: 'center'});"
                    + " const c = p.getBoundingClientRect(); return [c.x + c.width / 2, c.y + c.height / 2]; }",
                chart);
    page.mouse().click(centre.get(0).doubleValue(), centre.get(1).doubleValue());
  }

  private static Locator.FilterOptions hasText(String text) {
    return new Locator.FilterOptions().setHasText(text);
  }

  /** The app shell scrolls inside its layout, so a tall viewport shows the whole screen. */
  private static void screenshotWholePage(Page page, String file) {
    page.setViewportSize(1400, 2900);
    Rendered.charts(page); // charts re-render after the resize
    page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve(file)));
    page.setViewportSize(1400, 900);
  }

  private BrowserContext newContext() {
    BrowserContext context =
        browser.newContext(new Browser.NewContextOptions().setViewportSize(1400, 900));
    context.setDefaultTimeout(60_000);
    return context;
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

  private static String baselineExposureCell(Page page) {
    return page.locator("#reliability-grid vaadin-grid-cell-content").allTextContents().stream()
        .filter(t -> t.matches("[\\d,]+ (changes|developer-weeks)"))
        .findFirst()
        .orElse("");
  }

  private static int unclassified(Page page) {
    Matcher m = UNCLASSIFIED.matcher(page.locator("#unclassified").textContent());
    return m.find() ? Integer.parseInt(m.group(1)) : 0;
  }

  private static int incidents(Page page, String tool) {
    Locator cell = page.locator("#reliability-grid span.incidents[data-group=" + tool + "]");
    cell.waitFor();
    return Integer.parseInt(cell.textContent().replace(",", ""));
  }

  private String url(String path) {
    return "http://localhost:" + port + path;
  }
}

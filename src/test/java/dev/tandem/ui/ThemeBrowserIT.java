package dev.tandem.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.ColorScheme;
import com.microsoft.playwright.options.WaitForSelectorState;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * Light and dark theme: the operating system's preference is followed until the user picks one, the
 * pick survives a reload, and chart text keeps a contrast of at least 4.5:1 (WCAG AA) in both.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("demo")
class ThemeBrowserIT extends BrowserTest {

  /**
   * The lowest contrast between any text of the trend chart and the background it is drawn on (text
   * colours with transparency blended over that background first).
   */
  private static final String LOWEST_CHART_TEXT_CONTRAST =
      """
      () => {
        const chart = document.querySelector('#adoption-trend');
        const texts = [...chart.shadowRoot.querySelectorAll('svg text')];
        const probe = document.createElement('span');
        document.body.appendChild(probe);
        const rgba = c => {
          probe.style.color = '';
          probe.style.color = c;
          const v = getComputedStyle(probe).color.match(/[\\d.]+/g).map(Number);
          return [v[0], v[1], v[2], v.length > 3 ? v[3] : 1];
        };
        let el = chart, bg = null;
        while (el && !bg) {
          const v = getComputedStyle(el).backgroundColor.match(/[\\d.]+/g).map(Number);
          if (v.length < 4 || v[3] > 0) bg = v;
          el = el.parentElement;
        }
        const lum = c => {
          const f = x => { x /= 255; return x <= 0.03928 ? x / 12.92 : Math.pow((x + 0.055) / 1.055, 2.4); };
          return 0.2126 * f(c[0]) + 0.7152 * f(c[1]) + 0.0722 * f(c[2]);
        };
        let lowest = 99;
        for (const t of texts) {
          const [r, g, b, a] = rgba(t.getAttribute('fill') || getComputedStyle(t).fill);
          const opacity = Number(t.getAttribute('fill-opacity') ?? 1) * a;
          const fg = [r, g, b].map((x, i) => x * opacity + bg[i] * (1 - opacity));
          const l1 = lum(fg), l2 = lum(bg);
          lowest = Math.min(lowest, (Math.max(l1, l2) + 0.05) / (Math.min(l1, l2) + 0.05));
        }
        probe.remove();
        return texts.length > 0 ? lowest : -1;
      }
      """;

  @LocalServerPort int port;

  @Test
  void a_browser_that_prefers_dark_gets_the_dark_theme_with_readable_chart_text() {
    try (BrowserContext context =
        browser.newContext(
            new Browser.NewContextOptions()
                .setViewportSize(1400, 900)
                .setColorScheme(ColorScheme.DARK))) {
      Page page = adoption(context);
      assertThat(page.locator("html").getAttribute("theme")).contains("dark");
      assertThat(((Number) page.evaluate(LOWEST_CHART_TEXT_CONTRAST)).doubleValue())
          .isGreaterThanOrEqualTo(4.5);
    }
  }

  @Test
  void the_theme_picked_with_the_switch_survives_a_reload_and_keeps_chart_text_readable() {
    try (BrowserContext context =
        browser.newContext(
            new Browser.NewContextOptions()
                .setViewportSize(1400, 900)
                .setColorScheme(ColorScheme.LIGHT))) {
      Page page = adoption(context);
      assertThat(page.locator("html").getAttribute("theme")).isNull();
      assertThat(((Number) page.evaluate(LOWEST_CHART_TEXT_CONTRAST)).doubleValue())
          .isGreaterThanOrEqualTo(4.5);

      page.locator("vaadin-button[aria-label='Switch light/dark theme']").click();
      page.waitForFunction(
          "() => (document.documentElement.getAttribute('theme') || '').includes('dark')");
      page.reload();
      waitForChart(page);
      assertThat(page.locator("html").getAttribute("theme")).contains("dark");
      assertThat(((Number) page.evaluate(LOWEST_CHART_TEXT_CONTRAST)).doubleValue())
          .isGreaterThanOrEqualTo(4.5);
    }
  }

  private Page adoption(BrowserContext context) {
    Page page = context.newPage();
    page.setDefaultTimeout(60_000);
    Chromium.signIn(page, "http://localhost:" + port, "leader");
    waitForChart(page);
    return page;
  }

  private static void waitForChart(Page page) {
    page.locator("#adoption-trend svg text")
        .first()
        .waitFor(new Locator.WaitForOptions().setState(WaitForSelectorState.ATTACHED));
  }
}

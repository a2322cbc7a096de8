package dev.tandem.bench;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import dev.tandem.ui.Chromium;
import java.util.ArrayList;
import java.util.List;

/**
 * Times screens in headless Chromium from navigation until every visible chart on the page has
 * drawn its SVG, and measures the heap that each signed-in UI session keeps on the server.
 */
final class ScreenTimer implements AutoCloseable {

  /** True when every visible ECharts element has drawn shapes into its SVG. */
  private static final String CHARTS_DRAWN =
      """
      () => {
        const charts = [...document.querySelectorAll('tandem-chart')]
            .filter(c => c.offsetParent !== null);
        return charts.length > 0 && charts.every(c => {
          const svg = c.shadowRoot && c.shadowRoot.querySelector('svg');
          return svg && svg.querySelectorAll('path').length > 0;
        });
      }
      """;

  private final Playwright playwright = Playwright.create();
  private final Browser browser = Chromium.launch(playwright);
  private final String baseUrl;

  ScreenTimer(String baseUrl) {
    this.baseUrl = baseUrl;
  }

  private Page signedIn(BrowserContext context) {
    Page page = context.newPage();
    page.navigate(baseUrl + "/login");
    page.locator("vaadin-login-form input[name=username]").fill("admin");
    page.locator("vaadin-login-form input[name=password]").fill(TandemServer.ADMIN_PASSWORD);
    page.locator("vaadin-login-form vaadin-button[slot=submit]").click();
    page.waitForURL(url -> !url.contains("/login"));
    return page;
  }

  private BrowserContext newContext() {
    return browser.newContext(new Browser.NewContextOptions().setViewportSize(1400, 900));
  }

  /**
   * Milliseconds from navigating to {@code path} until its charts are drawn, {@code times} times.
   */
  double[] chartsDrawn(String path, int times) {
    try (BrowserContext context = newContext()) {
      Page page = signedIn(context);
      double[] millis = new double[times];
      for (int i = 0; i < times; i++) {
        page.navigate("about:blank");
        long start = System.nanoTime();
        page.navigate(baseUrl + path);
        page.waitForFunction(
            CHARTS_DRAWN, null, new Page.WaitForFunctionOptions().setTimeout(120_000));
        millis[i] = (System.nanoTime() - start) / 1e6;
      }
      return millis;
    }
  }

  /**
   * Heap the server keeps per signed-in session that opened Adoption, then Reliability from the
   * menu: used heap after a full collection with {@code sessions} such sessions open, minus the
   * same after each of them signed out (which ends its HTTP and Vaadin session), divided by their
   * number. Measured this way the database's own caches, which the sessions' reads fill and which
   * signing out does not empty, are not counted as session state.
   */
  double heapPerSessionKb(int sessions, TandemServer server) throws Exception {
    List<BrowserContext> open = new ArrayList<>();
    List<Page> pages = new ArrayList<>();
    try {
      for (int i = 0; i < sessions; i++) {
        BrowserContext context = newContext();
        open.add(context);
        Page page = signedIn(context);
        pages.add(page);
        // As a user would: the home screen, then Reliability through the side menu (same UI).
        page.navigate(baseUrl + "/");
        page.waitForFunction(
            CHARTS_DRAWN, null, new Page.WaitForFunctionOptions().setTimeout(120_000));
        page.locator("vaadin-side-nav-item[path='reliability']").click();
        page.waitForURL(url -> url.endsWith("/reliability"));
        page.waitForFunction(
            CHARTS_DRAWN, null, new Page.WaitForFunctionOptions().setTimeout(120_000));
      }
      long withSessions = usedAfterGc(server);
      for (Page page : pages) {
        page.locator("vaadin-button:has-text('Sign out')").click();
        page.waitForURL(url -> url.contains("/login"));
      }
      long signedOut = usedAfterGc(server);
      return (withSessions - signedOut) / 1024.0 / sessions;
    } finally {
      open.forEach(BrowserContext::close);
    }
  }

  /**
   * The server's used heap after full collections, repeated until two readings agree within 256 KB
   * (at most 10): one collection left anything from a few hundred KB to some MB of variation
   * between runs.
   */
  private static long usedAfterGc(TandemServer server) throws Exception {
    long previous = Long.MAX_VALUE;
    for (int i = 0; i < 10; i++) {
      long used = server.usedHeapAfterGc();
      if (Math.abs(previous - used) < 256 * 1024) {
        return Math.min(previous, used);
      }
      previous = used;
    }
    return previous;
  }

  @Override
  public void close() {
    browser.close();
    playwright.close();
  }
}

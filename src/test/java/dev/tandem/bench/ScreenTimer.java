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
   * menu: live heap with {@code sessions} such sessions open, minus the same after each of them
   * signed out (which ends its HTTP and Vaadin session), divided by their number. One session goes
   * the same way and signs out first, so the database's page cache and the rollup caches that the
   * sessions' reads fill are full before either reading and are not counted as session state.
   */
  double heapPerSessionKb(int sessions, TandemServer server) throws Exception {
    try (BrowserContext warmUp = newContext()) {
      signOut(adoptionThenReliability(warmUp));
    }
    List<BrowserContext> open = new ArrayList<>();
    List<Page> pages = new ArrayList<>();
    try {
      for (int i = 0; i < sessions; i++) {
        BrowserContext context = newContext();
        open.add(context);
        pages.add(adoptionThenReliability(context));
      }
      long withSessions = quietLiveHeap(server);
      pages.forEach(ScreenTimer::signOut);
      long signedOut = quietLiveHeap(server);
      return (withSessions - signedOut) / 1024.0 / sessions;
    } finally {
      open.forEach(BrowserContext::close);
    }
  }

  /** Marks the charts on the page, so that {@link #NEW_CHARTS_DRAWN} waits for the next view's. */
  private static final String MARK_CHARTS =
      "() => document.querySelectorAll('tandem-chart').forEach(c => c.dataset.timed = 'before')";

  /** {@link #CHARTS_DRAWN} for the charts that were not on the page when it was marked. */
  private static final String NEW_CHARTS_DRAWN =
      """
      () => {
        const charts = [...document.querySelectorAll('tandem-chart')]
            .filter(c => c.offsetParent !== null && c.dataset.timed !== 'before');
        return charts.length > 0 && charts.every(c => {
          const svg = c.shadowRoot && c.shadowRoot.querySelector('svg');
          return svg && svg.querySelectorAll('path').length > 0;
        });
      }
      """;

  /**
   * Milliseconds from a click on {@code path}'s side-menu item until its charts are drawn, as a
   * user moving between screens meets it (the page and its scripts are loaded already): {@code
   * times} times, going back to {@code from} through the menu in between (not timed).
   */
  double[] chartsDrawnFromMenu(String path, String from, int times) {
    try (BrowserContext context = newContext()) {
      Page page = signedIn(context);
      page.navigate(baseUrl + "/" + from);
      page.waitForFunction(
          CHARTS_DRAWN, null, new Page.WaitForFunctionOptions().setTimeout(120_000));
      double[] millis = new double[times];
      for (int i = 0; i < times; i++) {
        page.evaluate(MARK_CHARTS);
        long start = System.nanoTime();
        page.locator("vaadin-side-nav-item[path='" + path + "']").click();
        page.waitForFunction(
            NEW_CHARTS_DRAWN, null, new Page.WaitForFunctionOptions().setTimeout(120_000));
        millis[i] = (System.nanoTime() - start) / 1e6;
        page.evaluate(MARK_CHARTS);
        page.locator("vaadin-side-nav-item[path='" + from + "']").click();
        page.waitForFunction(
            NEW_CHARTS_DRAWN, null, new Page.WaitForFunctionOptions().setTimeout(120_000));
      }
      return millis;
    }
  }

  /** Signs in, opens the home screen (Adoption), then Reliability through the side menu. */
  private Page adoptionThenReliability(BrowserContext context) {
    Page page = signedIn(context);
    page.navigate(baseUrl + "/");
    page.waitForFunction(CHARTS_DRAWN, null, new Page.WaitForFunctionOptions().setTimeout(120_000));
    page.locator("vaadin-side-nav-item[path='reliability']").click();
    page.waitForURL(url -> url.endsWith("/reliability"));
    page.waitForFunction(CHARTS_DRAWN, null, new Page.WaitForFunctionOptions().setTimeout(120_000));
    return page;
  }

  private static void signOut(Page page) {
    page.locator("vaadin-button:has-text('Sign out')").click();
    page.waitForURL(url -> url.contains("/login"));
  }

  /**
   * The smallest of the server's live heap readings taken a second apart, once two in a row agree
   * within 128 KB (at most 10): work that happens to be in flight at a reading (a request still
   * answering, the gauge refresh) only ever adds to it.
   */
  private static long quietLiveHeap(TandemServer server) throws Exception {
    long smallest = Long.MAX_VALUE;
    long previous = Long.MAX_VALUE;
    for (int i = 0; i < 10; i++) {
      long live = server.liveHeapBytes();
      smallest = Math.min(smallest, live);
      if (Math.abs(previous - live) < 128 * 1024) {
        break;
      }
      previous = live;
      Thread.sleep(1_000);
    }
    return smallest;
  }

  @Override
  public void close() {
    browser.close();
    playwright.close();
  }
}

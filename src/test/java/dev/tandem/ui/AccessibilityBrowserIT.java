package dev.tandem.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.deque.html.axecore.args.AxeRunOptions;
import com.deque.html.axecore.playwright.AxeBuilder;
import com.deque.html.axecore.results.AxeResults;
import com.deque.html.axecore.results.CheckedNode;
import com.deque.html.axecore.results.Rule;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.options.ColorScheme;
import com.microsoft.playwright.options.WaitForSelectorState;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * axe-core on every screen each demo role may open, in the light and the dark theme: any violation
 * of any impact fails. Each screen also has exactly one h1 and one main landmark, focus lands on
 * the h1 after a navigation from the menu, chart text keeps a contrast of at least 4.5:1, and the
 * skip link takes the keyboard to the page.
 *
 * <p>The tests run two at a time (each with its own Playwright and Chromium; the class itself runs
 * alone, as every class does): a scan keeps one core busy in the browser while the other waits. The
 * longest start first.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("demo")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AccessibilityBrowserIT {

  /** The screens every signed-in role opens from the menu. */
  private static final List<String> EVERYONE =
      List.of("adoption", "reliability", "summary", "incidents", "my-team", "my-usage");

  /** The admin's own data screens; those not in the menu are opened by their address. */
  private static final List<String> ADMIN_DATA =
      List.of("roster", "data", "data/formats", "incidents/triage");

  /** The admin's administration screens and the rest of theirs, and an unknown address. */
  private static final List<String> ADMINISTRATION =
      List.of(
          "admin/teams",
          "admin/tools",
          "admin/users",
          "admin/settings",
          "admin/audit",
          "admin/connectors",
          "admin/alerts",
          "my-alerts",
          "costs",
          "admin/prices",
          "no-such-screen");

  /** The admin's dialogs, opened by the button of the screen that has them. */
  private static final Map<String, String> DIALOGS =
      Map.of(
          "admin/tools", "Add tool",
          "roster", "Add developer",
          "incidents", "New incident",
          "admin/teams", "Add team",
          "admin/users", "Add user");

  /**
   * Vaadin's connection indicator is a status element Flow itself appends to the body, outside any
   * layout the app controls; axe's "region" rule counts it as content outside a landmark. Only that
   * element is left out.
   */
  private static final String VAADIN_CONNECTION_INDICATOR = "vaadin-connection-indicator";

  /**
   * The lowest contrast between any text drawn in a visible chart and the background it is drawn on
   * (text colours with transparency blended over that background first); 99 without charts.
   */
  private static final String LOWEST_CHART_TEXT_CONTRAST =
      """
      () => {
        const probe = document.createElement('span');
        document.body.appendChild(probe);
        const rgba = c => {
          probe.style.color = '';
          probe.style.color = c;
          const v = getComputedStyle(probe).color.match(/[\\d.]+/g).map(Number);
          return [v[0], v[1], v[2], v.length > 3 ? v[3] : 1];
        };
        const lum = c => {
          const f = x => { x /= 255; return x <= 0.03928 ? x / 12.92 : Math.pow((x + 0.055) / 1.055, 2.4); };
          return 0.2126 * f(c[0]) + 0.7152 * f(c[1]) + 0.0722 * f(c[2]);
        };
        let lowest = 99;
        for (const chart of document.querySelectorAll('tandem-chart')) {
          if (chart.offsetParent === null) continue;
          let el = chart, bg = null;
          while (el && !bg) {
            const v = getComputedStyle(el).backgroundColor.match(/[\\d.]+/g).map(Number);
            if (v.length < 4 || v[3] > 0) bg = v;
            el = el.parentElement;
          }
          for (const t of chart.shadowRoot.querySelectorAll('svg text')) {
            const [r, g, b, a] = rgba(t.getAttribute('fill') || getComputedStyle(t).fill);
            const opacity = Number(t.getAttribute('fill-opacity') ?? 1) * a;
            if (opacity === 0) continue;
            const fg = [r, g, b].map((x, i) => x * opacity + bg[i] * (1 - opacity));
            const l1 = lum(fg), l2 = lum(bg);
            lowest = Math.min(lowest, (Math.max(l1, l2) + 0.05) / (Math.min(l1, l2) + 0.05));
          }
        }
        probe.remove();
        return lowest;
      }
      """;

  /** Every visible chart has drawn its SVG, and Vaadin has no request in flight. */
  private static final String SETTLED =
      """
      () => {
        const clients = Object.values((window.Vaadin && window.Vaadin.Flow && window.Vaadin.Flow.clients) || {});
        if (clients.some(c => c.isActive && c.isActive())) return false;
        return [...document.querySelectorAll('tandem-chart')]
          .filter(c => c.offsetParent !== null)
          .every(c => c.shadowRoot && c.shadowRoot.querySelector('svg'));
      }
      """;

  @LocalServerPort int port;

  @Test
  @Order(1)
  @Execution(ExecutionMode.CONCURRENT)
  void
      every_everyday_and_data_screen_of_an_admin_passes_axe_in_light_and_dark_and_the_skip_link_works() {
    List<String> screens = new ArrayList<>(EVERYONE);
    screens.addAll(ADMIN_DATA);
    check("admin", screens);
  }

  @Test
  @Order(2)
  @Execution(ExecutionMode.CONCURRENT)
  void every_administration_screen_of_an_admin_passes_axe_in_light_and_dark() {
    check("admin", ADMINISTRATION);
  }

  @Test
  @Order(3)
  @Execution(ExecutionMode.CONCURRENT)
  void every_screen_a_leader_may_open_passes_axe_in_light_and_dark_including_no_access() {
    List<String> screens = new ArrayList<>(EVERYONE);
    screens.add("data"); // not theirs: the in-app 403 page
    screens.add("costs");
    check("leader", screens);
  }

  @Test
  @Order(4)
  @Execution(ExecutionMode.CONCURRENT)
  void every_screen_a_manager_may_open_passes_axe_in_light_and_dark() {
    List<String> screens = new ArrayList<>(EVERYONE);
    screens.add("roster");
    screens.add("costs");
    check("manager", screens);
  }

  @Test
  @Order(5)
  @Execution(ExecutionMode.CONCURRENT)
  void every_screen_a_member_may_open_passes_axe_in_light_and_dark() {
    check("member", EVERYONE);
  }

  @Test
  @Order(6)
  @Execution(ExecutionMode.CONCURRENT)
  void the_sign_in_page_passes_axe_in_light_and_dark() {
    List<String> problems = new ArrayList<>();
    for (ColorScheme scheme : List.of(ColorScheme.LIGHT, ColorScheme.DARK)) {
      try (Playwright playwright = Playwright.create();
          BrowserContext context = context(Chromium.launch(playwright), scheme)) {
        Page page = context.newPage();
        page.navigate(url("/login"));
        page.locator("vaadin-login-form input[name=username]").waitFor();
        settle(page);
        problems.addAll(structure(page, "login"));
        problems.addAll(axe(page, "login " + scheme));
      }
    }
    assertThat(problems).isEmpty();
  }

  /**
   * Signs in as {@code user} and checks each screen in the theme the previous one ended in, then
   * switches the theme with the app's own switch and checks it again.
   */
  private void check(String user, List<String> screens) {
    List<String> problems = new ArrayList<>();
    try (Playwright playwright = Playwright.create();
        BrowserContext context = context(Chromium.launch(playwright), ColorScheme.LIGHT)) {
      Page page = context.newPage();
      Chromium.signIn(page, url(""), user);
      page.locator("[role=main] h1").waitFor();
      settle(page);
      skipLinkMovesFocusToTheHeading(page);
      for (String screen : screens) {
        open(page, screen, problems);
        if (screen.equals("data")) {
          previewAFileWithAnError(page);
        }
        problems.addAll(structure(page, screen));
        for (int pass = 0; pass < 2; pass++) {
          String theme = dark(page) ? "dark" : "light";
          String where = user + " /" + screen + " (" + theme + ")";
          problems.addAll(axe(page, where));
          double contrast = ((Number) page.evaluate(LOWEST_CHART_TEXT_CONTRAST)).doubleValue();
          if (contrast < 4.5) {
            problems.add(where + ": chart text contrast " + contrast + " < 4.5");
          }
          if (pass == 0) {
            switchTheme(page);
          }
        }
        if (user.equals("admin") && DIALOGS.containsKey(screen)) {
          problems.addAll(dialog(page, screen, DIALOGS.get(screen)));
        }
      }
    }
    assertThat(problems).isEmpty();
  }

  /**
   * Opens a screen: from the side menu when it is there (a navigation inside the app, after which
   * focus must be on the new page's h1), else by its address (the menu lists only what the role may
   * open; some screens are reached from others).
   */
  private void open(Page page, String screen, List<String> problems) {
    if (page.locator("vaadin-side-nav-item[path='" + screen + "']").count() == 0) {
      page.navigate(url("/" + screen));
      page.locator("[role=main] h1").waitFor();
      settle(page);
      return;
    }
    page.locator("vaadin-side-nav-item[path='" + screen + "']").click();
    page.waitForURL(u -> u.contains("/" + screen));
    page.locator("[role=main] h1").waitFor();
    settle(page);
    Object focused =
        page.evaluate(
            "() => document.activeElement && document.activeElement.matches('[role=main] h1')");
    if (!Boolean.TRUE.equals(focused)) {
      problems.add(screen + ": focus is not on the page's h1 after navigating from the menu");
    }
  }

  /** The Data screen is checked with a preview's report showing (outcome, errors, rows read). */
  private static void previewAFileWithAnError(Page page) {
    if (page.locator("#upload").count() == 0) {
      return; // a role without access sees the in-app 403 page
    }
    Locator file = page.locator("#upload input[type=file]");
    file.waitFor(new Locator.WaitForOptions().setState(WaitForSelectorState.ATTACHED));
    file.setInputFiles(Paths.get("src/test/resources/ingest/data-screen/usage-with-error.csv"));
    page.locator("#file-info").filter(new Locator.FilterOptions().setHasText("detected")).waitFor();
    page.locator("#preview").click();
    page.locator("#preview-grid").waitFor();
    settle(page);
  }

  /**
   * Opens the screen's dialog and checks it in both themes (the page's theme switch sits behind the
   * modal dialog, so the theme is set on the page as the switch does), then closes it.
   */
  private static List<String> dialog(Page page, String screen, String button) {
    page.locator("vaadin-button")
        .filter(new Locator.FilterOptions().setHasText(button))
        .first()
        .click();
    page.locator("vaadin-dialog-overlay[opened]").waitFor();
    settle(page);
    List<String> problems = new ArrayList<>();
    boolean dark = dark(page);
    String where = "admin /" + screen + " dialog";
    problems.addAll(axe(page, where + (dark ? " (dark)" : " (light)")));
    setTheme(page, !dark);
    // Lumo's colours change with a short transition: measured before it ends, they are neither
    // theme's (settle waits for it to end).
    settle(page);
    problems.addAll(axe(page, where + (dark ? " (light)" : " (dark)")));
    setTheme(page, dark);
    page.keyboard().press("Escape");
    page.locator("vaadin-dialog-overlay[opened]")
        .waitFor(new Locator.WaitForOptions().setState(WaitForSelectorState.DETACHED));
    return problems;
  }

  private static void skipLinkMovesFocusToTheHeading(Page page) {
    page.evaluate("() => document.activeElement && document.activeElement.blur()");
    page.keyboard().press("Tab");
    assertThat(page.evaluate("() => document.activeElement.id")).isEqualTo("skip-link");
    assertThat(page.locator("#skip-link").isVisible()).as("skip link shown when focused").isTrue();
    page.keyboard().press("Enter");
    page.waitForFunction("() => document.activeElement.matches('[role=main] h1')");
  }

  /** Exactly one h1 and one main landmark. */
  private static List<String> structure(Page page, String screen) {
    List<String> problems = new ArrayList<>();
    int h1 = ((Number) page.evaluate("() => document.querySelectorAll('h1').length")).intValue();
    int main =
        ((Number) page.evaluate("() => document.querySelectorAll('main, [role=main]').length"))
            .intValue();
    if (h1 != 1) {
      problems.add(screen + ": " + h1 + " h1 elements, not one");
    }
    if (main != 1) {
      problems.add(screen + ": " + main + " main landmarks, not one");
    }
    return problems;
  }

  private static List<String> axe(Page page, String where) {
    AxeRunOptions options = new AxeRunOptions();
    options.setResultTypes(List.of("violations"));
    // Legacy mode runs axe in the page in one call; the default runs it per frame and then opens a
    // blank page to combine the results, twice the time, for frames this app does not have.
    AxeResults results =
        new AxeBuilder(page)
            .options(options)
            .exclude(VAADIN_CONNECTION_INDICATOR)
            .setLegacyMode(true)
            .analyze();
    List<String> problems = new ArrayList<>();
    for (Rule rule : results.getViolations()) {
      List<CheckedNode> nodes =
          rule.getNodes().stream().filter(n -> !vaadinRequiredMarker(rule, n)).toList();
      if (nodes.isEmpty()) {
        continue;
      }
      StringBuilder line =
          new StringBuilder(where + ": " + rule.getId() + " [" + rule.getImpact() + "] ");
      for (CheckedNode node : nodes.subList(0, Math.min(3, nodes.size()))) {
        line.append(node.getTarget()).append(' ');
      }
      problems.add(line.toString());
    }
    return problems;
  }

  /**
   * A required Select or DateTimePicker: Vaadin 24.9 itself puts aria-required on the select's
   * value button (role button) and on the picker's host (role group), roles that do not take it;
   * the app cannot change those elements' attributes. Only that rule, those two elements and that
   * one attribute are let through; every other check of them and of their inputs still applies.
   */
  private static boolean vaadinRequiredMarker(Rule rule, CheckedNode node) {
    return rule.getId().equals("aria-allowed-attr")
        && (node.getHtml().startsWith("<vaadin-select-value-button")
            || node.getHtml().startsWith("<vaadin-date-time-picker"))
        && String.valueOf(node.getFailureSummary())
            .matches(
                "(?s)Fix all of the following:\\s+ARIA attribute is not allowed: aria-required=\"true\"\\s*");
  }

  private static void setTheme(Page page, boolean dark) {
    page.evaluate(
        "d => [document.documentElement, document.body].forEach(e => d ?"
            + " e.setAttribute('theme', 'dark') : e.removeAttribute('theme'))",
        dark);
  }

  private static void switchTheme(Page page) {
    boolean wasDark = dark(page);
    page.locator("vaadin-button[aria-label='Switch light/dark theme']").click();
    page.waitForFunction(
        "d => (document.documentElement.getAttribute('theme') || '').includes('dark') === d",
        !wasDark);
    // The pointer moves off the switch, so its tooltip (an overlay on the body) is not shown while
    // the page is checked, as for a user who moved on.
    page.mouse().move(700, 28);
    // Lumo's field labels change colour with a 0.2 s transition (settle waits for it to end).
    settle(page);
  }

  private static boolean dark(Page page) {
    return Boolean.TRUE.equals(
        page.evaluate(
            "() => (document.documentElement.getAttribute('theme') || '').includes('dark')"));
  }

  private static void settle(Page page) {
    page.waitForFunction(SETTLED);
    Rendered.settled(page);
  }

  private static BrowserContext context(Browser browser, ColorScheme scheme) {
    BrowserContext context =
        browser.newContext(
            new Browser.NewContextOptions().setViewportSize(1400, 900).setColorScheme(scheme));
    context.setDefaultTimeout(60_000);
    return context;
  }

  private String url(String path) {
    return "http://localhost:" + port + path;
  }
}

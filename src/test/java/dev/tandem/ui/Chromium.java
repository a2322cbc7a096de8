package dev.tandem.ui;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.util.List;
import org.junit.jupiter.api.Assumptions;

/** The system Chromium for browser tests (no browser download here), and the demo sign-in. */
public final class Chromium {

  private Chromium() {}

  /**
   * Launches /usr/bin/chromium. On a developer machine without it the browser tests are skipped
   * with a message saying how to install it; under CI (environment CI set) a missing browser fails
   * the build instead.
   */
  public static Browser launch(Playwright playwright) {
    if (!Files.isExecutable(Paths.get("/usr/bin/chromium")) && System.getenv("CI") == null) {
      Assumptions.abort(
          "browser tests need Debian's chromium at /usr/bin/chromium: apt-get install -y chromium");
    }
    return playwright
        .chromium()
        .launch(
            new BrowserType.LaunchOptions()
                .setExecutablePath(Paths.get("/usr/bin/chromium"))
                .setHeadless(true)
                .setArgs(
                    List.of(
                        "--no-sandbox",
                        "--disable-gpu",
                        "--disable-background-networking",
                        "--disable-dev-shm-usage")));
  }

  /**
   * Signs in on the login page with a demo user (whose password is the user name) and waits to
   * leave the login page.
   */
  public static void signIn(Page page, String baseUrl, String user) {
    page.navigate(baseUrl + "/login");
    page.locator("vaadin-login-form input[name=username]").fill(user);
    page.locator("vaadin-login-form input[name=password]").fill(user);
    page.locator("vaadin-login-form vaadin-button[slot=submit]").click();
    page.waitForURL(url -> !url.contains("/login"));
  }
}

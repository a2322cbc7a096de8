package dev.tandem.ui;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import java.nio.file.Paths;
import java.util.List;

/** The system Chromium for browser tests (no browser download here), and the demo sign-in. */
public final class Chromium {

  private Chromium() {}

  public static Browser launch(Playwright playwright) {
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

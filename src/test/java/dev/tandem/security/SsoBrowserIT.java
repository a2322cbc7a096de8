package dev.tandem.security;

import static dev.tandem.db.Tables.APP_USER;
import static dev.tandem.db.Tables.AUDIT_LOG;
import static dev.tandem.db.Tables.DEVELOPER;
import static dev.tandem.db.Tables.TEAM;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import dev.tandem.db.tables.records.AppUserRecord;
import dev.tandem.ui.BrowserTest;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.OAuth2Config;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Single sign-on through a real OpenID Connect provider running in this JVM (mock-oauth2-server
 * with its interactive login page, where a person's subject and claims are typed in): people land
 * on the screens of the role their groups give, with the same scope checks as local users.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("demo")
class SsoBrowserIT extends BrowserTest {

  private static final MockOAuth2Server provider = startProvider();
  private static final String CONTACT = "the Tandem team (tandem@example.com)";
  private static final Path SCREENSHOTS = Paths.get("target", "screenshots");

  @LocalServerPort int port;
  @Autowired DSLContext db;

  private static MockOAuth2Server startProvider() {
    MockOAuth2Server server = new MockOAuth2Server(new OAuth2Config(true));
    server.start();
    return server;
  }

  @DynamicPropertySource
  static void singleSignOn(DynamicPropertyRegistry properties) {
    properties.add("tandem.sso.issuer-uri", () -> provider.issuerUrl("corp").toString());
    properties.add("tandem.sso.client-id", () -> "tandem");
    properties.add("tandem.sso.client-secret", () -> "secret");
    properties.add("tandem.sso.name", () -> "Corp ID");
    properties.add("tandem.sso.contact", () -> CONTACT);
  }

  @AfterAll
  static void stopProvider() {
    provider.shutdown();
  }

  @Test
  void a_leader_sees_every_team_but_no_individuals_and_signing_out_ends_the_provider_session() {
    Page page = signIn("lee", "lee@example.com", "Lee Sso", "tandem-leaders", "team:payments");
    assertThat(menu(page)).contains("Adoption", "Reliability").doesNotContain("Roster", "Data");
    page.navigate(base() + "/adoption?team=platform");
    page.locator("#kpi-adoption").waitFor();
    page.navigate(base() + "/roster");
    page.locator("#access-denied").waitFor();
    AppUserRecord lee = account("lee@example.com");
    assertThat(lee.getRole()).isEqualTo("LEADER");
    assertThat(lee.getTeamId()).isNull();
    assertThat(lee.getPasswordHash()).isNull();
    assertThat(audited(lee.getId())).containsExactly("create LEADER via tandem-leaders");

    List<String> visited = new ArrayList<>();
    page.onRequest(request -> visited.add(request.url()));
    page.locator("vaadin-button:has-text('Sign out')").click();
    page.waitForURL(url -> url.startsWith(base() + "/login"));
    assertThat(visited).anyMatch(url -> url.startsWith(provider.url("corp/endsession").toString()));
    page.context().close();
  }

  @Test
  void a_manager_sees_individuals_of_their_team_only_and_a_member_their_own_usage() {
    Page manager = signIn("mia", "mia@example.com", "Mia Sso", "staff", "team:commerce:manager");
    assertThat(menu(manager)).contains("Roster");
    manager.navigate(base() + "/roster");
    manager.locator("#roster-grid").waitFor();
    manager.navigate(base() + "/adoption?team=platform");
    manager.locator("#forbidden").waitFor();
    assertThat(manager.locator("#kpi-adoption").count()).isZero();
    AppUserRecord mia = account("mia@example.com");
    assertThat(mia.getRole()).isEqualTo("MANAGER");
    assertThat(mia.getTeamId()).isEqualTo(teamId("commerce"));
    assertThat(audited(mia.getId())).containsExactly("create MANAGER via team:commerce:manager");
    manager.context().close();

    // A developer of Payments on the roster: linked by email, so My usage shows their own record.
    String email =
        db.select(DEVELOPER.EMAIL)
            .from(DEVELOPER)
            .where(DEVELOPER.TEAM_ID.eq(teamId("payments")))
            .orderBy(DEVELOPER.ID.desc())
            .limit(1)
            .fetchOne(DEVELOPER.EMAIL);
    Page member = signIn("dev-1", email.toUpperCase(), "A Developer", "team:payments");
    assertThat(menu(member)).contains("My team", "My usage").doesNotContain("Roster");
    member.navigate(base() + "/my-usage");
    member.locator("#my-usage-grid").waitFor();
    member.navigate(base() + "/adoption?team=platform");
    member.locator("#forbidden").waitFor();
    AppUserRecord dev = account(email);
    assertThat(dev.getRole()).isEqualTo("MEMBER");
    assertThat(dev.getTeamId()).isEqualTo(teamId("payments"));
    assertThat(dev.getDeveloperId())
        .isEqualTo(
            db.select(DEVELOPER.ID).from(DEVELOPER).where(DEVELOPER.EMAIL.eq(email)).fetchOne(0));
    member.context().close();
  }

  @Test
  void a_group_removed_at_the_provider_takes_its_role_away_at_the_next_sign_in() {
    signIn("rae", "rae@example.com", "Rae Sso", "tandem-leaders", "team:checkout")
        .context()
        .close();
    Page page = signIn("rae", "rae@example.com", "Rae Sso", "team:checkout");
    assertThat(menu(page)).contains("My usage");
    page.navigate(base() + "/adoption?team=platform");
    page.locator("#forbidden").waitFor();
    page.context().close();
    AppUserRecord rae = account("rae@example.com");
    assertThat(rae.getRole()).isEqualTo("MEMBER");
    assertThat(rae.getTeamId()).isEqualTo(teamId("checkout"));
    assertThat(audited(rae.getId()))
        .containsExactly("create LEADER via tandem-leaders", "update MEMBER via team:checkout");
  }

  @Test
  void a_person_without_a_mapped_group_is_refused_with_a_page_that_says_whom_to_ask() {
    signIn("sam", "sam@example.com", "Sam Sso", "team:search").context().close();
    // The team group is gone: the account loses its access, and the page says why.
    Page page = signIn("sam", "sam@example.com", "Sam Sso", "staff", "team:no-such-team");
    assertThat(page.url()).isEqualTo(base() + "/sso-refused");
    assertThat(page.locator("#sso-refused-reason").textContent())
        .contains("sam@example.com is in none of the groups that give access to Tandem")
        .contains("tandem-leaders, team:<team>:manager, team:<team>")
        .contains("groups naming an unknown team do not count")
        .endsWith("Ask " + CONTACT + ".");
    page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("sso-refused.png")));
    page.locator("#sso-refused-back").click();
    page.locator("#sso-sign-in").waitFor();
    assertThat(page.locator("#sso-sign-in").textContent()).isEqualTo("Sign in with Corp ID");
    page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("sso-login.png")));
    page.navigate(base() + "/adoption");
    page.waitForURL(base() + "/login");
    page.context().close();
    AppUserRecord sam = account("sam@example.com");
    assertThat(sam.getEnabled()).isFalse();
    assertThat(audited(sam.getId()))
        .containsExactly("create MEMBER via team:search", "revoke MEMBER");
    assertThat(
            db.fetchCount(
                AUDIT_LOG,
                AUDIT_LOG
                    .ACTION
                    .eq("sign-in-refused")
                    .and(AUDIT_LOG.ACTOR.eq("sam@example.com"))
                    .and(AUDIT_LOG.AFTER_VALUE.contains("no-mapped-group"))))
        .isOne();

    // Given a mapped group again, the same account gets its access back.
    signIn("sam", "sam@example.com", "Sam Sso", "team:search").context().close();
    assertThat(account("sam@example.com").getEnabled()).isTrue();
  }

  /** Signs in through the provider's own login page in a fresh browser context. */
  private Page signIn(String subject, String email, String name, String... groups) {
    BrowserContext context =
        browser.newContext(new Browser.NewContextOptions().setViewportSize(1400, 900));
    Page page = context.newPage();
    page.setDefaultTimeout(60_000);
    page.navigate(base() + "/login");
    page.locator("#sso-sign-in").click();
    page.locator("input[name=username]").fill(subject);
    page.locator("textarea[name=claims]")
        .fill(
            "{\"email\":\""
                + email
                + "\",\"name\":\""
                + name
                + "\",\"groups\":[\""
                + String.join("\",\"", groups)
                + "\"]}");
    page.locator("input[type=submit]").click();
    page.waitForURL(url -> url.startsWith(base()) && !url.contains("/login"));
    if (!page.url().endsWith("/sso-refused")) {
      page.locator("#main-menu vaadin-side-nav-item").first().waitFor();
    } else {
      page.locator("#sso-refused-reason").waitFor();
    }
    return page;
  }

  private static List<String> menu(Page page) {
    return page.locator("#main-menu vaadin-side-nav-item").allTextContents().stream()
        .map(String::trim)
        .toList();
  }

  private AppUserRecord account(String email) {
    return db.selectFrom(APP_USER).where(APP_USER.USERNAME.eq(email.toLowerCase())).fetchOne();
  }

  private Long teamId(String key) {
    return db.select(TEAM.ID).from(TEAM).where(TEAM.TEAM_KEY.eq(key)).fetchOne(TEAM.ID);
  }

  /** The account's audit entries written by single sign-on, as "action ROLE via group". */
  private List<String> audited(long userId) {
    return db.select(AUDIT_LOG.ACTION, AUDIT_LOG.AFTER_VALUE)
        .from(AUDIT_LOG)
        .where(AUDIT_LOG.ACTOR.eq("sso"))
        .and(AUDIT_LOG.ENTITY.eq("user"))
        .and(AUDIT_LOG.ENTITY_ID.eq(String.valueOf(userId)))
        .orderBy(AUDIT_LOG.ID)
        .fetch(
            r -> {
              String after = r.value2();
              String role = after.replaceAll(".*\"role\":\"([A-Z]+)\".*", "$1");
              String group =
                  after.contains("\"group\":")
                      ? " via " + after.replaceAll(".*\"group\":\"([^\"]+)\".*", "$1")
                      : "";
              return r.value1() + " " + role + group;
            });
  }

  private String base() {
    return "http://localhost:" + port;
  }
}

package dev.tandem.base.ui;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.HasElement;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.applayout.AppLayout;
import com.vaadin.flow.component.applayout.DrawerToggle;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Header;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.Icon;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.router.AfterNavigationEvent;
import com.vaadin.flow.router.AfterNavigationObserver;
import com.vaadin.flow.router.Layout;
import com.vaadin.flow.server.menu.MenuConfiguration;
import com.vaadin.flow.server.menu.MenuEntry;
import com.vaadin.flow.spring.security.AuthenticationContext;
import com.vaadin.flow.theme.lumo.Lumo;
import com.vaadin.flow.theme.lumo.LumoUtility;
import jakarta.annotation.security.PermitAll;

/**
 * The app shell: a side menu listing the screens the signed-in user may open, the user's name,
 * theme switch and sign-out.
 */
@Layout
@PermitAll
public class MainLayout extends AppLayout implements AfterNavigationObserver {

  MainLayout(AuthenticationContext auth) {
    setPrimarySection(Section.DRAWER);
    // The app's name sits in the top bar, so it shows on a phone too (where the drawer is closed).
    Span brand = new Span("Tandem");
    brand.setId("app-name");
    brand.addClassNames(
        LumoUtility.FontWeight.SEMIBOLD, LumoUtility.FontSize.LARGE, LumoUtility.Whitespace.NOWRAP);
    addToDrawer(menu());

    Button theme = new Button(VaadinIcon.ADJUST.create(), e -> toggleTheme());
    theme.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
    theme.setAriaLabel("Switch light/dark theme");
    theme.setTooltipText("Switch light/dark theme");
    Span user = new Span(auth.getPrincipalName().orElse(""));
    user.setId("current-user");
    Button logout = new Button("Sign out", e -> auth.logout());
    logout.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
    HorizontalLayout right = new HorizontalLayout(theme, user, logout);
    right.setAlignItems(FlexComponent.Alignment.CENTER);
    right.setSpacing(false);
    right.addClassNames(
        LumoUtility.Margin.Left.AUTO,
        LumoUtility.Padding.Right.SMALL,
        LumoUtility.Gap.XSMALL,
        LumoUtility.MinWidth.NONE);
    user.addClassNames(
        LumoUtility.Overflow.HIDDEN,
        LumoUtility.TextOverflow.ELLIPSIS,
        LumoUtility.Whitespace.NOWRAP);
    // The top bar is the page's banner landmark; its first stop for the keyboard skips to the page.
    Header banner = new Header(skipLink(), new DrawerToggle(), brand, right);
    banner.addClassName("tandem-banner");
    addToNavbar(banner);
  }

  /** The id of the element that holds the current screen (the page's one main landmark). */
  public static final String MAIN_ID = "main-content";

  /**
   * Moves focus to the page's heading, or the main region when a screen has none; made focusable by
   * script only (tabindex -1), so it is no tab stop.
   */
  private static final String FOCUS_PAGE_HEADING =
      "const main=document.getElementById('"
          + MAIN_ID
          + "');if(!main){return;}"
          + "const t=main.querySelector('h1')||main;"
          + "t.setAttribute('tabindex','-1');t.focus({preventScroll:true});"
          + "t.scrollIntoView({block:'nearest'});";

  /** "Skip to content": hidden until it has the keyboard focus (theme's styles.css). */
  private static Anchor skipLink() {
    Anchor skip = new Anchor("#" + MAIN_ID, "Skip to content");
    skip.setId("skip-link");
    skip.addClassName("tandem-skip-link");
    // Vaadin's router leaves this link alone; the script moves focus without changing the address.
    skip.getElement().setAttribute("router-ignore", true);
    skip.getElement()
        .executeJs(
            "this.addEventListener('click',e=>{e.preventDefault();(()=>{"
                + FOCUS_PAGE_HEADING
                + "})();});");
    return skip;
  }

  /** Each screen is the page's one main landmark, the target of the skip link. */
  @Override
  public void showRouterLayoutContent(HasElement content) {
    super.showRouterLayoutContent(content);
    if (content != null) {
      content.getElement().setAttribute("role", "main");
      content.getElement().setAttribute("id", MAIN_ID);
    }
  }

  /**
   * After a navigation inside the app (not the first page load), focus moves to the new page's
   * heading, so a screen reader announces it and the keyboard starts there.
   */
  @Override
  public void afterNavigation(AfterNavigationEvent event) {
    if (navigated) {
      event.getLocationChangeEvent().getUI().getPage().executeJs(FOCUS_PAGE_HEADING);
    }
    navigated = true;
  }

  private boolean navigated;

  private SideNav menu() {
    SideNav nav = new SideNav();
    nav.setId("main-menu");
    // MenuConfiguration lists only the views the current user may access (their
    // @RolesAllowed/@PermitAll).
    for (MenuEntry entry : MenuConfiguration.getMenuEntries()) {
      SideNavItem item = new SideNavItem(entry.title(), entry.path());
      if (entry.icon() != null) {
        String[] icon = entry.icon().split(":", 2);
        item.setPrefixComponent(
            icon.length == 2 ? new Icon(icon[0], icon[1]) : new Icon(entry.icon()));
      }
      nav.addItem(item);
    }
    return nav;
  }

  /** The browser's storage key of the light/dark choice. */
  static final String THEME_KEY = "tandem-theme";

  /**
   * Run in the page's head before anything is drawn: the stored choice, else the operating system's
   * preference, so a dark-theme user never sees a light flash.
   */
  public static final String EARLY_THEME_SCRIPT =
      "(function(){var c=null;try{c=localStorage.getItem('"
          + THEME_KEY
          + "');}catch(e){}"
          + "if(c!=='dark'&&c!=='light'){c=window.matchMedia&&"
          + "matchMedia('(prefers-color-scheme: dark)').matches?'dark':'light';}"
          + "if(c==='dark'){document.documentElement.setAttribute('theme','dark');}})();";

  @Override
  protected void onAttach(AttachEvent event) {
    super.onAttach(event);
    UI ui = event.getUI();
    // The server's view of the theme follows what the head script chose for this browser.
    ui.getPage()
        .executeJs(
            "var c=null;try{c=localStorage.getItem($0);}catch(e){}"
                + "if(c==='dark'||c==='light'){return c;}"
                + "return window.matchMedia&&matchMedia('(prefers-color-scheme: dark)').matches"
                + "?'dark':'light';",
            THEME_KEY)
        .then(String.class, choice -> setDark(ui, "dark".equals(choice)));
  }

  private void toggleTheme() {
    UI ui = getUI().orElseThrow();
    boolean dark = !ui.getElement().getThemeList().contains(Lumo.DARK);
    setDark(ui, dark);
    ui.getPage()
        .executeJs(
            "try{localStorage.setItem($0,$1);}catch(e){}", THEME_KEY, dark ? "dark" : "light");
  }

  /**
   * The UI's element is the page's body; the head script marks the html element, so both are kept
   * the same (Lumo's dark colours follow either).
   */
  private static void setDark(UI ui, boolean dark) {
    var themes = ui.getElement().getThemeList();
    if (dark) {
      themes.add(Lumo.DARK);
    } else {
      themes.remove(Lumo.DARK);
    }
    ui.getPage()
        .executeJs(
            "if($0){document.documentElement.setAttribute('theme','dark');}"
                + "else{document.documentElement.removeAttribute('theme');}",
            dark);
  }
}

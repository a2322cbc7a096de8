package dev.tandem.base.ui;

import com.vaadin.flow.component.applayout.AppLayout;
import com.vaadin.flow.component.applayout.DrawerToggle;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.Icon;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.router.Layout;
import com.vaadin.flow.server.menu.MenuConfiguration;
import com.vaadin.flow.server.menu.MenuEntry;
import com.vaadin.flow.spring.security.AuthenticationContext;
import com.vaadin.flow.theme.lumo.Lumo;
import jakarta.annotation.security.PermitAll;

/**
 * The app shell: a side menu listing the screens the signed-in user may open, the user's name,
 * theme switch and sign-out.
 */
@Layout
@PermitAll
public class MainLayout extends AppLayout {

  MainLayout(AuthenticationContext auth) {
    setPrimarySection(Section.DRAWER);
    Span brand = new Span("Tandem");
    brand
        .getStyle()
        .set("font-weight", "600")
        .set("font-size", "var(--lumo-font-size-l)")
        .set("padding", "var(--lumo-space-m)");
    addToDrawer(brand, menu());

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
    right.getStyle().set("margin-left", "auto").set("padding-right", "var(--lumo-space-m)");
    addToNavbar(new DrawerToggle(), right);
  }

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

  private void toggleTheme() {
    var themes =
        getElement()
            .getComponent()
            .flatMap(c -> c.getUI())
            .orElseThrow()
            .getElement()
            .getThemeList();
    if (themes.contains(Lumo.DARK)) {
      themes.remove(Lumo.DARK);
    } else {
      themes.add(Lumo.DARK);
    }
  }
}

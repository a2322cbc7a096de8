package dev.tandem.admin.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.tabs.TabSheet;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import dev.tandem.base.ui.Notifications;
import dev.tandem.roster.RosterService;
import dev.tandem.roster.Team;
import dev.tandem.security.ApiToken;
import dev.tandem.security.ApiTokenService;
import dev.tandem.security.UserAccount;
import dev.tandem.security.UserService;
import jakarta.annotation.security.RolesAllowed;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/** Who may sign in or call the API, with which role and team scope. */
@Route("admin/users")
@PageTitle("Users and tokens · Tandem")
@Menu(title = "Users and tokens", order = 52, icon = "vaadin:key")
@RolesAllowed("ADMIN")
public class UsersView extends VerticalLayout {

  private final UserService users;
  private final ApiTokenService tokens;
  private final RosterService roster;
  private final Grid<UserAccount> userGrid = new Grid<>();
  private final Grid<ApiToken> tokenGrid = new Grid<>();

  UsersView(UserService users, ApiTokenService tokens, RosterService roster) {
    this.users = users;
    this.tokens = tokens;
    this.roster = roster;
    addClassName("tandem-page");
    setSizeFull();
    Paragraph explainer =
        new Paragraph(
            "Admins see everything; leaders see organisation-wide aggregates; managers see their team "
                + "and its people; members see their team's aggregates and their own usage. Every change is audited.");
    explainer.addClassName("tandem-explainer");
    TabSheet tabs = new TabSheet();
    tabs.setSizeFull();
    tabs.add("Users", usersTab());
    tabs.add("API tokens", tokensTab());
    add(new H1("Users and tokens"), explainer, tabs);
    refresh();
  }

  private VerticalLayout usersTab() {
    Button add =
        new Button(
            "Add user",
            VaadinIcon.PLUS.create(),
            e -> new UserDialog(users, roster, null, this::refresh).open());
    add.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
    userGrid.setId("user-grid");
    userGrid.addColumn(UserAccount::username).setHeader("User").setAutoWidth(true);
    userGrid.addColumn(UserAccount::displayName).setHeader("Name").setAutoWidth(true);
    userGrid.addColumn(u -> u.role().name()).setHeader("Role");
    userGrid.addColumn(u -> teamName(u.teamId())).setHeader("Team scope");
    userGrid.addColumn(u -> u.developerId() == null ? "" : "linked").setHeader("Developer record");
    userGrid.addColumn(u -> u.enabled() ? "active" : "disabled").setHeader("Status");
    userGrid.addItemDoubleClickListener(
        e -> new UserDialog(users, roster, e.getItem(), this::refresh).open());
    VerticalLayout tab = new VerticalLayout(add, userGrid);
    tab.setPadding(false);
    tab.setSizeFull();
    return tab;
  }

  private VerticalLayout tokensTab() {
    Button add =
        new Button(
            "Create token",
            VaadinIcon.PLUS.create(),
            e -> new TokenDialog(tokens, roster, this::refresh).open());
    add.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
    tokenGrid.setId("token-grid");
    tokenGrid.addColumn(ApiToken::name).setHeader("Name").setAutoWidth(true);
    tokenGrid.addColumn(t -> t.role().name()).setHeader("Role");
    tokenGrid.addColumn(t -> teamName(t.teamId())).setHeader("Team");
    tokenGrid.addColumn(ApiToken::createdBy).setHeader("Created by");
    tokenGrid.addColumn(t -> t.createdAt().toLocalDate().toString()).setHeader("Created");
    tokenGrid
        .addColumn(t -> t.lastUsedAt() == null ? "never" : t.lastUsedAt().toString())
        .setHeader("Last used");
    tokenGrid
        .addComponentColumn(
            t -> {
              if (t.revokedAt() != null) {
                return new com.vaadin.flow.component.html.Span(
                    "revoked " + t.revokedAt().toLocalDate());
              }
              Button revoke = new Button("Revoke", e -> confirmRevoke(t));
              revoke.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_SMALL);
              return revoke;
            })
        .setHeader("Status")
        .setKey("status");
    VerticalLayout tab = new VerticalLayout(new HorizontalLayout(add), tokenGrid);
    tab.setPadding(false);
    tab.setSizeFull();
    return tab;
  }

  private void confirmRevoke(ApiToken token) {
    ConfirmDialog confirm =
        new ConfirmDialog(
            "Revoke token " + token.name() + "?",
            "Requests with this token are refused at once. This cannot be undone.",
            "Revoke",
            e -> {
              tokens.revoke(token.id());
              Notifications.success("Token " + token.name() + " revoked");
              refresh();
            });
    confirm.setCancelable(true);
    confirm.setConfirmButtonTheme("error primary");
    confirm.open();
  }

  private void refresh() {
    userGrid.setItems(users.users());
    tokenGrid.setItems(tokens.tokens());
  }

  private String teamName(Long teamId) {
    Map<Long, String> names =
        roster.teams().stream().collect(Collectors.toMap(Team::id, Team::name, (a, b) -> a));
    return teamId == null ? "organisation" : Objects.requireNonNullElse(names.get(teamId), "?");
  }
}

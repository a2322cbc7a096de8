package dev.tandem.admin.ui;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import dev.tandem.base.Scope;
import dev.tandem.base.ValidationException;
import dev.tandem.base.ui.Notifications;
import dev.tandem.roster.Developer;
import dev.tandem.roster.DeveloperFilter;
import dev.tandem.roster.RosterService;
import dev.tandem.roster.Team;
import dev.tandem.security.Role;
import dev.tandem.security.UserAccount;
import dev.tandem.security.UserService;
import java.util.Map;
import java.util.Objects;

/** Create a user, or change role, scope, developer link, status and password of an existing one. */
class UserDialog extends Dialog {

  private final TextField username = new TextField("Username");
  private final TextField displayName = new TextField("Name");
  private final ComboBox<Role> role = new ComboBox<>("Role");
  private final ComboBox<Team> team = new ComboBox<>("Team scope");
  private final ComboBox<Developer> developer =
      new ComboBox<>("Developer record (members: their own usage)");
  private final PasswordField password = new PasswordField();
  private final Checkbox enabled = new Checkbox("Enabled", true);

  UserDialog(UserService users, RosterService roster, UserAccount existing, Runnable onSaved) {
    setHeaderTitle(existing == null ? "Add user" : "Edit " + existing.username());
    username.setMaxLength(100);
    displayName.setMaxLength(UserService.MAX_DISPLAY_NAME);
    password.setMaxLength(UserService.MAX_PASSWORD_BYTES);
    role.setItems(Role.values());
    role.setValue(Role.MEMBER);
    team.setItems(roster.teams());
    java.util.Map<Long, String> labels = roster.labels();
    team.setItemLabelGenerator(t -> labels.get(t.id()));
    team.setHelperText("Required for managers and members");
    developer.setItems(
        q ->
            roster
                .developers(
                    new DeveloperFilter(q.getFilter().orElse(null), Scope.ORGANISATION),
                    q.getOffset(),
                    q.getLimit())
                .stream());
    developer.setItemLabelGenerator(d -> d.name() + " <" + d.email() + ">");
    developer.setClearButtonVisible(true);
    password.setLabel(existing == null ? "Password" : "New password (leave empty to keep)");
    password.setHelperText("At least 8 characters");
    if (existing != null) {
      username.setValue(existing.username());
      username.setReadOnly(true);
      displayName.setValue(existing.displayName());
      role.setValue(existing.role());
      roster.teams().stream()
          .filter(t -> Objects.equals(t.id(), existing.teamId()))
          .findFirst()
          .ifPresent(team::setValue);
      enabled.setValue(existing.enabled());
    }
    add(new FormLayout(username, displayName, role, team, developer, password, enabled));
    Button save =
        new Button(
            "Save",
            e -> {
              Long teamId = team.getValue() == null ? null : team.getValue().id();
              Long developerId =
                  developer.getValue() == null
                      ? (existing == null ? null : existing.developerId())
                      : developer.getValue().id();
              try {
                if (existing == null) {
                  users.createUserAsAdmin(
                      new UserAccount(
                          null,
                          username.getValue().trim(),
                          displayName.getValue(),
                          role.getValue(),
                          teamId,
                          developerId,
                          enabled.getValue()),
                      password.getValue());
                } else {
                  users.updateUser(
                      new UserAccount(
                          existing.id(),
                          existing.username(),
                          displayName.getValue(),
                          role.getValue(),
                          teamId,
                          developerId,
                          enabled.getValue()));
                  if (!password.getValue().isEmpty()) {
                    users.resetPassword(existing.id(), password.getValue());
                  }
                }
                Notifications.success("Saved user " + username.getValue());
                onSaved.run();
                close();
              } catch (ValidationException problem) {
                Map<String, HasValidation> fields =
                    Map.of(
                        "username",
                        username,
                        "displayName",
                        displayName,
                        "role",
                        role,
                        "team",
                        team,
                        "password",
                        password);
                fields.values().forEach(f -> f.setInvalid(false));
                problem
                    .problems()
                    .forEach(
                        p -> {
                          HasValidation f = fields.getOrDefault(p.field(), role);
                          f.setErrorMessage(p.message());
                          f.setInvalid(true);
                        });
              }
            });
    save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
    getFooter().add(new Button("Cancel", e -> close()), save);
  }
}

package dev.tandem.admin.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.TextField;
import dev.tandem.base.ValidationException;
import dev.tandem.roster.RosterService;
import dev.tandem.roster.Team;
import dev.tandem.security.ApiTokenService;
import dev.tandem.security.Role;

/** Creates an API token and shows its value exactly once. */
class TokenDialog extends Dialog {

  TokenDialog(ApiTokenService tokens, RosterService roster, Runnable onCreated) {
    setHeaderTitle("Create API token");
    TextField name = new TextField("Name");
    name.setMaxLength(100);
    name.setHelperText("What uses it, e.g. weekly-copilot-import");
    ComboBox<Role> role = new ComboBox<>("Role", Role.values());
    role.setValue(Role.ADMIN);
    ComboBox<Team> team = new ComboBox<>("Team (managers and members)");
    team.setItems(roster.teams());
    java.util.Map<Long, String> labels = roster.labels();
    team.setItemLabelGenerator(t -> labels.get(t.id()));
    FormLayout form = new FormLayout(name, role, team);
    add(form);
    Button create =
        new Button(
            "Create",
            e -> {
              try {
                ApiTokenService.CreatedToken created =
                    tokens.create(
                        name.getValue(),
                        role.getValue(),
                        team.getValue() == null ? null : team.getValue().id());
                removeAll();
                TextField value = new TextField("Token (shown only now: copy it)");
                value.setValue(created.token());
                value.setReadOnly(true);
                value.setWidthFull();
                value.setId("new-token-value");
                add(
                    new Paragraph(
                        "Use it as 'Authorization: Bearer <token>'. Tandem keeps only its hash."),
                    value);
                getFooter().removeAll();
                getFooter().add(new Button("Done", d -> close()));
                onCreated.run();
              } catch (ValidationException problem) {
                problem
                    .problems()
                    .forEach(
                        p -> {
                          var field =
                              switch (p.field()) {
                                case "name" -> name;
                                case "team" -> team;
                                default -> role;
                              };
                          field.setErrorMessage(p.message());
                          field.setInvalid(true);
                        });
              }
            });
    create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
    getFooter().add(new Button("Cancel", e -> close()), create);
  }
}

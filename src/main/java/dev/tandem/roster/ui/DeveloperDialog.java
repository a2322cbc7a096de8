package dev.tandem.roster.ui;

import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.component.textfield.TextField;
import dev.tandem.base.ValidationException;
import dev.tandem.base.ui.Notifications;
import dev.tandem.roster.Developer;
import dev.tandem.roster.RosterService;
import dev.tandem.roster.Team;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Create or edit a developer; the service validates and the problems appear on the fields they
 * concern.
 */
class DeveloperDialog extends Dialog {

  private final EmailField email = new EmailField("Email");
  private final TextField name = new TextField("Name");
  private final ComboBox<Team> team = new ComboBox<>("Team");
  private final DatePicker startedOn = new DatePicker("First day");
  private final DatePicker leftOn = new DatePicker("Last day");
  private final Checkbox excluded = new Checkbox("Excluded from headcount (e.g. not a coder)");

  DeveloperDialog(RosterService roster, Developer existing, Consumer<Developer> onSaved) {
    setHeaderTitle(existing == null ? "Add developer" : "Edit " + existing.name());
    email.setMaxLength(dev.tandem.base.Emails.MAX_LENGTH);
    name.setMaxLength(RosterService.MAX_NAME);
    team.setItems(roster.teams());
    team.setItemLabelGenerator(Team::name);
    email.setRequiredIndicatorVisible(true);
    name.setRequiredIndicatorVisible(true);
    team.setRequiredIndicatorVisible(true);
    startedOn.setRequiredIndicatorVisible(true);
    leftOn.setHelperText("Empty while still here");
    if (existing != null) {
      email.setValue(existing.email());
      name.setValue(existing.name());
      roster.teams().stream()
          .filter(t -> t.id() == existing.teamId())
          .findFirst()
          .ifPresent(team::setValue);
      startedOn.setValue(existing.startedOn());
      leftOn.setValue(existing.leftOn());
      excluded.setValue(existing.excluded());
    }
    FormLayout form = new FormLayout(email, name, team, startedOn, leftOn, excluded);
    add(form);

    Button save =
        new Button(
            "Save",
            e -> {
              try {
                Developer saved =
                    roster.saveDeveloper(
                        new Developer(
                            existing == null ? null : existing.id(),
                            email.getValue(),
                            name.getValue(),
                            team.getValue() == null ? -1 : team.getValue().id(),
                            null,
                            startedOn.getValue(),
                            leftOn.getValue(),
                            excluded.getValue()));
                Notifications.success("Saved " + saved.name());
                onSaved.accept(saved);
                close();
              } catch (ValidationException problem) {
                show(problem);
              }
            });
    save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
    save.addClickShortcut(Key.ENTER);
    Button cancel = new Button("Cancel", e -> close());
    getFooter().add(cancel, save);
  }

  private void show(ValidationException problem) {
    Map<String, com.vaadin.flow.component.HasValidation> fields =
        Map.of(
            "email", email, "name", name, "team", team, "startedOn", startedOn, "leftOn", leftOn);
    fields.values().forEach(f -> f.setInvalid(false));
    for (ValidationException.FieldProblem p : problem.problems()) {
      var field = fields.get(p.field());
      if (field != null) {
        field.setErrorMessage(p.message());
        field.setInvalid(true);
      } else {
        Notifications.error(p.field() + ": " + p.message());
      }
    }
  }
}

package dev.tandem.alerts.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.checkbox.CheckboxGroupVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import dev.tandem.alerts.AlertRule;
import dev.tandem.alerts.AlertSubscriptionService;
import dev.tandem.alerts.Subscription;
import dev.tandem.base.ValidationException;
import dev.tandem.base.ui.Notifications;
import jakarta.annotation.security.PermitAll;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** What the signed-in person receives: alerts and the weekly digest, for a scope they may see. */
@Route("my-alerts")
@PageTitle("My alerts · Tandem")
@Menu(title = "My alerts", order = 6, icon = "vaadin:bell-o")
@PermitAll
public class MyAlertsView extends VerticalLayout {

  /** A scope to choose; {@code key} null is the organisation. */
  record Scope(String key, String label) {}

  MyAlertsView(AlertSubscriptionService alerts) {
    addClassName("tandem-page");
    add(new H1("My alerts"));
    Optional<Subscription> mine = alerts.mySubscription();
    if (mine.isEmpty()) {
      add(new Paragraph("Alerts go to people with a user account; this sign-in has none."));
      return;
    }
    Paragraph explainer =
        new Paragraph(
            "Alerts arrive when a rule's condition holds (at most once a week per condition), the "
                + "digest once a week. Both show only what your own screens show you.");
    explainer.addClassName("tandem-explainer");
    EmailField email = new EmailField("Email");
    email.setValue(Objects.requireNonNullElse(mine.get().email(), ""));
    List<Scope> scopes = new ArrayList<>();
    scopes.add(new Scope(null, "The organisation"));
    alerts.subscribableTeams().forEach(t -> scopes.add(new Scope(t.key(), t.name())));
    ComboBox<Scope> scope = new ComboBox<>("For");
    scope.setItems(scopes);
    scope.setItemLabelGenerator(Scope::label);
    scope.setValue(
        scopes.stream()
            .filter(s -> Objects.equals(s.key(), mine.get().teamKey()))
            .findFirst()
            .orElse(scopes.get(0)));
    Checkbox alertsOn = new Checkbox("Alerts", mine.get().alerts());
    Checkbox digestOn = new Checkbox("Weekly digest", mine.get().digest());
    CheckboxGroup<AlertRule> rules = new CheckboxGroup<>("Alerts I receive");
    rules.setId("my-alert-rules");
    rules.setItems(alerts.rulesICanReceive());
    rules.setItemLabelGenerator(AlertRule::label);
    rules.addThemeVariants(CheckboxGroupVariant.LUMO_VERTICAL);
    rules.setValue(
        alerts.rulesICanReceive().stream()
            .filter(r -> !mine.get().muted().contains(r))
            .collect(Collectors.toSet()));
    rules.setEnabled(alertsOn.getValue());
    alertsOn.addValueChangeListener(e -> rules.setEnabled(e.getValue()));
    Button save =
        new Button(
            "Save",
            e -> {
              try {
                Set<AlertRule> muted = EnumSet.allOf(AlertRule.class);
                muted.removeAll(rules.getValue());
                muted.retainAll(alerts.rulesICanReceive());
                alerts.subscribeMe(
                    email.getValue(),
                    dev.tandem.base.Scope.of(
                        scope.getValue() == null ? null : scope.getValue().key()),
                    alertsOn.getValue(),
                    digestOn.getValue(),
                    muted);
                Notifications.success("Saved");
              } catch (ValidationException ex) {
                Notifications.error(ex.getMessage());
              }
            });
    save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
    Paragraph scoped =
        new Paragraph(
            "Tool, peer-review and forecast alerts concern the scope chosen here: a team's own"
                + " verdicts and safeguards, or the organisation's.");
    scoped.addClassName("tandem-explainer");
    add(explainer, email, scope, alertsOn, rules, scoped, digestOn, save);
  }
}

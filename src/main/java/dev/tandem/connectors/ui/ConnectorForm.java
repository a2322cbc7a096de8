package dev.tandem.connectors.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import dev.tandem.base.ValidationException;
import dev.tandem.base.ui.Notifications;
import dev.tandem.connectors.ConnectorBusyException;
import dev.tandem.connectors.ConnectorChange;
import dev.tandem.connectors.ConnectorService;
import dev.tandem.connectors.ConnectorState;
import java.util.LinkedHashMap;
import java.util.Map;

/** One connector's configuration, its secret (write-only), the connection test and "Run now". */
class ConnectorForm extends VerticalLayout {

  private final ConnectorService service;
  private final ConnectorState state;
  private final Runnable changed;
  private final Checkbox enabled = new Checkbox("Enabled");
  private final TextField baseUrl = new TextField("Base URL");
  private final TextField cron = new TextField("Schedule (cron, UTC)");
  private final DatePicker backfillFrom = new DatePicker("First run fetches from");
  private final IntegerField redoDays = new IntegerField("Later runs go back (days)");
  private final Map<String, TextField> settings = new LinkedHashMap<>();
  private final PasswordField secret = new PasswordField();
  private final Paragraph testResult = new Paragraph();

  ConnectorForm(ConnectorService service, ConnectorState state, Runnable changed) {
    this.service = service;
    this.state = state;
    this.changed = changed;
    setPadding(false);
    setId("connector-form");
    var cfg = state.config();
    enabled.setValue(cfg.enabled());
    baseUrl.setValue(cfg.baseUrl() == null ? "" : cfg.baseUrl());
    baseUrl.setPlaceholder(state.defaultBaseUrl());
    baseUrl.setHelperText(
        state.defaultBaseUrl().isEmpty()
            ? "empty: the vendor's own endpoint"
            : "empty: " + state.defaultBaseUrl());
    cron.setValue(cfg.cron() == null ? "" : cfg.cron());
    cron.setHelperText("six fields; 0 30 3 * * * is every day at 03:30 UTC");
    backfillFrom.setValue(cfg.backfillFrom());
    backfillFrom.setHelperText("empty: the last 30 days");
    redoDays.setValue(cfg.redoDays());
    redoDays.setHelperText("vendors revise recent days; they are fetched again and replaced");
    FormLayout form = new FormLayout(enabled, baseUrl, cron, backfillFrom, redoDays);
    for (ConnectorState.SettingInfo s : state.settingInfo()) {
      TextField f = new TextField(s.label());
      f.setValue(cfg.settings().getOrDefault(s.key(), ""));
      f.setHelperText(s.help());
      settings.put(s.key(), f);
      form.add(f);
    }
    Button save = new Button("Save", e -> save());
    save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);

    secret.setLabel(state.secretLabel());
    secret.setHelperText("Now: " + cfg.secret() + ". Never shown again after saving.");
    secret.setId("connector-secret");
    secret.setWidth("28em");
    Button saveSecret = new Button("Save secret", e -> saveSecret());
    Button test = new Button("Test connection", e -> test());
    test.setId("test-connection");
    Button runNow = new Button("Run now", e -> runNow());
    runNow.setId("run-now");
    testResult.setId("test-result");
    HorizontalLayout secretRow = new HorizontalLayout(secret, saveSecret);
    secretRow.setAlignItems(Alignment.BASELINE);
    add(
        new H2(state.name()),
        form,
        new HorizontalLayout(save, test, runNow),
        secretRow,
        testResult);
  }

  private void save() {
    Map<String, String> values = new LinkedHashMap<>();
    settings.forEach((k, f) -> values.put(k, f.getValue()));
    try {
      service.configure(
          state.key(),
          new ConnectorChange(
              enabled.getValue(),
              baseUrl.getValue(),
              values,
              cron.getValue(),
              backfillFrom.getValue(),
              redoDays.getValue()));
      Notifications.success(state.name() + " saved");
      changed.run();
    } catch (ValidationException e) {
      Notifications.error(e.getMessage());
    }
  }

  private void saveSecret() {
    try {
      var status = service.setSecret(state.key(), secret.getValue());
      secret.clear();
      secret.setHelperText("Now: " + status + ". Never shown again after saving.");
      Notifications.success("Secret saved");
      changed.run();
    } catch (ValidationException e) {
      Notifications.error(e.getMessage());
    }
  }

  private void test() {
    var result = service.testConnection(state.key());
    testResult.setText((result.ok() ? "✔ " : "✘ ") + result.message());
  }

  private void runNow() {
    try {
      long run = service.runNow(state.key(), "manual");
      Notifications.success("Run " + run + " started; its outcome appears in the history");
    } catch (ConnectorBusyException e) {
      Notifications.error(e.getMessage());
    }
  }
}

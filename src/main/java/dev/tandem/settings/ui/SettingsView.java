package dev.tandem.settings.ui;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.BigDecimalField;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import dev.tandem.base.ValidationException;
import dev.tandem.base.ui.Notifications;
import dev.tandem.settings.Settings;
import dev.tandem.settings.SettingsService;
import jakarta.annotation.security.RolesAllowed;
import java.math.BigDecimal;
import java.time.ZoneId;
import java.util.Map;
import java.util.TreeSet;

/**
 * Organisation settings: the adoption goal, the minimum group size, the time zone and the default
 * exposure.
 */
@Route("admin/settings")
@PageTitle("Settings · Tandem")
@Menu(title = "Settings", order = 53, icon = "vaadin:cog")
@RolesAllowed("ADMIN")
public class SettingsView extends VerticalLayout {

  private final BigDecimalField goal = new BigDecimalField("Adoption goal (%)");
  private final IntegerField minGroupSize = new IntegerField("Minimum group size (k)");
  private final ComboBox<String> zone = new ComboBox<>("Time zone");
  private final RadioButtonGroup<String> exposure =
      new RadioButtonGroup<>("Default exposure for error rates");

  SettingsView(SettingsService settings) {
    addClassName("tandem-page");
    Paragraph explainer =
        new Paragraph(
            "These settings apply to every screen, the API and the exports at once. Every change is "
                + "recorded in the audit log.");
    explainer.addClassName("tandem-explainer");
    goal.setHelperText(
        "Share of developers who should use AI for coding at least once a week, e.g. 80");
    goal.setId("setting-goal");
    minGroupSize.setHelperText(
        "Aggregates over fewer developers are hidden from people who may not see individuals");
    minGroupSize.setMin(1);
    minGroupSize.setMax(100);
    minGroupSize.setStepButtonsVisible(true);
    zone.setItems(new TreeSet<>(ZoneId.getAvailableZoneIds()));
    zone.setHelperText("Weeks run Monday to Sunday in this zone");
    exposure.setItems(SettingsService.EXPOSURES);
    exposure.setItemLabelGenerator(
        e -> e.equals("changes") ? "Changes (per 1,000)" : "Developer-weeks (per 100)");
    show(settings.current());

    Button save =
        new Button(
            "Save settings",
            e -> {
              try {
                BigDecimal share =
                    goal.getValue() == null ? null : goal.getValue().movePointLeft(2);
                Settings saved =
                    settings.update(
                        share == null ? "" : share.toPlainString(),
                        minGroupSize.getValue() == null
                            ? ""
                            : String.valueOf(minGroupSize.getValue()),
                        zone.getValue(),
                        exposure.getValue());
                show(saved);
                Notifications.success("Settings saved");
              } catch (ValidationException problem) {
                Map<String, HasValidation> fields =
                    Map.of(
                        "goal",
                        goal,
                        "minGroupSize",
                        minGroupSize,
                        "zone",
                        zone,
                        "defaultExposure",
                        exposure);
                fields.values().forEach(f -> f.setInvalid(false));
                problem
                    .problems()
                    .forEach(
                        p -> {
                          HasValidation field = fields.get(p.field());
                          field.setErrorMessage(p.message());
                          field.setInvalid(true);
                        });
              }
            });
    save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
    save.addClickShortcut(Key.ENTER);
    save.setId("save-settings");
    FormLayout form = new FormLayout(goal, minGroupSize, zone, exposure);
    form.setMaxWidth("48rem");
    // Seat prices and cost rates have their own screen (the costs feature owns them).
    com.vaadin.flow.component.html.Anchor prices =
        new com.vaadin.flow.component.html.Anchor(
            "admin/prices", "Seat prices, currency and usage-based rates");
    prices.setId("settings-prices-link");
    add(new H1("Settings"), explainer, form, save, prices);
  }

  private void show(Settings s) {
    BigDecimal percent = s.goal().movePointRight(2).stripTrailingZeros();
    goal.setValue(percent.scale() < 0 ? percent.setScale(0) : percent);
    minGroupSize.setValue(s.minGroupSize());
    zone.setValue(s.zone().getId());
    exposure.setValue(s.defaultExposure());
  }
}

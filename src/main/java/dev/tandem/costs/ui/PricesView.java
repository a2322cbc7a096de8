package dev.tandem.costs.ui;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.BigDecimalField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import dev.tandem.base.ValidationException;
import dev.tandem.base.ui.Notifications;
import dev.tandem.costs.CostSettings;
import dev.tandem.costs.PriceService;
import dev.tandem.costs.SeatPrice;
import dev.tandem.tools.Tool;
import dev.tandem.tools.ToolService;
import jakarta.annotation.security.RolesAllowed;
import java.util.Map;

/**
 * Settings for seats and cost: the currency, the usage-based rates and the price list (a price per
 * tool and seat type from a start day, so a price change keeps the old price for the days before
 * it). Linked from the Settings screen.
 */
@Route("admin/prices")
@PageTitle("Seat prices · Tandem")
@Menu(title = "Seat prices", order = 54, icon = "vaadin:money-exchange")
@RolesAllowed("ADMIN")
public class PricesView extends VerticalLayout {

  private final PriceService costs;
  private final TextField currency = new TextField("Currency (ISO 4217)");
  private final BigDecimalField kiro = new BigDecimalField("Kiro overage credit price");
  private final BigDecimalField copilot = new BigDecimalField("Copilot AI credit price");
  private final BigDecimalField cursor = new BigDecimalField("Cursor usage-based request price");
  private final BigDecimalField usd =
      new BigDecimalField("Value of 1 US dollar (Claude Code cost)");
  private final ComboBox<String> tool = new ComboBox<>("Tool");
  private final ComboBox<String> seatType = new ComboBox<>("Seat type");
  private final DatePicker validFrom = new DatePicker("Valid from");
  private final BigDecimalField price = new BigDecimalField("Monthly price");
  private final Grid<SeatPrice> grid = new Grid<>();

  PricesView(PriceService costs, ToolService tools) {
    this.costs = costs;
    addClassName("tandem-page");
    currency.setId("cost-currency");
    currency.setHelperText("Every price and rate is in this currency, e.g. USD or EUR");
    show(costs.costSettings());
    Button saveRates = new Button("Save cost settings", e -> saveRates());
    saveRates.setId("save-cost-settings");
    FormLayout rates = new FormLayout(currency, kiro, copilot, cursor, usd);
    rates.setMaxWidth("48rem");

    tool.setItems(tools.tools().stream().map(Tool::key).toList());
    tool.setId("price-tool");
    seatType.setItems(costs.seatTypes());
    seatType.setAllowCustomValue(true);
    seatType.addCustomValueSetListener(e -> seatType.setValue(e.getDetail()));
    seatType.setHelperText("As the seats carry it, e.g. business");
    seatType.setId("price-seat-type");
    validFrom.setId("price-valid-from");
    validFrom.setHelperText("The first day the price applies; the older price applies before it");
    price.setId("price-amount");
    Button add = new Button("Save price", e -> savePrice());
    add.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
    add.setId("save-price");
    FormLayout priceForm = new FormLayout(tool, seatType, validFrom, price);
    priceForm.setMaxWidth("48rem");

    grid.setId("price-list");
    grid.setAllRowsVisible(true);
    grid.addThemeVariants(GridVariant.LUMO_COMPACT);
    grid.addColumn(SeatPrice::tool).setHeader("Tool").setAutoWidth(true);
    grid.addColumn(SeatPrice::seatType).setHeader("Seat type").setAutoWidth(true);
    grid.addColumn(SeatPrice::validFrom).setHeader("Valid from").setAutoWidth(true);
    grid.addColumn(p -> p.monthlyPrice().toPlainString())
        .setHeader("Monthly price")
        .setAutoWidth(true);
    grid.addComponentColumn(
            p -> {
              Button delete =
                  new Button(
                      "Delete",
                      e -> {
                        costs.deletePrice(p);
                        refreshPrices();
                      });
              delete.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ERROR);
              delete.setAriaLabel(
                  "Delete the price of "
                      + p.tool()
                      + " "
                      + p.seatType()
                      + " from "
                      + p.validFrom());
              return delete;
            })
        .setHeader("Action");
    refreshPrices();
    add(
        new H1("Seat prices"),
        new Paragraph(
            "Seat prices per tool and seat type with the day they apply from, and the rates of usage-based cost. The "
                + "Seats and cost screen uses them for every day of a seat. Every change is recorded in the audit log."),
        new H2("Currency and usage-based rates"),
        rates,
        saveRates,
        new H2("Price list"),
        priceForm,
        add,
        grid);
  }

  private void show(CostSettings s) {
    currency.setValue(s.currency());
    kiro.setValue(s.kiroCreditPrice());
    copilot.setValue(s.copilotCreditPrice());
    cursor.setValue(s.cursorRequestPrice());
    usd.setValue(s.usdRate());
  }

  private void saveRates() {
    Map<String, HasValidation> fields =
        Map.of(
            "currency", currency,
            "kiroCreditPrice", kiro,
            "copilotCreditPrice", copilot,
            "cursorRequestPrice", cursor,
            "usdRate", usd);
    fields.values().forEach(f -> f.setInvalid(false));
    try {
      show(
          costs.updateCostSettings(
              new CostSettings(
                  currency.getValue(),
                  kiro.getValue(),
                  copilot.getValue(),
                  cursor.getValue(),
                  usd.getValue())));
      Notifications.success("Cost settings saved");
    } catch (ValidationException problem) {
      mark(problem, fields);
    }
  }

  private void savePrice() {
    Map<String, HasValidation> fields =
        Map.of("tool", tool, "seatType", seatType, "validFrom", validFrom, "monthlyPrice", price);
    fields.values().forEach(f -> f.setInvalid(false));
    try {
      costs.savePrice(tool.getValue(), seatType.getValue(), validFrom.getValue(), price.getValue());
      refreshPrices();
      price.clear();
      Notifications.success("Price saved");
    } catch (ValidationException problem) {
      mark(problem, fields);
    }
  }

  private static void mark(ValidationException problem, Map<String, HasValidation> fields) {
    problem
        .problems()
        .forEach(
            p -> {
              HasValidation field = fields.get(p.field());
              if (field != null) {
                field.setErrorMessage(p.message());
                field.setInvalid(true);
              }
            });
  }

  private void refreshPrices() {
    grid.setItems(costs.prices());
  }
}

package dev.tandem.alerts.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.BigDecimalField;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import dev.tandem.alerts.AlertChannelService;
import dev.tandem.alerts.AlertService;
import dev.tandem.alerts.Channel;
import dev.tandem.alerts.ChannelStatus;
import dev.tandem.alerts.Delivery;
import dev.tandem.alerts.RuleSetting;
import dev.tandem.base.ValidationException;
import dev.tandem.base.ui.Notifications;
import jakarta.annotation.security.RolesAllowed;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Optional;

/** Alert rules on and off with their thresholds, the channels and whether they fail, deliveries. */
@Route("admin/alerts")
@PageTitle("Alerts · Tandem")
@Menu(title = "Alerts", order = 55, icon = "vaadin:bell")
@RolesAllowed("ADMIN")
public class AlertsView extends VerticalLayout {

  private static final DateTimeFormatter WHEN =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'").withZone(ZoneOffset.UTC);

  private final AlertService alerts;
  private final AlertChannelService channelAdmin;
  private final Grid<RuleSetting> rules = new Grid<>();
  private final Grid<ChannelStatus> channels = new Grid<>();
  private final Grid<Delivery> deliveries = new Grid<>();
  private java.util.Map<String, Channel> webhooks = java.util.Map.of();

  AlertsView(AlertService alerts, AlertChannelService channelAdmin) {
    this.alerts = alerts;
    this.channelAdmin = channelAdmin;
    addClassName("tandem-page");
    Paragraph explainer =
        new Paragraph(
            "Each alert fires once per condition and week, to the people whose scope it concerns, "
                + "with only what their own screens show them. "
                + alerts.scheduleDescription());
    explainer.addClassName("tandem-explainer");
    Button evaluate =
        new Button(
            "Evaluate rules now",
            e -> {
              int fired = alerts.evaluateNow();
              Notifications.success(fired + (fired == 1 ? " alert" : " alerts") + " fired");
              refresh();
            });
    evaluate.setId("alerts-evaluate");
    Button digest =
        new Button(
            "Send this week's digest now",
            e -> {
              int sent = alerts.sendDigestNow();
              Notifications.success(sent + (sent == 1 ? " digest" : " digests") + " sent");
              refresh();
            });
    digest.setId("alerts-digest");
    add(
        new H1("Alerts"),
        explainer,
        new HorizontalLayout(evaluate, digest),
        new H2("Rules"),
        rulesGrid(),
        new H2("Channels"),
        channelsGrid(),
        newWebhook(),
        new H2("Delivery log"),
        deliveriesGrid());
    refresh();
  }

  private Grid<RuleSetting> rulesGrid() {
    rules.setId("alerts-rules");
    rules.setAllRowsVisible(true);
    rules
        .addComponentColumn(
            r -> {
              Checkbox on = new Checkbox(r.enabled());
              on.setAriaLabel("On: " + r.rule().label());
              on.setId("rule-on-" + r.rule().key());
              on.addValueChangeListener(e -> save(r, e.getValue(), r.threshold()));
              return on;
            })
        .setKey("on")
        .setHeader("On")
        .setAutoWidth(true)
        .setFlexGrow(0);
    rules.addColumn(r -> r.rule().label()).setHeader("Rule").setFlexGrow(1);
    rules
        .addComponentColumn(
            r -> {
              BigDecimalField threshold = new BigDecimalField();
              // 3, 12, 0.3 rather than the column's 3.000
              threshold.setValue(
                  new java.math.BigDecimal(r.threshold().stripTrailingZeros().toPlainString()));
              threshold.setVisible(!r.rule().thresholdUnused());
              threshold.setAriaLabel("Threshold: " + r.rule().label());
              threshold.setHelperText(r.rule().thresholdMeaning());
              threshold.addValueChangeListener(e -> save(r, r.enabled(), e.getValue()));
              return threshold;
            })
        .setHeader("Threshold")
        .setWidth("14rem")
        .setFlexGrow(0);
    return rules;
  }

  private void save(RuleSetting r, boolean enabled, java.math.BigDecimal threshold) {
    try {
      alerts.updateRule(r.rule(), enabled, threshold);
      Notifications.success("Saved: " + r.rule().label());
    } catch (ValidationException ex) {
      Notifications.error(ex.getMessage());
    }
    refresh();
  }

  private Grid<ChannelStatus> channelsGrid() {
    channels.setId("alerts-channels");
    // "off: SPRING_MAIL_HOST is not set" and a failing channel's error are read whole.
    channels.addThemeVariants(com.vaadin.flow.component.grid.GridVariant.LUMO_WRAP_CELL_CONTENT);
    channels.setAllRowsVisible(true);
    channels.addColumn(ChannelStatus::channel).setHeader("Channel").setAutoWidth(true);
    channels.addColumn(ChannelStatus::description).setHeader("Where").setFlexGrow(1);
    channels
        .addComponentColumn(
            s -> {
              Span status =
                  new Span(
                      !s.enabled()
                          ? "off"
                          : s.lastOutcome() == null
                              ? "nothing sent yet"
                              : s.failing() ? "failing: " + s.lastError() : "working");
              status.getElement().getThemeList().add(s.failing() ? "badge error" : "badge");
              return status;
            })
        .setKey("status")
        .setHeader("Status")
        .setFlexGrow(1);
    channels
        .addColumn(s -> s.lastAt() == null ? "" : WHEN.format(s.lastAt()))
        .setHeader("Latest delivery")
        .setAutoWidth(true);
    channels
        .addComponentColumn(
            s ->
                webhook(s)
                    .map(
                        c -> {
                          Button onOff =
                              new Button(
                                  c.enabled() ? "Switch off" : "Switch on",
                                  e -> {
                                    channelAdmin.setChannelEnabled(c.id(), !c.enabled());
                                    refresh();
                                  });
                          Button remove =
                              new Button(
                                  "Remove",
                                  e -> {
                                    channelAdmin.removeChannel(c.id());
                                    refresh();
                                  });
                          remove.addThemeVariants(ButtonVariant.LUMO_ERROR);
                          Checkbox alertsOn = new Checkbox("Alerts", c.alerts());
                          Checkbox digestOn = new Checkbox("Digest", c.digest());
                          alertsOn.setAriaLabel("Alerts to " + c.name());
                          digestOn.setAriaLabel("Weekly digest to " + c.name());
                          alertsOn.addValueChangeListener(
                              e -> receives(c, e.getValue(), digestOn.getValue()));
                          digestOn.addValueChangeListener(
                              e -> receives(c, alertsOn.getValue(), e.getValue()));
                          return new HorizontalLayout(alertsOn, digestOn, onOff, remove);
                        })
                    .orElseGet(HorizontalLayout::new))
        .setHeader("Actions")
        .setAutoWidth(true);
    return channels;
  }

  private void receives(Channel c, boolean alertsOn, boolean digestOn) {
    try {
      channelAdmin.setChannelReceives(c.id(), alertsOn, digestOn);
      Notifications.success("Saved: " + c.name());
    } catch (ValidationException ex) {
      Notifications.error(ex.getMessage());
    }
    refresh();
  }

  private Optional<Channel> webhook(ChannelStatus s) {
    return Optional.ofNullable(webhooks.get(s.channel()));
  }

  private HorizontalLayout newWebhook() {
    TextField name = new TextField("Name");
    ComboBox<String> kind = new ComboBox<>("Payload");
    kind.setItems("webhook", "slack");
    kind.setItemLabelGenerator(
        k -> k.equals("slack") ? "Slack incoming webhook" : "JSON signed with HMAC-SHA256");
    kind.setValue("webhook");
    TextField url = new TextField("URL");
    url.setWidth("24rem");
    PasswordField secret = new PasswordField("Signing secret");
    secret.setHelperText(
        "At least 16 characters; header X-Tandem-Signature: sha256=<hex>. Stored encrypted, never"
            + " shown again.");
    Checkbox alertsOn = new Checkbox("Alerts", true);
    Checkbox digestOn = new Checkbox("Weekly digest", true);
    Button add =
        new Button(
            "Add webhook",
            e -> {
              try {
                channelAdmin.addWebhook(
                    name.getValue(),
                    kind.getValue(),
                    url.getValue(),
                    secret.getValue(),
                    alertsOn.getValue(),
                    digestOn.getValue());
                name.clear();
                url.clear();
                secret.clear();
                Notifications.success("Webhook added");
                refresh();
              } catch (ValidationException ex) {
                Notifications.error(ex.getMessage());
              }
            });
    add.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
    kind.addValueChangeListener(e -> secret.setVisible(!"slack".equals(e.getValue())));
    HorizontalLayout form = new HorizontalLayout(name, kind, url, secret, alertsOn, digestOn, add);
    form.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
    form.setWrap(true);
    form.setId("alerts-new-webhook");
    return form;
  }

  private Grid<Delivery> deliveriesGrid() {
    deliveries.setId("alerts-deliveries");
    deliveries.addColumn(d -> WHEN.format(d.deliveredAt())).setHeader("When").setAutoWidth(true);
    deliveries.addColumn(Delivery::channel).setHeader("Channel").setAutoWidth(true);
    deliveries.addColumn(Delivery::recipient).setHeader("To").setAutoWidth(true);
    deliveries.addColumn(Delivery::subject).setHeader("Subject").setFlexGrow(1);
    deliveries.addColumn(Delivery::attempts).setHeader("Attempts").setAutoWidth(true);
    deliveries
        .addColumn(d -> d.failed() ? "failed: " + d.error() : "sent")
        .setHeader("Outcome")
        .setFlexGrow(1);
    deliveries.setHeight("24rem");
    return deliveries;
  }

  private void refresh() {
    rules.setItems(alerts.rules());
    webhooks =
        channelAdmin.channels().stream()
            .collect(java.util.stream.Collectors.toMap(Channel::logKey, c -> c));
    channels.setItems(channelAdmin.channelStatuses());
    deliveries.setItems(alerts.deliveries(200));
  }
}

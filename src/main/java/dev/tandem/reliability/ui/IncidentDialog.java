package dev.tandem.reliability.ui;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datetimepicker.DateTimePicker;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import dev.tandem.base.AiInvolvement;
import dev.tandem.base.RootCause;
import dev.tandem.base.Severity;
import dev.tandem.base.ValidationException;
import dev.tandem.base.ui.Notifications;
import dev.tandem.reliability.Incident;
import dev.tandem.reliability.IncidentService;
import dev.tandem.roster.Team;
import dev.tandem.tools.Tool;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Create or edit an incident. The service validates; problems appear on the fields they concern.
 * Times are entered in the organisation's zone.
 */
class IncidentDialog extends Dialog {

  private final TextField externalId = new TextField("Incident id");
  private final TextField title = new TextField("Title");
  private final Select<Severity> severity = new Select<>();
  private final TextField status = new TextField("Status");
  private final DateTimePicker startedAt = new DateTimePicker("Started");
  private final DateTimePicker resolvedAt = new DateTimePicker("Resolved");
  private final TextField service = new TextField("Service");
  private final ComboBox<Team> team = new ComboBox<>("Owning team");
  private final Select<AiInvolvement> involvement = new Select<>();
  private final ComboBox<Tool> tool = new ComboBox<>("Tool");
  private final ComboBox<RootCause> rootCause = new ComboBox<>("Root cause");
  private final Select<Boolean> peerReviewed = yesNo("Peer-reviewed");
  private final Select<Boolean> approvalRequired = yesNo("Approval required");
  private final Select<Boolean> permissionsExceeded = yesNo("Permissions exceeded");
  private final Select<Boolean> customerImpact = yesNo("Customer impact");
  private final TextField postmortemUrl = new TextField("Postmortem URL");

  IncidentDialog(
      IncidentService incidents,
      List<Team> teams,
      List<Tool> tools,
      ZoneId zone,
      Incident existing,
      Consumer<Incident> onSaved) {
    setHeaderTitle(existing == null ? "New incident" : "Edit " + existing.externalId());
    // The columns' sizes (db/migration V5); the service checks them again.
    externalId.setMaxLength(100);
    title.setMaxLength(500);
    status.setMaxLength(30);
    service.setMaxLength(200);
    postmortemUrl.setMaxLength(1000);
    setWidth("min(56rem, 95vw)");
    severity.setLabel("Severity");
    severity.setItems(Severity.values());
    severity.setItemLabelGenerator(Severity::label);
    involvement.setLabel("AI involvement");
    involvement.setItems(AiInvolvement.values());
    involvement.setItemLabelGenerator(AiInvolvement::label);
    involvement.setHelperText("assisted: AI-written change, human-run; agent: an AI agent acted");
    tool.setItems(tools);
    tool.setItemLabelGenerator(Tool::name);
    tool.setHelperText("Required exactly when AI was involved (assisted or agent)");
    involvement.addValueChangeListener(e -> toolFollowsInvolvement());
    team.setItems(teams);
    team.setItemLabelGenerator(Team::name);
    team.setClearButtonVisible(true);
    rootCause.setItems(RootCause.values());
    rootCause.setItemLabelGenerator(RootCause::label);
    rootCause.setClearButtonVisible(true);
    postmortemUrl.setPlaceholder("https://…");
    for (var required : List.of(externalId, title)) {
      required.setRequiredIndicatorVisible(true);
    }
    severity.setRequiredIndicatorVisible(true);
    startedAt.setRequiredIndicatorVisible(true);
    involvement.setRequiredIndicatorVisible(true);
    startedAt.setHelperText("Time zone " + zone.getId());

    if (existing == null) {
      severity.setValue(Severity.SEV3);
      involvement.setValue(AiInvolvement.UNKNOWN);
    } else {
      externalId.setValue(existing.externalId());
      externalId.setReadOnly(!Incident.MANUAL_SOURCE.equals(existing.source()));
      title.setValue(existing.title());
      severity.setValue(existing.severity());
      status.setValue(orEmpty(existing.status()));
      startedAt.setValue(existing.startedAt().atZoneSameInstant(zone).toLocalDateTime());
      if (existing.resolvedAt() != null) {
        resolvedAt.setValue(existing.resolvedAt().atZoneSameInstant(zone).toLocalDateTime());
      }
      service.setValue(orEmpty(existing.service()));
      teams.stream()
          .filter(t -> t.id().equals(existing.teamId()))
          .findFirst()
          .ifPresent(team::setValue);
      involvement.setValue(existing.aiInvolvement());
      tools.stream()
          .filter(t -> t.key().equals(existing.tool()))
          .findFirst()
          .ifPresent(tool::setValue);
      rootCause.setValue(existing.rootCause());
      peerReviewed.setValue(existing.peerReviewed());
      approvalRequired.setValue(existing.approvalRequired());
      permissionsExceeded.setValue(existing.permissionsExceeded());
      customerImpact.setValue(existing.customerImpact());
      postmortemUrl.setValue(orEmpty(existing.postmortemUrl()));
    }
    toolFollowsInvolvement();
    FormLayout form =
        new FormLayout(
            externalId,
            title,
            severity,
            status,
            startedAt,
            resolvedAt,
            service,
            team,
            involvement,
            tool,
            rootCause,
            postmortemUrl,
            peerReviewed,
            approvalRequired,
            permissionsExceeded,
            customerImpact);
    form.setColspan(title, 2);
    add(form);

    Button save =
        new Button(
            "Save",
            e -> {
              try {
                Incident saved = incidents.save(read(existing, zone));
                Notifications.success("Saved " + saved.externalId());
                onSaved.accept(saved);
                close();
              } catch (ValidationException problem) {
                show(problem);
              }
            });
    save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
    save.addClickShortcut(Key.ENTER);
    getFooter().add(new Button("Cancel", e -> close()), save);
  }

  private Incident read(Incident existing, ZoneId zone) {
    return Incident.builder()
        .id(existing == null ? null : existing.id())
        .source(existing == null ? null : existing.source())
        .externalId(externalId.getValue())
        .title(title.getValue())
        .severity(severity.getValue())
        .status(status.getValue())
        .startedAt(at(startedAt, zone))
        .resolvedAt(at(resolvedAt, zone))
        .service(service.getValue())
        .teamId(team.getValue() == null ? null : team.getValue().id())
        .aiInvolvement(involvement.getValue())
        .tool(tool.getValue() == null ? null : tool.getValue().key())
        .rootCause(rootCause.getValue())
        .peerReviewed(peerReviewed.getValue())
        .approvalRequired(approvalRequired.getValue())
        .permissionsExceeded(permissionsExceeded.getValue())
        .customerImpact(customerImpact.getValue())
        .postmortemUrl(postmortemUrl.getValue())
        .build();
  }

  private void toolFollowsInvolvement() {
    boolean ai = involvement.getValue() != null && involvement.getValue().aiInvolved();
    tool.setEnabled(ai);
    tool.setRequiredIndicatorVisible(ai);
    if (!ai) {
      tool.clear();
    }
  }

  private void show(ValidationException problem) {
    Map<String, HasValidation> fields = new HashMap<>();
    fields.put("externalId", externalId);
    fields.put("title", title);
    fields.put("severity", severity);
    fields.put("startedAt", startedAt);
    fields.put("resolvedAt", resolvedAt);
    fields.put("team", team);
    fields.put("aiInvolvement", involvement);
    fields.put("tool", tool);
    fields.put("rootCause", rootCause);
    fields.put("postmortemUrl", postmortemUrl);
    fields.put("service", service);
    fields.put("status", status);
    fields.values().forEach(f -> f.setInvalid(false));
    for (ValidationException.FieldProblem p : problem.problems()) {
      HasValidation field = fields.get(p.field());
      if (field != null) {
        field.setErrorMessage(p.message());
        field.setInvalid(true);
      } else {
        Notifications.error(p.field() + ": " + p.message());
      }
    }
  }

  static Select<Boolean> yesNo(String label) {
    Select<Boolean> select = new Select<>();
    select.setLabel(label);
    select.setItems(true, false);
    select.setEmptySelectionAllowed(true);
    select.setEmptySelectionCaption("not recorded");
    select.setItemLabelGenerator(b -> b == null ? "not recorded" : b ? "yes" : "no");
    return select;
  }

  private static OffsetDateTime at(DateTimePicker picker, ZoneId zone) {
    return picker.getValue() == null ? null : picker.getValue().atZone(zone).toOffsetDateTime();
  }

  private static String orEmpty(String s) {
    return s == null ? "" : s;
  }
}

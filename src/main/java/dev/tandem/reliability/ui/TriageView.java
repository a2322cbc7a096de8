package dev.tandem.reliability.ui;

import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.KeyModifier;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import dev.tandem.base.AiInvolvement;
import dev.tandem.base.RootCause;
import dev.tandem.base.ValidationException;
import dev.tandem.base.ui.Notifications;
import dev.tandem.reliability.Incident;
import dev.tandem.reliability.IncidentService;
import dev.tandem.reliability.Triage;
import dev.tandem.settings.SettingsService;
import dev.tandem.tools.Tool;
import dev.tandem.tools.ToolService;
import jakarta.annotation.security.RolesAllowed;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * The triage queue: unknown incidents one after another, oldest first; a reviewer sets AI
 * involvement, tool, root cause and safeguards and moves on with "Save and next" (Ctrl+Enter).
 */
@Route("incidents/triage")
@PageTitle("Triage · Tandem")
@RolesAllowed("ADMIN")
public class TriageView extends VerticalLayout {

  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

  private final IncidentService incidents;

  /** Team names by key: the details name the owning team, not its key. */
  private final java.util.Map<String, String> teamNames;

  private final ZoneId zone;
  private final Grid<Incident> queue = new Grid<>(Incident.class, false);
  private final H2 current = new H2();
  private final Paragraph details = new Paragraph();
  private final RadioButtonGroup<AiInvolvement> involvement =
      new RadioButtonGroup<>("AI involvement");
  private final RadioButtonGroup<Tool> tool = new RadioButtonGroup<>("Tool");
  private final RadioButtonGroup<RootCause> rootCause = new RadioButtonGroup<>("Root cause");
  private final Select<Boolean> peerReviewed = IncidentDialog.yesNo("Peer-reviewed");
  private final Select<Boolean> approvalRequired = IncidentDialog.yesNo("Approval required");
  private final Select<Boolean> permissionsExceeded = IncidentDialog.yesNo("Permissions exceeded");
  private final VerticalLayout form = new VerticalLayout();
  private final Paragraph empty = new Paragraph("Nothing to triage: every incident is classified.");
  private List<Incident> items = new ArrayList<>();

  TriageView(IncidentService incidents, ToolService tools, SettingsService settings) {
    this.incidents = incidents;
    this.zone = settings.current().zone();
    this.teamNames =
        incidents.teamChoices().stream()
            .collect(
                java.util.stream.Collectors.toMap(
                    dev.tandem.roster.Team::key, dev.tandem.roster.Team::name, (a, b) -> a));
    addClassName("tandem-page");
    setSizeFull();
    Paragraph explainer =
        new Paragraph(
            "Incidents whose AI involvement is unknown count in neither group of the comparison."
                + " Classify them here; every change is audited.");
    explainer.addClassName("tandem-explainer");

    queue.setId("triage-queue");
    queue.addThemeVariants(GridVariant.LUMO_COMPACT);
    queue
        .addColumn(i -> i.startedAt().atZoneSameInstant(zone).format(TIME))
        .setHeader("Started")
        .setAutoWidth(true);
    queue.addColumn(Incident::externalId).setHeader("Id").setAutoWidth(true);
    queue.addColumn(Incident::title).setHeader("Title").setFlexGrow(1);
    queue.setWidth("32rem");
    queue.setHeightFull();
    queue.addSelectionListener(e -> e.getFirstSelectedItem().ifPresent(this::load));

    involvement.setId("triage-involvement");
    involvement.setItems(AiInvolvement.NONE, AiInvolvement.ASSISTED, AiInvolvement.AGENT);
    involvement.setItemLabelGenerator(AiInvolvement::label);
    involvement.addValueChangeListener(e -> toolFollowsInvolvement());
    tool.setId("triage-tool");
    tool.setItems(tools.tools().stream().filter(Tool::active).toList());
    tool.setItemLabelGenerator(Tool::name);
    rootCause.setId("triage-root-cause");
    rootCause.setItems(RootCause.values());
    rootCause.setItemLabelGenerator(RootCause::label);
    Button save = new Button("Save and next", e -> save());
    save.setId("triage-save");
    save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
    save.addClickShortcut(Key.ENTER, KeyModifier.CONTROL);
    Button skip = new Button("Skip", e -> next(queue.asSingleSelect().getValue()));
    form.add(
        current,
        details,
        involvement,
        tool,
        rootCause,
        new HorizontalLayout(peerReviewed, approvalRequired, permissionsExceeded),
        new HorizontalLayout(save, skip));
    form.setPadding(false);

    HorizontalLayout body = new HorizontalLayout(queue, form, empty);
    body.setSizeFull();
    add(new H1("Triage"), explainer, new Anchor("incidents", "Back to all incidents"), body);
    reload();
  }

  private void reload() {
    items = new ArrayList<>(incidents.triageQueue());
    queue.setItems(items);
    boolean any = !items.isEmpty();
    form.setVisible(any);
    empty.setVisible(!any);
    if (any) {
      queue.select(items.get(0));
    }
  }

  private void load(Incident i) {
    current.setText(i.externalId() + " · " + i.severity() + " · " + i.title());
    details.setText(
        "Started "
            + i.startedAt().atZoneSameInstant(zone).format(TIME)
            + (i.service() == null ? "" : " · service " + i.service())
            + (i.teamKey() == null
                ? ""
                : " · team " + teamNames.getOrDefault(i.teamKey(), i.teamKey()))
            + (i.postmortemUrl() == null ? "" : " · postmortem " + i.postmortemUrl()));
    involvement.clear();
    tool.clear();
    rootCause.setValue(i.rootCause());
    peerReviewed.setValue(i.peerReviewed());
    approvalRequired.setValue(i.approvalRequired());
    permissionsExceeded.setValue(i.permissionsExceeded());
    involvement.setInvalid(false);
    tool.setInvalid(false);
    toolFollowsInvolvement();
  }

  private void save() {
    Incident i = queue.asSingleSelect().getValue();
    if (i == null) {
      return;
    }
    if (involvement.getValue() == null) {
      involvement.setErrorMessage("Choose none, assisted or agent");
      involvement.setInvalid(true);
      return;
    }
    try {
      incidents.triage(
          i.id(),
          new Triage(
              involvement.getValue(),
              tool.getValue() == null ? null : tool.getValue().key(),
              rootCause.getValue(),
              peerReviewed.getValue(),
              approvalRequired.getValue(),
              permissionsExceeded.getValue()));
      Notifications.success(i.externalId() + " classified as " + involvement.getValue().label());
      int index = items.indexOf(i);
      items.remove(i);
      queue.setItems(items);
      if (items.isEmpty()) {
        form.setVisible(false);
        empty.setVisible(true);
      } else {
        queue.select(items.get(Math.min(index, items.size() - 1)));
      }
    } catch (ValidationException problem) {
      for (ValidationException.FieldProblem p : problem.problems()) {
        if (p.field().equals("tool")) {
          tool.setErrorMessage(p.message());
          tool.setInvalid(true);
        } else {
          Notifications.error(p.field() + ": " + p.message());
        }
      }
    }
  }

  private void next(Incident i) {
    int index = items.indexOf(i);
    if (!items.isEmpty()) {
      queue.select(items.get((index + 1) % items.size()));
    }
  }

  private void toolFollowsInvolvement() {
    boolean ai = involvement.getValue() != null && involvement.getValue().aiInvolved();
    tool.setEnabled(ai);
    tool.setRequiredIndicatorVisible(ai);
    if (!ai) {
      tool.clear();
      tool.setInvalid(false);
    }
    involvement.setInvalid(false);
  }
}

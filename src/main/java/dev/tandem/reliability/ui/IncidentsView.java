package dev.tandem.reliability.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.provider.SortDirection;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.StreamResource;
import dev.tandem.base.ui.CsvExport;
import dev.tandem.reliability.Incident;
import dev.tandem.reliability.IncidentFilter;
import dev.tandem.reliability.IncidentService;
import dev.tandem.reliability.IncidentSort;
import dev.tandem.reliability.Safeguard;
import dev.tandem.roster.RosterService;
import dev.tandem.roster.Team;
import dev.tandem.security.CurrentUser;
import dev.tandem.security.Role;
import dev.tandem.settings.SettingsService;
import dev.tandem.tools.Tool;
import dev.tandem.tools.ToolService;
import jakarta.annotation.security.PermitAll;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** Every incident, filterable and sortable; admins create, edit and triage them. */
@Route("incidents")
@PageTitle("Incidents · Tandem")
@Menu(title = "Incidents", order = 3, icon = "vaadin:warning")
@PermitAll
public class IncidentsView extends VerticalLayout implements BeforeEnterObserver {

  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

  private final IncidentService incidents;
  private final List<Team> teams;
  private final List<Tool> tools;
  private final ZoneId zone;
  private final Map<String, String> toolNames;
  private final Map<String, String> teamNames;
  private final Grid<Incident> grid = new Grid<>(Incident.class, false);
  private final TextField text = new TextField();
  private final MultiSelectComboBox<String> severity = new MultiSelectComboBox<>("Severity");
  private final MultiSelectComboBox<String> involvement =
      new MultiSelectComboBox<>("AI involvement");
  private final ComboBox<Tool> tool = new ComboBox<>("Tool");
  private final ComboBox<Team> team = new ComboBox<>("Team");
  private final ComboBox<String> rootCause = new ComboBox<>("Root cause");
  private final ComboBox<Safeguard> gap = new ComboBox<>("Safeguard gap");
  private final DatePicker from = new DatePicker("Started from");
  private final DatePicker to = new DatePicker("Started to");
  private final Button triage = new Button();
  private boolean quiet;

  IncidentsView(
      IncidentService incidents,
      RosterService roster,
      ToolService toolService,
      SettingsService settings) {
    this.incidents = incidents;
    this.teams = roster.teams();
    this.tools = toolService.tools();
    this.zone = settings.current().zone();
    this.toolNames =
        tools.stream()
            .collect(java.util.stream.Collectors.toMap(Tool::key, Tool::name, (a, b) -> a));
    this.teamNames =
        teams.stream()
            .collect(java.util.stream.Collectors.toMap(Team::key, Team::name, (a, b) -> a));
    addClassName("tandem-page");
    setSizeFull();
    Paragraph explainer =
        new Paragraph(
            "Incidents with their AI involvement (none, assisted, agent or unknown), tool, root cause"
                + " and safeguards. Times in "
                + zone.getId()
                + ". Unknown incidents count in"
                + " neither group of the Reliability comparison until they are triaged.");
    explainer.addClassName("tandem-explainer");

    text.setPlaceholder("Search title, service or id");
    text.setAriaLabel("Search title, service or id");
    text.setPrefixComponent(VaadinIcon.SEARCH.create());
    text.setValueChangeMode(ValueChangeMode.LAZY);
    text.setClearButtonVisible(true);
    severity.setItems(Incident.SEVERITIES);
    involvement.setItems(Incident.INVOLVEMENTS);
    tool.setItems(tools);
    tool.setItemLabelGenerator(Tool::name);
    team.setItems(incidents.teamChoices());
    team.setItemLabelGenerator(Team::name);
    rootCause.setItems(Incident.ROOT_CAUSES);
    for (var c : List.of(tool, team)) {
      c.setClearButtonVisible(true);
    }
    rootCause.setClearButtonVisible(true);
    severity.setWidth("11rem");
    involvement.setWidth("13rem");
    rootCause.setWidth("11rem");
    gap.setWidth("13rem");
    text.setWidth("16rem");
    gap.setItems(Safeguard.values());
    gap.setItemLabelGenerator(Safeguard::label);
    gap.setClearButtonVisible(true);
    gap.setId("safeguard-gap");
    tool.setId("incident-tool");
    rootCause.setId("incident-root-cause");
    involvement.setId("incident-involvement");
    gap.addValueChangeListener(e -> refresh());
    text.addValueChangeListener(e -> refresh());
    severity.addValueChangeListener(e -> refresh());
    involvement.addValueChangeListener(e -> refresh());
    tool.addValueChangeListener(e -> refresh());
    team.addValueChangeListener(e -> refresh());
    rootCause.addValueChangeListener(e -> refresh());
    from.addValueChangeListener(e -> refresh());
    to.addValueChangeListener(e -> refresh());

    boolean admin = CurrentUser.hasRole(Role.ADMIN);
    Button add = new Button("New incident", VaadinIcon.PLUS.create(), e -> edit(null));
    add.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
    add.setVisible(admin);
    triage.setId("open-triage");
    triage.addClickListener(e -> triage.getUI().ifPresent(ui -> ui.navigate(TriageView.class)));
    triage.setVisible(admin);
    Anchor export = new Anchor(new StreamResource("incidents.csv", this::csv), "Export CSV");
    export.getElement().setAttribute("download", true);

    HorizontalLayout filters =
        new HorizontalLayout(text, severity, involvement, tool, team, rootCause, gap, from, to);
    filters.setWrap(true);
    filters.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
    HorizontalLayout actions = new HorizontalLayout(add, triage, export);
    actions.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);

    grid.setId("incident-grid");
    grid.setMultiSort(true);
    grid.addColumn(i -> time(i.startedAt()))
        .setHeader("Started")
        .setSortProperty("startedAt")
        .setAutoWidth(true);
    grid.addColumn(Incident::externalId)
        .setHeader("Id")
        .setSortProperty("externalId")
        .setAutoWidth(true);
    grid.addColumn(Incident::severity)
        .setHeader("Severity")
        .setSortProperty("severity")
        .setWidth("7rem")
        .setFlexGrow(0);
    grid.addColumn(Incident::title)
        .setHeader("Title")
        .setSortProperty("title")
        .setWidth("18rem")
        .setFlexGrow(1)
        .setTooltipGenerator(Incident::title);
    grid.addColumn(Incident::aiInvolvement)
        .setHeader("AI involvement")
        .setSortProperty("aiInvolvement")
        .setWidth("9.5rem")
        .setFlexGrow(0);
    grid.addColumn(i -> name(toolNames, i.tool()))
        .setHeader("Tool")
        .setSortProperty("tool")
        .setAutoWidth(true);
    grid.addColumn(i -> name(teamNames, i.teamKey()))
        .setHeader("Team")
        .setSortProperty("team")
        .setAutoWidth(true);
    grid.addColumn(i -> Objects.toString(i.rootCause(), ""))
        .setHeader("Root cause")
        .setSortProperty("rootCause")
        .setAutoWidth(true);
    grid.addColumn(i -> time(i.resolvedAt()))
        .setHeader("Resolved")
        .setSortProperty("resolvedAt")
        .setAutoWidth(true);
    grid.addItemDoubleClickListener(e -> edit(e.getItem()));
    grid.setEmptyStateText(
        "No incidents match. Import incidents on the Data screen or create one.");
    grid.setSizeFull();

    add(new H1("Incidents"), explainer, filters, actions, grid);
    refresh();
  }

  IncidentFilter filter() {
    return new IncidentFilter(
        text.getValue(),
        severity.getValue(),
        involvement.getValue(),
        tool.getValue() == null ? null : tool.getValue().key(),
        team.getValue() == null ? null : team.getValue().key(),
        rootCause.getValue(),
        from.getValue(),
        to.getValue(),
        gap.getValue());
  }

  /**
   * Filters given in the URL, as the Reliability screen's safeguard cells link them: {@code
   * involvement} (repeatable), {@code tool}, {@code team}, {@code from}/{@code to} (days), {@code
   * gap} (a safeguard key) and {@code cause} (a root cause).
   */
  @Override
  public void beforeEnter(BeforeEnterEvent event) {
    Map<String, List<String>> p = event.getLocation().getQueryParameters().getParameters();
    if (p.isEmpty()) {
      return;
    }
    quiet = true;
    try {
      involvement.setValue(
          p.getOrDefault("involvement", List.of()).stream()
              .filter(Incident.INVOLVEMENTS::contains)
              .collect(java.util.stream.Collectors.toSet()));
      tool.setValue(
          first(p, "tool")
              .flatMap(k -> tools.stream().filter(t -> t.key().equals(k)).findFirst())
              .orElse(null));
      team.setValue(
          first(p, "team")
              .flatMap(
                  k -> incidents.teamChoices().stream().filter(t -> t.key().equals(k)).findFirst())
              .orElse(null));
      gap.setValue(first(p, "gap").flatMap(Safeguard::fromKey).orElse(null));
      rootCause.setValue(first(p, "cause").filter(Incident.ROOT_CAUSES::contains).orElse(null));
      from.setValue(first(p, "from").flatMap(IncidentsView::day).orElse(null));
      to.setValue(first(p, "to").flatMap(IncidentsView::day).orElse(null));
    } finally {
      quiet = false;
    }
    refresh();
  }

  private static java.util.Optional<String> first(Map<String, List<String>> p, String name) {
    return p.getOrDefault(name, List.of()).stream().findFirst();
  }

  private static java.util.Optional<LocalDate> day(String text) {
    try {
      return java.util.Optional.of(LocalDate.parse(text));
    } catch (java.time.format.DateTimeParseException e) {
      return java.util.Optional.empty();
    }
  }

  private void refresh() {
    if (quiet) {
      return;
    }
    IncidentFilter filter = filter();
    grid.setItems(
        q ->
            incidents
                .incidents(
                    filter,
                    q.getSortOrders().stream()
                        .map(
                            o ->
                                new IncidentSort(
                                    o.getSorted(), o.getDirection() == SortDirection.ASCENDING))
                        .toList(),
                    q.getOffset(),
                    q.getLimit())
                .stream(),
        q -> incidents.countIncidents(filter));
    if (CurrentUser.hasRole(Role.ADMIN)) {
      int unknown = incidents.countIncidents(IncidentFilter.unclassified());
      triage.setText("Triage unknown (" + unknown + ")");
      triage.setEnabled(unknown > 0);
    }
  }

  private void edit(Incident incident) {
    if (!CurrentUser.hasRole(Role.ADMIN)) {
      return;
    }
    new IncidentDialog(incidents, teams, tools, zone, incident, saved -> refresh()).open();
  }

  /** Names as on every other screen (keys stay in the CSV export); looked up once per cell. */
  private static String name(Map<String, String> names, String key) {
    return key == null ? "" : names.getOrDefault(key, key);
  }

  private String time(OffsetDateTime t) {
    return t == null ? "" : t.atZoneSameInstant(zone).format(TIME);
  }

  private ByteArrayInputStream csv() {
    List<List<String>> rows =
        incidents
            .incidents(
                filter(), List.of(new IncidentSort("startedAt", false)), 0, Integer.MAX_VALUE)
            .stream()
            .map(
                i ->
                    List.of(
                        i.source(),
                        i.externalId(),
                        i.title(),
                        i.severity(),
                        time(i.startedAt()),
                        time(i.resolvedAt()),
                        Objects.toString(i.service(), ""),
                        Objects.toString(i.teamKey(), ""),
                        i.aiInvolvement(),
                        Objects.toString(i.tool(), ""),
                        Objects.toString(i.rootCause(), ""),
                        Objects.toString(i.peerReviewed(), ""),
                        Objects.toString(i.approvalRequired(), ""),
                        Objects.toString(i.permissionsExceeded(), ""),
                        Objects.toString(i.customerImpact(), ""),
                        Objects.toString(i.postmortemUrl(), "")))
            .toList();
    String csv =
        CsvExport.toCsv(
            List.of(
                "source",
                "external_id",
                "title",
                "severity",
                "started_at",
                "resolved_at",
                "service",
                "team",
                "ai_involvement",
                "tool",
                "root_cause",
                "peer_reviewed",
                "approval_required",
                "permissions_exceeded",
                "customer_impact",
                "postmortem_url"),
            rows);
    return new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8));
  }
}

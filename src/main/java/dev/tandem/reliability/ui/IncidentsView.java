package dev.tandem.reliability.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.data.provider.SortDirection;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.StreamResource;
import dev.tandem.reliability.Incident;
import dev.tandem.reliability.IncidentFilter;
import dev.tandem.reliability.IncidentService;
import dev.tandem.reliability.IncidentSort;
import dev.tandem.roster.RosterService;
import dev.tandem.roster.Team;
import dev.tandem.security.CurrentUser;
import dev.tandem.security.Role;
import dev.tandem.settings.SettingsService;
import dev.tandem.tools.Tool;
import dev.tandem.tools.ToolService;
import jakarta.annotation.security.PermitAll;
import java.io.ByteArrayInputStream;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;

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
  private final IncidentFilterBar filters;
  private final Button triage = new Button();

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

    filters = new IncidentFilterBar(tools, incidents.teamChoices(), this::refresh);

    boolean admin = CurrentUser.hasRole(Role.ADMIN);
    Button add = new Button("New incident", VaadinIcon.PLUS.create(), e -> edit(null));
    add.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
    add.setVisible(admin);
    triage.setId("open-triage");
    triage.addClickListener(e -> triage.getUI().ifPresent(ui -> ui.navigate(TriageView.class)));
    triage.setVisible(admin);
    Anchor export = new Anchor(new StreamResource("incidents.csv", this::csv), "Export CSV");
    export.getElement().setAttribute("download", true);

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
    grid.addColumn(i -> i.severity().label())
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
    grid.addColumn(i -> i.aiInvolvement().label())
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
    grid.addColumn(i -> i.rootCause() == null ? "" : i.rootCause().label())
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
    return filters.filter();
  }

  /** Filters given in the URL, as the Reliability screen links them ({@link IncidentFilterBar}). */
  @Override
  public void beforeEnter(BeforeEnterEvent event) {
    Map<String, List<String>> p = event.getLocation().getQueryParameters().getParameters();
    if (!p.isEmpty()) {
      filters.apply(p);
    }
  }

  private void refresh() {
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
    return IncidentsCsv.of(
        incidents.incidents(
            filter(), List.of(new IncidentSort("startedAt", false)), 0, Integer.MAX_VALUE),
        this::time);
  }
}

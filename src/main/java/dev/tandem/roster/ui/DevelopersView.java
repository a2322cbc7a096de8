package dev.tandem.roster.ui;

import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.StreamResource;
import dev.tandem.base.ReportingPeriod;
import dev.tandem.base.Scope;
import dev.tandem.base.ui.CsvExport;
import dev.tandem.base.ui.chart.ChartSpec;
import dev.tandem.base.ui.chart.EChart;
import dev.tandem.roster.Developer;
import dev.tandem.roster.DeveloperFilter;
import dev.tandem.roster.RosterService;
import dev.tandem.roster.Team;
import dev.tandem.roster.WeeklyCount;
import dev.tandem.settings.SettingsService;
import jakarta.annotation.security.RolesAllowed;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Objects;

/**
 * The roster: who is counted, in which team, from when to when, with the weekly headcount it
 * produces.
 */
@Route("roster")
@PageTitle("Roster · Tandem")
@Menu(title = "Roster", order = 10, icon = "vaadin:users")
@RolesAllowed({"ADMIN", "MANAGER"})
public class DevelopersView extends VerticalLayout {

  private final RosterService roster;
  private final Grid<Developer> grid = new Grid<>(Developer.class, false);
  private final TextField search = new TextField();
  private final ComboBox<Team> team = new ComboBox<>("Team");
  private final EChart headcountChart = new EChart("Headcount per week");
  private final Clock clock;
  private final SettingsService settings;

  DevelopersView(RosterService roster, SettingsService settings, Clock clock) {
    this.roster = roster;
    this.settings = settings;
    this.clock = clock;
    addClassName("tandem-page");
    setSizeFull();

    Paragraph explainer =
        new Paragraph(
            "Headcount counts developers on the roster in a week: started on or before its Sunday, "
                + "not left before its Monday, and not excluded.");
    explainer.addClassName("tandem-explainer");

    search.setPlaceholder("Search name or email");
    search.setPrefixComponent(VaadinIcon.SEARCH.create());
    search.setValueChangeMode(ValueChangeMode.LAZY);
    search.setClearButtonVisible(true);
    search.setAriaLabel("Search name or email");
    search.addValueChangeListener(e -> refresh());

    // Only teams whose developers the viewer may see; a manager opens on their own team and cannot
    // clear it to the whole organisation (the service refuses anything else anyway).
    List<Team> teams = roster.rosterTeams();
    team.setId("roster-team");
    team.setItems(teams);
    team.setItemLabelGenerator(Team::name);
    Scope opening = roster.rosterScope(Scope.ORGANISATION);
    boolean wholeOrganisation = opening.organisation();
    team.setClearButtonVisible(wholeOrganisation);
    team.setPlaceholder(wholeOrganisation ? "Whole organisation" : "");
    teams.stream()
        .filter(t -> Scope.team(t.key()).equals(opening))
        .findFirst()
        .ifPresent(team::setValue);
    team.addValueChangeListener(e -> refresh());

    Button add = new Button("Add developer", VaadinIcon.PLUS.create(), e -> edit(null));
    add.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
    add.addClickShortcut(Key.KEY_N, com.vaadin.flow.component.KeyModifier.ALT);
    add.setVisible(dev.tandem.security.CurrentUser.hasRole(dev.tandem.security.Role.ADMIN));
    Anchor export = new Anchor(new StreamResource("roster.csv", this::csv), "Export CSV");
    export.setId("roster-export");
    export.getElement().setAttribute("download", true);

    HorizontalLayout toolbar = new HorizontalLayout(search, team, add, export);
    toolbar.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
    toolbar.setWidthFull();
    toolbar.setWrap(true);

    grid.setId("roster-grid");
    grid.addColumn(Developer::name).setHeader("Name").setAutoWidth(true).setFrozen(true);
    grid.addColumn(Developer::email).setHeader("Email").setAutoWidth(true);
    java.util.Map<String, String> teamNames = new java.util.HashMap<>();
    teams.forEach(t -> teamNames.put(t.key(), t.name()));
    grid.addColumn(d -> teamNames.getOrDefault(d.teamKey(), d.teamKey()))
        .setHeader("Team")
        .setAutoWidth(true);
    grid.addColumn(Developer::startedOn).setHeader("Started");
    grid.addColumn(d -> d.leftOn() == null ? "" : d.leftOn().toString()).setHeader("Left");
    // Said on every row: an empty cell read as "unknown".
    grid.addColumn(d -> d.excluded() ? "no (excluded)" : "yes")
        .setHeader("Counted")
        .setTooltipGenerator(
            d ->
                d.excluded()
                    ? "Excluded (e.g. not a coder): never in headcount"
                    : "In headcount in the weeks between started and left");
    grid.addItemDoubleClickListener(e -> edit(e.getItem()));
    grid.setEmptyStateText("No developers match. Import a roster on the Data screen or add one.");
    grid.setSizeFull();

    headcountChart.setHeight("260px");
    add(new H1("Roster"), explainer, headcountChart, toolbar, grid);
    refresh();
  }

  private DeveloperFilter filter() {
    return new DeveloperFilter(
        search.getValue(),
        team.getValue() == null ? Scope.ORGANISATION : Scope.team(team.getValue().key()));
  }

  private void refresh() {
    DeveloperFilter filter = filter();
    grid.setItems(
        q -> roster.developers(filter, q.getOffset(), q.getLimit()).stream(),
        q -> roster.countDevelopers(filter));
    List<WeeklyCount> counts =
        roster.weeklyHeadcount(
            filter.scope(), ReportingPeriod.at(clock, settings.current().zone()).defaultRange());
    headcountChart.show(
        ChartSpec.line(
            counts.stream().map(c -> c.week().toString()).toList(),
            List.of(
                new ChartSpec.Series(
                    "Headcount", counts.stream().map(WeeklyCount::count).toList()))));
  }

  private void edit(Developer developer) {
    if (!dev.tandem.security.CurrentUser.hasRole(dev.tandem.security.Role.ADMIN)) {
      return;
    }
    new DeveloperDialog(roster, developer, saved -> refresh()).open();
  }

  ByteArrayInputStream csv() {
    DeveloperFilter filter = filter();
    List<List<String>> rows =
        roster.developers(filter, 0, Integer.MAX_VALUE).stream()
            .map(
                d ->
                    List.of(
                        d.email(),
                        d.name(),
                        d.teamKey(),
                        d.startedOn().toString(),
                        Objects.toString(d.leftOn(), ""),
                        String.valueOf(d.excluded())))
            .toList();
    String csv =
        CsvExport.toCsv(
            List.of("email", "name", "team", "started_on", "left_on", "excluded"), rows);
    return new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8));
  }
}

package dev.tandem.connectors.ui;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import dev.tandem.connectors.ConnectorService;
import dev.tandem.connectors.ConnectorState;
import dev.tandem.settings.SettingsService;
import jakarta.annotation.security.RolesAllowed;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/**
 * The connectors: which collect by themselves, their last run and next run; select one to configure
 * it, test the connection, run it now and read its run history.
 */
@Route("admin/connectors")
@PageTitle("Connectors · Tandem")
@Menu(title = "Connectors", order = 41, icon = "vaadin:connect")
@RolesAllowed("ADMIN")
public class ConnectorsView extends VerticalLayout {

  static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

  private final ConnectorService service;
  private final ZoneId zone;
  private final Grid<ConnectorState> grid = new Grid<>();
  private final VerticalLayout detail = new VerticalLayout();

  ConnectorsView(ConnectorService service, SettingsService settings) {
    this.service = service;
    this.zone = settings.current().zone();
    addClassName("tandem-page");
    setSizeFull();
    Paragraph explainer =
        new Paragraph(
            "Each connector fetches its vendor's data every day and imports it through the same"
                + " pipeline as an upload: one batch per day, named after the connector, which can be"
                + " undone on the Data screen. Secrets are stored encrypted and never shown again.");
    explainer.addClassName("tandem-explainer");
    grid.setId("connector-grid");
    // Long messages (a failed day and why) wrap instead of being cut at the column edge.
    grid.addThemeVariants(com.vaadin.flow.component.grid.GridVariant.LUMO_WRAP_CELL_CONTENT);
    grid.addColumn(ConnectorState::name).setHeader("Connector").setAutoWidth(true);
    grid.addColumn(s -> s.config().enabled() ? "enabled" : "off")
        .setHeader("State")
        .setAutoWidth(true);
    grid.addColumn(s -> when(s.lastRunAt())).setHeader("Last run").setAutoWidth(true);
    grid.addColumn(s -> s.lastOutcome() == null ? "" : s.lastOutcome())
        .setHeader("Outcome")
        .setAutoWidth(true);
    grid.addColumn(s -> s.lastRowsApplied() == null ? "" : s.lastRowsApplied())
        .setHeader("Rows")
        .setAutoWidth(true);
    grid.addColumn(s -> when(s.nextRunAt())).setHeader("Next run").setAutoWidth(true);
    grid.addColumn(s -> s.config().secret().toString()).setHeader("Secret").setAutoWidth(true);
    grid.addColumn(s -> s.problem() == null ? "" : s.problem())
        .setHeader("Needs a look")
        .setFlexGrow(2)
        .setTooltipGenerator(s -> s.problem() == null ? "" : s.problem());
    grid.setAllRowsVisible(true);
    grid.asSingleSelect().addValueChangeListener(e -> show(e.getValue()));
    detail.setPadding(false);
    add(new H1("Connectors"), explainer, grid, detail);
    refresh(null);
  }

  String when(OffsetDateTime t) {
    return t == null ? "" : WHEN.format(t.atZoneSameInstant(zone));
  }

  void refresh(String selectKey) {
    var all = service.connectors();
    grid.setItems(all);
    if (selectKey != null) {
      all.stream().filter(s -> s.key().equals(selectKey)).findFirst().ifPresent(grid::select);
    }
  }

  private void show(ConnectorState state) {
    detail.removeAll();
    if (state == null) {
      return;
    }
    detail.add(
        new ConnectorForm(service, state, () -> refresh(state.key())),
        new RunHistory(service, state.key(), this::when));
  }
}

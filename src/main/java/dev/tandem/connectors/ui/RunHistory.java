package dev.tandem.connectors.ui;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import dev.tandem.connectors.ConnectorRun;
import dev.tandem.connectors.ConnectorService;
import java.time.OffsetDateTime;
import java.util.function.Function;

/** A connector's latest runs, each with the import batches it made (on the Data screen). */
class RunHistory extends VerticalLayout {

  RunHistory(ConnectorService service, String key, Function<OffsetDateTime, String> when) {
    setPadding(false);
    Grid<ConnectorRun> grid = new Grid<>();
    grid.setId("run-history");
    // Long messages (a failed day and why) wrap instead of being cut at the column edge.
    grid.addThemeVariants(com.vaadin.flow.component.grid.GridVariant.LUMO_WRAP_CELL_CONTENT);
    grid.addColumn(r -> when.apply(r.startedAt())).setHeader("Started").setAutoWidth(true);
    grid.addColumn(r -> r.trigger() + " by " + r.startedBy())
        .setHeader("Trigger")
        .setAutoWidth(true);
    grid.addColumn(r -> r.firstDay() + " – " + r.lastDay()).setHeader("Days").setAutoWidth(true);
    grid.addColumn(ConnectorRun::outcome).setHeader("Outcome").setAutoWidth(true);
    grid.addColumn(r -> r.rowsApplied() + " applied, " + r.rowsUnmatched() + " unmatched")
        .setHeader("Rows")
        .setAutoWidth(true);
    grid.addColumn(r -> r.message() == null ? "" : r.message())
        .setHeader("Why")
        .setFlexGrow(3)
        .setTooltipGenerator(r -> r.message() == null ? "" : r.message());
    grid.addComponentColumn(RunHistory::batches).setHeader("Batches").setAutoWidth(true);
    grid.setItems(service.history(key, 50));
    grid.setAllRowsVisible(true);
    add(new H2("Run history"), grid);
  }

  private static com.vaadin.flow.component.Component batches(ConnectorRun run) {
    if (run.batchIds().isEmpty()) {
      return new Span("none");
    }
    String ids = run.batchIds().toString().replaceAll("[\\[\\]]", "");
    return new Anchor("data?tab=history", ids);
  }
}

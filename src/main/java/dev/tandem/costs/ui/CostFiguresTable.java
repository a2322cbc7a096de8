package dev.tandem.costs.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import dev.tandem.base.ui.CsvExport;
import dev.tandem.costs.CostFigures;
import dev.tandem.costs.CostReport;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * A table of cost figures, one row per group (tool, team or month), with its CSV export; hidden
 * figures read "fewer than k developers" in the first column and "suppressed" in the file.
 */
final class CostFiguresTable {

  /** A column of the CSV file: its header and the figure it holds. */
  private record CsvColumn(String header, Function<CostFigures, Object> figure) {}

  private static final List<CsvColumn> CSV_FIGURES =
      List.of(
          new CsvColumn("seats", CostFigures::seats),
          new CsvColumn("active seat holders", CostFigures::activeSeatHolders),
          new CsvColumn("idle seats", CostFigures::idleSeats),
          new CsvColumn("seat cost", CostFigures::seatCost),
          new CsvColumn("usage-based cost", CostFigures::usageCost),
          new CsvColumn("total cost", CostFigures::totalCost),
          new CsvColumn("active developer-months", CostFigures::activeDeveloperMonths),
          new CsvColumn("cost per active developer", CostFigures::costPerActiveDeveloper),
          new CsvColumn("AI user-weeks", CostFigures::aiUserWeeks),
          new CsvColumn("cost per AI user-week", CostFigures::costPerAiUserWeek));

  static final List<String> HEADER =
      Stream.concat(Stream.of("group"), CSV_FIGURES.stream().map(CsvColumn::header)).toList();

  private final CostReport report;
  private final String k;

  CostFiguresTable(CostReport report, String k) {
    this.report = report;
    this.k = k;
  }

  Component section(
      String title, String id, String groupHeader, List<CostReport.Row> rows, String file) {
    Grid<CostReport.Row> grid = new Grid<>();
    grid.setId(id);
    grid.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT, GridVariant.LUMO_COMPACT);
    grid.setAllRowsVisible(true);
    grid.addColumn(CostReport.Row::label).setHeader(groupHeader).setAutoWidth(true).setFlexGrow(1);
    column(grid, "Seats", f -> f.seats(), k, true);
    column(grid, "Active seat holders", f -> f.activeSeatHolders(), k, false);
    column(grid, "Idle seats", f -> f.idleSeats(), k, false);
    column(
        grid, "Seat cost", f -> f.noSeats() ? "no seats imported" : money(f.seatCost()), k, false);
    column(grid, "Usage-based cost", f -> money(f.usageCost()), k, false);
    column(grid, "Total cost", f -> money(f.totalCost()), k, false);
    column(grid, "Cost per active developer", f -> orDash(f.costPerActiveDeveloper()), k, false);
    column(grid, "Cost per AI user-week", f -> orDash(f.costPerAiUserWeek()), k, false);
    grid.setItems(rows);
    Component body;
    if (rows.isEmpty()) {
      body = new Paragraph("Nothing to show for this scope and period.");
    } else {
      body = grid;
    }
    return new Div(
        new H2(title),
        body,
        CsvExport.link(file, HEADER, () -> rows.stream().map(CostFiguresTable::csvRow).toList()));
  }

  private static void column(
      Grid<CostReport.Row> grid,
      String header,
      Function<CostFigures, Object> value,
      String k,
      boolean first) {
    grid.addColumn(
            r ->
                r.figures().suppressed()
                    ? (first ? k : "")
                    : Objects.toString(value.apply(r.figures()), "–"))
        .setHeader(header)
        // Figure columns share the width left by the group column (headers wrap onto two lines),
        // so all eight fit beside it on a laptop screen instead of the last ones scrolling away.
        .setWidth("6em")
        .setFlexGrow(1)
        .setTextAlign(ColumnTextAlign.END);
  }

  static List<String> csvRow(CostReport.Row r) {
    CostFigures f = r.figures();
    List<String> row = new ArrayList<>();
    row.add(r.label());
    for (CsvColumn column : CSV_FIGURES) {
      Object v = f.suppressed() ? "suppressed" : column.figure().apply(f);
      row.add(v == null ? "" : v instanceof BigDecimal b ? b.toPlainString() : v.toString());
    }
    return row;
  }

  private String money(BigDecimal amount) {
    return CostLists.money(report, amount);
  }

  private String orDash(BigDecimal amount) {
    return amount == null ? "–" : money(amount);
  }
}

package dev.tandem.costs.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import dev.tandem.base.Scope;
import dev.tandem.base.ui.CsvExport;
import dev.tandem.costs.CostReport;
import dev.tandem.costs.CostService;
import dev.tandem.costs.ReclaimSeat;
import dev.tandem.costs.UserWithoutSeat;
import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;

/**
 * The one-by-one lists below the cost figures: the seats to reclaim and the developers who use a
 * tool without a seat; where the caller may not see individuals, only their number (or that it is
 * hidden).
 */
final class CostLists {

  private final CostService costs;
  private final CostReport report;
  private final String k;

  /** {@code k}: how a hidden figure reads ("fewer than k developers"). */
  CostLists(CostService costs, CostReport report, String k) {
    this.costs = costs;
    this.report = report;
    this.k = k;
  }

  Component reclaim(Scope scope) {
    Div section = section("costs-reclaim", "Seats to reclaim");
    if (!costs.maySeeIndividuals(scope)) {
      return with(
          section,
          report.leaverSeats() == null
              ? "Seats held by people who have left: " + k + "."
              : report.leaverSeats() + " seats are still held by people who have left.");
    }
    List<ReclaimSeat> seats = costs.reclaimList(scope);
    if (seats.isEmpty()) {
      return with(section, "No seat is held by someone who has left.");
    }
    Grid<ReclaimSeat> grid = grid("reclaim-grid");
    grid.addColumn(ReclaimSeat::name).setHeader("Name").setAutoWidth(true);
    grid.addColumn(ReclaimSeat::email).setHeader("Email").setAutoWidth(true);
    grid.addColumn(ReclaimSeat::team).setHeader("Team").setAutoWidth(true);
    grid.addColumn(ReclaimSeat::tool).setHeader("Tool").setAutoWidth(true);
    grid.addColumn(ReclaimSeat::seatType).setHeader("Seat type").setAutoWidth(true);
    grid.addColumn(ReclaimSeat::leftOn).setHeader("Left on").setAutoWidth(true);
    grid.addColumn(s -> money(report, s.monthlyPrice()))
        .setHeader("Monthly price")
        .setAutoWidth(true);
    grid.setItems(seats);
    section.add(
        new Paragraph(seats.size() + " seats are still held by people who have left."),
        grid,
        CsvExport.link(
            "seats-to-reclaim.csv",
            List.of(
                "name",
                "email",
                "team",
                "tool",
                "seat type",
                "assigned on",
                "left on",
                "monthly price"),
            () ->
                seats.stream()
                    .map(
                        s ->
                            List.of(
                                s.name(),
                                s.email(),
                                Objects.toString(s.team(), ""),
                                s.tool(),
                                s.seatType(),
                                s.assignedOn().toString(),
                                s.leftOn().toString(),
                                s.monthlyPrice() == null ? "" : s.monthlyPrice().toPlainString()))
                    .toList()));
    return section;
  }

  Component withoutSeat(Scope scope, CostsView.Period p) {
    Div section = section("costs-without-seat", "Using a tool without a seat");
    if (!costs.maySeeIndividuals(scope)) {
      return with(
          section,
          report.usersWithoutSeat() == null
              ? "Developers using a tool without a seat: " + k + "."
              : report.usersWithoutSeat()
                  + " developers used a tool with seats without holding one.");
    }
    List<UserWithoutSeat> users = costs.usersWithoutSeat(scope, p.from(), p.to());
    if (users.isEmpty()) {
      return with(section, "Everyone who used a tool with seats held one.");
    }
    Grid<UserWithoutSeat> grid = grid("without-seat-grid");
    grid.addColumn(UserWithoutSeat::name).setHeader("Name").setAutoWidth(true);
    grid.addColumn(UserWithoutSeat::email).setHeader("Email").setAutoWidth(true);
    grid.addColumn(UserWithoutSeat::team).setHeader("Team").setAutoWidth(true);
    grid.addColumn(UserWithoutSeat::tool).setHeader("Tool").setAutoWidth(true);
    grid.addColumn(UserWithoutSeat::activeWeeks).setHeader("Active weeks").setAutoWidth(true);
    grid.setItems(users);
    section.add(
        grid,
        CsvExport.link(
            "without-seat.csv",
            List.of("name", "email", "team", "tool", "active weeks"),
            () ->
                users.stream()
                    .map(
                        u ->
                            List.of(
                                u.name(),
                                u.email(),
                                Objects.toString(u.team(), ""),
                                u.tool(),
                                String.valueOf(u.activeWeeks())))
                    .toList()));
    return section;
  }

  /** An amount in the report's currency; a dash where there is none. */
  static String money(CostReport report, BigDecimal amount) {
    return amount == null ? "–" : report.currency() + " " + amount.toPlainString();
  }

  private static Div section(String id, String title) {
    Div section = new Div(new H2(title));
    section.setId(id);
    return section;
  }

  private static Div with(Div section, String text) {
    section.add(new Paragraph(text));
    return section;
  }

  private static <T> Grid<T> grid(String id) {
    Grid<T> grid = new Grid<>();
    grid.setId(id);
    grid.setAllRowsVisible(true);
    grid.addThemeVariants(GridVariant.LUMO_COMPACT);
    return grid;
  }
}

package dev.tandem.costs.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import dev.tandem.base.ui.CsvExport;
import dev.tandem.costs.CostFigures;
import dev.tandem.costs.CostReport;
import dev.tandem.costs.CostService;
import dev.tandem.costs.ReclaimSeat;
import dev.tandem.costs.UserWithoutSeat;
import dev.tandem.roster.Team;
import jakarta.annotation.security.RolesAllowed;
import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * Seats and cost of a scope for a month or a quarter: per tool, per team below the scope and per
 * month, with the seats to reclaim and the developers who use a tool without a seat.
 */
@Route("costs")
@PageTitle("Seats and cost · Tandem")
@Menu(title = "Seats and cost", order = 5, icon = "vaadin:money")
@RolesAllowed({"ADMIN", "LEADER", "MANAGER"})
public class CostsView extends VerticalLayout implements BeforeEnterObserver {

  static final List<String> FIGURES_HEADER =
      List.of(
          "group",
          "seats",
          "active seat holders",
          "idle seats",
          "seat cost",
          "usage-based cost",
          "total cost",
          "active developer-months",
          "cost per active developer",
          "AI user-weeks",
          "cost per AI user-week");

  private final CostService costs;
  private final Select<Period> period = new Select<>();
  private final ComboBox<Team> team = new ComboBox<>("Team");
  private final Div content = new Div();
  private CostReport report;

  /** A month or a quarter to show. */
  record Period(String label, YearMonth from, YearMonth to) {}

  CostsView(CostService costs) {
    this.costs = costs;
    addClassName("tandem-page");
    Paragraph explainer =
        new Paragraph(
            "What each tool's seats and usage cost, and what the organisation gets for it: seats held, seats whose "
                + "holder did not use the tool in 28 days, and cost per active developer. Amounts in the currency set "
                + "on the Seat prices screen (Settings → Seat prices).");
    explainer.addClassName("tandem-explainer");
    Button how = new Button("How it is computed", e -> howComputed().open());
    how.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
    how.setId("how-computed");

    List<Period> periods = periods(YearMonth.from(costs.today()));
    period.setLabel("Period");
    period.setId("cost-period");
    period.setItems(periods);
    period.setItemLabelGenerator(Period::label);
    period.setValue(periods.get(1));
    team.setId("team");
    team.setItems(costs.teams());
    team.setItemLabelGenerator(Team::name);
    // A manager's screen opens on their own team (their scope), never on the organisation.
    String own = costs.costScope(null);
    team.setPlaceholder(own == null ? "Whole organisation" : "Your team");
    team.setClearButtonVisible(own == null);
    if (own != null) {
      costs.teams().stream().filter(t -> t.key().equals(own)).findFirst().ifPresent(team::setValue);
    }
    period.addValueChangeListener(e -> refresh());
    team.addValueChangeListener(e -> refresh());
    HorizontalLayout pickers = new HorizontalLayout(period, team, how);
    pickers.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
    pickers.setWrap(true);
    content.setWidthFull();
    add(new H1("Seats and cost"), explainer, pickers, content);
  }

  @Override
  public void beforeEnter(BeforeEnterEvent event) {
    var params = event.getLocation().getQueryParameters().getSingleParameter("team");
    params
        .flatMap(k -> costs.teams().stream().filter(t -> t.key().equals(k)).findFirst())
        .ifPresent(team::setValue);
    refresh();
  }

  /** The last 12 months (this month first) and the last 4 quarters. */
  static List<Period> periods(YearMonth now) {
    List<Period> list = new ArrayList<>();
    for (int i = 0; i < 12; i++) {
      YearMonth m = now.minusMonths(i);
      list.add(new Period(m + (i == 0 ? " (this month)" : ""), m, m));
    }
    YearMonth quarterStart = now.withMonth((now.getMonthValue() - 1) / 3 * 3 + 1);
    for (int i = 0; i < 4; i++) {
      YearMonth from = quarterStart.minusMonths(3L * i);
      YearMonth to = from.plusMonths(2).isAfter(now) ? now : from.plusMonths(2);
      list.add(
          new Period(
              from.getYear()
                  + "-Q"
                  + ((from.getMonthValue() - 1) / 3 + 1)
                  + (i == 0 ? " (so far)" : ""),
              from,
              to));
    }
    return list;
  }

  private void refresh() {
    Period p = period.getValue();
    String key = team.getValue() == null ? null : team.getValue().key();
    report = costs.costs(key, p.from(), p.to());
    content.removeAll();
    String k = "fewer than " + report.minGroupSize() + " developers";
    CostFigures t = report.total();
    boolean empty =
        !t.suppressed()
            && t.seats() == 0
            && (t.seatCost() == null || t.seatCost().signum() == 0)
            && t.usageCost().signum() == 0
            && report.tools().isEmpty();
    if (empty) {
      Paragraph none =
          new Paragraph(
              "No seats and no usage-based cost in "
                  + p.label()
                  + " for this scope. Import seats on the Data screen (tandem-seats-csv, the Copilot seat list, "
                  + "Cursor team members, or Kiro and Claude Code usage with their subscription tier) and set "
                  + "prices on the Seat prices screen.");
      none.setId("costs-empty");
      content.add(none);
      return;
    }
    content.add(summary(t, k));
    content.add(notes());
    List<CostReport.Row> toolRows = new ArrayList<>();
    toolRows.add(new CostReport.Row("total", "All tools", t));
    toolRows.addAll(report.tools());
    content.add(section("Per tool", "costs-tools", "Tool", toolRows, k, "costs-per-tool.csv"));
    content.add(
        section("Per team", "costs-teams", "Team", report.teams(), k, "costs-per-team.csv"));
    content.add(
        section("By month", "costs-months", "Month", report.months(), k, "costs-by-month.csv"));
    content.add(reclaim(key, k));
    content.add(withoutSeat(key, k, p));
  }

  private Component summary(CostFigures t, String k) {
    Paragraph p;
    if (t.suppressed()) {
      p =
          new Paragraph(
              "The totals of this scope are hidden: " + k + " stand behind some of its months.");
    } else {
      p =
          new Paragraph(
              t.seats()
                  + " seats on "
                  + report.seatsOn()
                  + ", "
                  + t.idleSeats()
                  + " of them idle (no active day since "
                  + report.activeFrom()
                  + "). Total cost "
                  + money(t.totalCost())
                  + " (seats "
                  + (t.noSeats() ? "no seats imported" : money(t.seatCost()))
                  + ", usage "
                  + money(t.usageCost())
                  + "); per active developer "
                  + orDash(t.costPerActiveDeveloper())
                  + ", per AI user-week "
                  + orDash(t.costPerAiUserWeek())
                  + ".");
    }
    p.setId("costs-summary");
    return p;
  }

  private Component notes() {
    Div notes = new Div();
    CostFigures t = report.total();
    if (!t.suppressed() && t.unpricedSeatDays() > 0) {
      notes.add(
          new Paragraph(
              t.unpricedSeatDays()
                  + " seat-days have no price (no price-list entry for their tool and seat type on those days): they are "
                  + "not in the seat cost. Add the prices on the Seat prices screen."));
    }
    if (report.heldSeats() > 0) {
      notes.add(
          new Paragraph(
              report.heldSeats()
                  + " seats belong to identities not on the roster: they are in no figure until mapped on the Data screen."));
    }
    return notes;
  }

  private Component section(
      String title,
      String id,
      String groupHeader,
      List<CostReport.Row> rows,
      String k,
      String file) {
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
        CsvExport.link(file, FIGURES_HEADER, () -> rows.stream().map(CostsView::csvRow).toList()));
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
        .setAutoWidth(true);
  }

  static List<String> csvRow(CostReport.Row r) {
    CostFigures f = r.figures();
    List<String> row = new ArrayList<>();
    row.add(r.label());
    if (f.suppressed()) {
      for (int i = 1; i < FIGURES_HEADER.size(); i++) {
        row.add("suppressed");
      }
      return row;
    }
    for (Object v :
        new Object[] {
          f.seats(),
          f.activeSeatHolders(),
          f.idleSeats(),
          f.seatCost(),
          f.usageCost(),
          f.totalCost(),
          f.activeDeveloperMonths(),
          f.costPerActiveDeveloper(),
          f.aiUserWeeks(),
          f.costPerAiUserWeek()
        }) {
      row.add(v == null ? "" : v instanceof BigDecimal b ? b.toPlainString() : v.toString());
    }
    return row;
  }

  private Component reclaim(String key, String k) {
    Div section = new Div(new H2("Seats to reclaim"));
    section.setId("costs-reclaim");
    if (!costs.maySeeIndividuals(key)) {
      section.add(
          new Paragraph(
              report.leaverSeats() == null
                  ? "Seats held by people who have left: " + k + "."
                  : report.leaverSeats() + " seats are still held by people who have left."));
      return section;
    }
    List<ReclaimSeat> seats = costs.reclaimList(key);
    if (seats.isEmpty()) {
      section.add(new Paragraph("No seat is held by someone who has left."));
      return section;
    }
    Grid<ReclaimSeat> grid = new Grid<>();
    grid.setId("reclaim-grid");
    grid.setAllRowsVisible(true);
    grid.addThemeVariants(GridVariant.LUMO_COMPACT);
    grid.addColumn(ReclaimSeat::name).setHeader("Name").setAutoWidth(true);
    grid.addColumn(ReclaimSeat::email).setHeader("Email").setAutoWidth(true);
    grid.addColumn(ReclaimSeat::team).setHeader("Team").setAutoWidth(true);
    grid.addColumn(ReclaimSeat::tool).setHeader("Tool").setAutoWidth(true);
    grid.addColumn(ReclaimSeat::seatType).setHeader("Seat type").setAutoWidth(true);
    grid.addColumn(ReclaimSeat::leftOn).setHeader("Left on").setAutoWidth(true);
    grid.addColumn(s -> money(s.monthlyPrice())).setHeader("Monthly price").setAutoWidth(true);
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

  private Component withoutSeat(String key, String k, Period p) {
    Div section = new Div(new H2("Using a tool without a seat"));
    section.setId("costs-without-seat");
    if (!costs.maySeeIndividuals(key)) {
      section.add(
          new Paragraph(
              report.usersWithoutSeat() == null
                  ? "Developers using a tool without a seat: " + k + "."
                  : report.usersWithoutSeat()
                      + " developers used a tool with seats without holding one."));
      return section;
    }
    List<UserWithoutSeat> users = costs.usersWithoutSeat(key, p.from(), p.to());
    if (users.isEmpty()) {
      section.add(new Paragraph("Everyone who used a tool with seats held one."));
      return section;
    }
    Grid<UserWithoutSeat> grid = new Grid<>();
    grid.setId("without-seat-grid");
    grid.setAllRowsVisible(true);
    grid.addThemeVariants(GridVariant.LUMO_COMPACT);
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

  private String money(BigDecimal amount) {
    return amount == null ? "–" : report.currency() + " " + amount.toPlainString();
  }

  private String orDash(BigDecimal amount) {
    return amount == null ? "–" : money(amount);
  }

  private static Dialog howComputed() {
    Dialog dialog = new Dialog("How seats and cost are computed");
    dialog.setId("how-computed-dialog");
    dialog.setMaxWidth("46rem");
    dialog.add(
        new UnorderedList(
            new ListItem(
                "Seats: seats held on the period's last day (today while the period runs). A seat is held from assigned_on up to, not including, removed_on."),
            new ListItem(
                "Active seat holder: the holder had at least one active day with that tool in the four ISO weeks (28 days) up to and including the week of that day. Idle seats = seats − active seat holders."),
            new ListItem(
                "Seat cost: every day a seat was held costs its monthly price ÷ the days of that month, at the price of that day: the seat's own price from the import, else the price list's entry for its tool and seat type valid that day. Days without a price are reported, not counted as 0. A tool, team or month that held no seat shows \"no seats imported\": its seat cost, total cost and cost per developer are unknown, not 0."),
            new ListItem(
                "Where seats come from: seat lists (tandem-seats-csv; the Copilot seat list and Cursor's team members, each a snapshot whose missing seats close on the day of the import) and the subscription tier Kiro's user report and Claude Code's analytics give per day (a seat from the first day seen with a tier until the first day seen with another). A tier's seat counts only where no seat list gives that developer a seat of the tool."),
            new ListItem(
                "Usage-based cost: Kiro overage credits × the Kiro credit price, Copilot AI credits × the Copilot credit price, Cursor usage-based requests × the request price, Claude Code's estimated cost (US cents) × the US dollar rate. Rates are settings."),
            new ListItem(
                "Cost per active developer = total cost ÷ active developer-months (developers in headcount with an active day in a week starting in the month, once per month), pooled over the months: never an average of monthly figures."),
            new ListItem(
                "Cost per AI user-week = total cost ÷ developer-weeks in headcount with an active day (weeks starting in the period)."),
            new ListItem(
                "Small groups: a group whose busiest month had fewer than k seat holders and fewer than k active developers is hidden from anyone who may not see its individuals; when one sibling is hidden, the next smallest is too.")),
        new Button("Close", e -> dialog.close()));
    return dialog;
  }
}

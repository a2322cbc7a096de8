package dev.tandem.costs.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import dev.tandem.base.Scope;
import dev.tandem.costs.CostFigures;
import dev.tandem.costs.CostReport;
import dev.tandem.costs.CostService;
import dev.tandem.roster.Team;
import jakarta.annotation.security.RolesAllowed;
import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

/**
 * Seats and cost of a scope for a month or a quarter: per tool, per team below the scope and per
 * month, with the seats to reclaim and the developers who use a tool without a seat.
 */
@Route("costs")
@PageTitle("Seats and cost · Tandem")
@Menu(title = "Seats and cost", order = 5, icon = "vaadin:money")
@RolesAllowed({"ADMIN", "LEADER", "MANAGER"})
public class CostsView extends VerticalLayout implements BeforeEnterObserver {

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
    Button how =
        new Button("How it is computed", e -> HowComputedDialog.open(report.minGroupSize()));
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
    Scope own = costs.costScope(Scope.ORGANISATION);
    team.setPlaceholder(own.organisation() ? "Whole organisation" : "Your team");
    team.setClearButtonVisible(own.organisation());
    own.teamKey()
        .flatMap(key -> costs.teams().stream().filter(t -> t.key().equals(key)).findFirst())
        .ifPresent(team::setValue);
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
    Scope scope = team.getValue() == null ? Scope.ORGANISATION : Scope.team(team.getValue().key());
    report = costs.costs(scope, p.from(), p.to());
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
    CostFiguresTable table = new CostFiguresTable(report, k);
    content.add(table.section("Per tool", "costs-tools", "Tool", toolRows, "costs-per-tool.csv"));
    content.add(
        table.section("Per team", "costs-teams", "Team", report.teams(), "costs-per-team.csv"));
    content.add(
        table.section("By month", "costs-months", "Month", report.months(), "costs-by-month.csv"));
    CostLists lists = new CostLists(costs, report, k);
    content.add(lists.reclaim(scope));
    content.add(lists.withoutSeat(scope, p));
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

  private String money(BigDecimal amount) {
    return CostLists.money(report, amount);
  }

  private String orDash(BigDecimal amount) {
    return amount == null ? "–" : money(amount);
  }
}

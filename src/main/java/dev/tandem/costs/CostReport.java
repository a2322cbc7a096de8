package dev.tandem.costs;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

/**
 * Seats and cost of a scope over whole months: the totals, per tool, per team below the scope and
 * per month. {@code seatsOn} is the day seats are counted on (the period's last day, or today when
 * the period runs on), and active seat holders had an active day from {@code activeFrom} to the end
 * of that day's week. {@code leaverSeats} and {@code usersWithoutSeat} are counts (null when
 * suppressed); {@code heldSeats} are seats of identities not yet mapped, in no figure. Month rows
 * carry no seat counts (seats are counted on one day).
 */
public record CostReport(
    String scope,
    String currency,
    YearMonth from,
    YearMonth to,
    LocalDate seatsOn,
    LocalDate activeFrom,
    CostFigures total,
    List<Row> tools,
    List<Row> teams,
    List<Row> months,
    Integer leaverSeats,
    Integer usersWithoutSeat,
    int heldSeats,
    int minGroupSize) {

  /** One group: a tool key, a team key (with its name) or a month {@code YYYY-MM}. */
  public record Row(String key, String label, CostFigures figures) {}

  public boolean anySuppressed() {
    return total.suppressed()
        || tools.stream().anyMatch(r -> r.figures().suppressed())
        || teams.stream().anyMatch(r -> r.figures().suppressed())
        || months.stream().anyMatch(r -> r.figures().suppressed());
  }
}

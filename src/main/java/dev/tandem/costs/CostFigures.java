package dev.tandem.costs;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * The cost figures of one group (a tool, a team, a month or the whole scope) over a period; every
 * number is null when the group is suppressed (DESIGN §3.4). The ratios are defined here once:
 *
 * <ul>
 *   <li>{@code idleSeats} = seats held on the period's last day − those whose holder had an active
 *       day with the tool in the 28 days up to it;
 *   <li>{@code totalCost} = seat cost (each seat pro rata by day at the price of the day) +
 *       usage-based cost; unknown (null) when the group held no seat in the period ({@code
 *       seatCost} null: no seats imported), never a seat cost of 0 taken as known;
 *   <li>{@code costPerActiveDeveloper} = total cost ÷ active developer-months (developers in
 *       headcount with an active day, counted once per month of the period): pooled over the
 *       months, never an average of monthly figures;
 *   <li>{@code costPerAiUserWeek} = total cost ÷ AI user-weeks (developer-weeks in headcount with
 *       an active day).
 * </ul>
 */
public record CostFigures(
    Integer seats,
    Integer activeSeatHolders,
    BigDecimal seatCost,
    BigDecimal usageCost,
    Integer activeDeveloperMonths,
    Integer aiUserWeeks,
    Long unpricedSeatDays,
    boolean suppressed) {

  static final CostFigures SUPPRESSED =
      new CostFigures(null, null, null, null, null, null, null, true);

  /** Null when suppressed, and for a month (seats are counted on one day of the period). */
  public Integer idleSeats() {
    return suppressed || seats == null ? null : seats - activeSeatHolders;
  }

  /** The same figures without seat counts (a month's row). */
  CostFigures withoutSeatCounts() {
    return suppressed
        ? this
        : new CostFigures(
            null,
            null,
            seatCost,
            usageCost,
            activeDeveloperMonths,
            aiUserWeeks,
            unpricedSeatDays,
            false);
  }

  /** Whether the group held no seat in the period: its seat cost is unknown, not 0. */
  public boolean noSeats() {
    return !suppressed && seatCost == null;
  }

  public BigDecimal totalCost() {
    return suppressed || seatCost == null ? null : seatCost.add(usageCost);
  }

  public BigDecimal costPerActiveDeveloper() {
    return per(activeDeveloperMonths);
  }

  public BigDecimal costPerAiUserWeek() {
    return per(aiUserWeeks);
  }

  private BigDecimal per(Integer units) {
    if (suppressed || seatCost == null || units == null || units == 0) {
      return null;
    }
    return totalCost().divide(BigDecimal.valueOf(units), 2, RoundingMode.HALF_UP);
  }
}

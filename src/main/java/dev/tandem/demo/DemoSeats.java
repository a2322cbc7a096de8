package dev.tandem.demo;

import static dev.tandem.demo.DemoDataGenerator.WEEKS;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

/** The demo organisation's seats and price list (see {@link DemoDataGenerator}). */
final class DemoSeats {

  private DemoSeats() {}

  /** Seat type of each tool's demo seats. */
  private static final Map<String, String> SEAT_TYPES =
      Map.of(
          "copilot", "business",
          "cursor", "teams",
          "q-developer", "pro",
          "kiro", "pro",
          "claude-code", "team");

  /**
   * Seats: most developers hold one of their main tool from the first week (or their start); some
   * leavers returned it the day after they left, the others still hold it (the reclaim list); a few
   * hold a Copilot seat they hardly use (idle seats).
   */
  static List<DemoRows.Seat> seats(
      Random random, List<DemoRows.Person> people, Map<String, String> primaryOf, LocalDate from) {
    List<DemoRows.Seat> seats = new ArrayList<>();
    for (DemoRows.Person p : people) {
      if (p.excluded()) {
        continue;
      }
      LocalDate assigned = p.startedOn().isAfter(from) ? p.startedOn() : from;
      LocalDate removed =
          p.leftOn() != null && random.nextDouble() < 0.6 ? p.leftOn().plusDays(1) : null;
      if (removed != null && removed.isBefore(assigned)) {
        continue;
      }
      String tool = primaryOf.get(p.email());
      if (random.nextDouble() < 0.85) {
        seats.add(new DemoRows.Seat(p.email(), tool, SEAT_TYPES.get(tool), assigned, removed));
      }
      if (!tool.equals("copilot") && random.nextDouble() < 0.1) {
        seats.add(new DemoRows.Seat(p.email(), "copilot", "business", assigned, removed));
      }
    }
    return seats;
  }

  /** The price list: one price per tool's seat type, Cursor's raised halfway. */
  static List<DemoRows.Price> prices(LocalDate from) {
    List<DemoRows.Price> prices = new ArrayList<>();
    prices.add(new DemoRows.Price("copilot", "business", from, new java.math.BigDecimal("19.00")));
    prices.add(new DemoRows.Price("cursor", "teams", from, new java.math.BigDecimal("32.00")));
    prices.add(
        new DemoRows.Price(
            "cursor", "teams", from.plusWeeks(WEEKS / 2), new java.math.BigDecimal("40.00")));
    prices.add(new DemoRows.Price("q-developer", "pro", from, new java.math.BigDecimal("19.00")));
    prices.add(new DemoRows.Price("kiro", "pro", from, new java.math.BigDecimal("20.00")));
    prices.add(new DemoRows.Price("claude-code", "team", from, new java.math.BigDecimal("30.00")));
    return prices;
  }
}

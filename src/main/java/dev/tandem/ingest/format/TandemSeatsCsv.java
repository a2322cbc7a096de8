package dev.tandem.ingest.format;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

/** {@code tandem-seats-csv}: paid seats per tool and developer, with the days they were held. */
public final class TandemSeatsCsv extends CsvFormat {

  public TandemSeatsCsv() {
    super(
        "tandem-seats-csv",
        "Tandem seats CSV (tool, email, seat_type, assigned_on, removed_on, monthly_price)",
        RowKind.SEAT,
        "tandem",
        List.of("tool", "email", "seat_type", "assigned_on"));
  }

  @Override
  void row(CsvTable.Row row, Cells c, ParseContext context, RowSink sink) {
    String tool = c.tool("tool", row.get("tool"), context.toolKeys(), true);
    String email = c.email("email", row.get("email"));
    String seatType = c.required("seat_type", row.get("seat_type"), FieldLimits.KEYWORD);
    LocalDate assigned = c.isoDate("assigned_on", row.get("assigned_on"), true);
    LocalDate removed = c.isoDate("removed_on", row.get("removed_on"), false);
    BigDecimal price = price(c, "monthly_price", row.get("monthly_price"));
    if (assigned != null && removed != null && removed.isBefore(assigned)) {
      c.error(
          "removed_on",
          removed
              + " is before assigned_on ("
              + assigned
              + "); expected the day the seat was removed, on or after it was assigned");
    }
    if (c.ok()) {
      sink.row(
          new ParsedRow.Seat(
              row.line(),
              "tandem",
              email,
              tool,
              seatType.toLowerCase(Locale.ROOT),
              assigned,
              removed,
              price,
              null));
    }
  }

  /** A monthly price of 0 or more with at most 2 decimals; null when empty (the price list's). */
  static BigDecimal price(Cells c, String field, String value) {
    BigDecimal price = c.decimal(field, value);
    if (price == null) {
      return null;
    }
    if (price.stripTrailingZeros().scale() > 2 || price.precision() - price.scale() > 10) {
      c.error(
          field,
          Cells.quote(value.trim())
              + " is not a price; expected an amount with at most 2 decimals, e.g. 19.00");
      return null;
    }
    return price.setScale(2);
  }
}

package dev.tandem.ingest.format;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.Reader;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * {@code copilot-seats-json}: the response of GitHub's {@code GET
 * /orgs/{org}/copilot/billing/seats} ({@code {"total_seats":…, "seats":[…]}}). A seat is held by
 * {@code assignee.login} (the identity map, source {@code copilot}) from the UTC day of {@code
 * created_at}, until {@code pending_cancellation_date} when set; {@code plan_type} is the seat
 * type.
 */
public final class CopilotSeatsJson extends JsonFormat {

  public CopilotSeatsJson() {
    super(
        "copilot-seats-json",
        "GitHub Copilot seat list (GET /orgs/{org}/copilot/billing/seats), JSON",
        RowKind.SEAT,
        "copilot",
        "seats");
  }

  @Override
  public boolean seatListIsSnapshot() {
    return true;
  }

  @Override
  public void parse(Reader in, ParseContext context, RowSink sink) throws IOException {
    java.util.Map<String, JsonNode> others = new java.util.HashMap<>();
    long[] records = {0};
    read(
        in,
        sink,
        (node, line, number, c) -> {
          records[0] = number;
          record(node, c, context, sink);
        },
        others);
    var total = others.get("total_seats");
    if (total != null && records[0] > 0) {
      if (!total.canConvertToLong() || total.asLong() < 0) {
        sink.error(
            1, "total_seats", Cells.quote(total.asText()) + " is not a count; expected e.g. 120");
      } else if (total.asLong() != records[0]) {
        sink.error(
            1,
            "total_seats",
            "the file holds "
                + records[0]
                + " seats but total_seats is "
                + total.asLong()
                + ": one page of the seat list. The list is a snapshot (seats missing from it are"
                + " closed), so import the whole list: all pages in one \"seats\" array, or the"
                + " copilot-seats connector");
      }
    }
  }

  @Override
  void record(JsonNode node, Cells c, ParseContext context, RowSink sink) {
    String login =
        c.required(
            "assignee.login", JsonRecords.text(node, "/assignee/login"), FieldLimits.EXTERNAL_ID);
    OffsetDateTime created = c.timestamp("created_at", JsonRecords.text(node, "/created_at"), true);
    String cancel = JsonRecords.text(node, "/pending_cancellation_date");
    LocalDate removed = c.isoDate("pending_cancellation_date", cancel, false);
    OffsetDateTime lastActivity =
        c.timestamp("last_activity_at", JsonRecords.text(node, "/last_activity_at"), false);
    String plan = JsonRecords.text(node, "/plan_type");
    String seatType =
        Cells.blank(plan) ? "business" : c.required("plan_type", plan, FieldLimits.KEYWORD);
    LocalDate assigned =
        created == null ? null : created.atZoneSameInstant(ZoneOffset.UTC).toLocalDate();
    if (assigned != null && removed != null && removed.isBefore(assigned)) {
      c.error(
          "pending_cancellation_date",
          removed + " is before created_at (" + assigned + "); expected a later day");
    }
    if (c.ok()) {
      sink.row(
          new ParsedRow.Seat(
              c.line(),
              "copilot",
              login,
              "copilot",
              seatType.toLowerCase(java.util.Locale.ROOT),
              assigned,
              removed,
              null,
              lastActivity));
    }
  }
}

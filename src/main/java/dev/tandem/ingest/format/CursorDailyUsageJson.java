package dev.tandem.ingest.format;

import java.io.IOException;
import java.io.Reader;
import java.time.LocalDate;

/** {@code cursor-daily-usage-json}: the Cursor Admin API {@code daily-usage-data} response. */
public final class CursorDailyUsageJson implements FormatParser {

  @Override
  public String key() {
    return "cursor-daily-usage-json";
  }

  @Override
  public String description() {
    return "Cursor Admin API daily-usage-data response, JSON";
  }

  @Override
  public RowKind kind() {
    return RowKind.USAGE_DAY;
  }

  @Override
  public String identitySource(ParseContext context) {
    return "cursor";
  }

  @Override
  public void parse(Reader in, ParseContext context, RowSink sink) throws IOException {
    JsonRecords.readArray(
        in,
        "data",
        sink,
        (node, line, number) -> {
          Cells c = new Cells(line, "record " + number + ": ", sink);
          LocalDate day = JsonRecords.day(c, node, "/date");
          String email = c.email("email", JsonRecords.text(node, "/email"));
          Boolean active = JsonRecords.bool(c, node, "/isActive");
          if (active == null) {
            c.error("isActive", "is missing; expected true or false");
          }
          Long interactions = null;
          for (String field :
              new String[] {
                "/composerRequests", "/chatRequests", "/agentRequests", "/cmdkUsages"
              }) {
            Long v = JsonRecords.count(c, node, field);
            if (v != null) {
              interactions = (interactions == null ? 0 : interactions) + v;
            }
          }
          Long lines = JsonRecords.count(c, node, "/acceptedLinesAdded");
          if (c.ok()) {
            sink.row(
                ParsedRow.Usage.daily(
                    line, email, "cursor", day, active, interactions, lines, null));
          }
        });
  }
}

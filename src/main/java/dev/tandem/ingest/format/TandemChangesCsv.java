package dev.tandem.ingest.format;

import dev.tandem.base.Attribution;
import java.time.LocalDate;
import java.util.List;

/** {@code tandem-changes-csv}: shipped changes per developer, week and attribution. */
public final class TandemChangesCsv extends CsvFormat {

  public TandemChangesCsv() {
    super(
        "tandem-changes-csv",
        "Tandem changes CSV (week, email, tool or empty for none, changes)",
        RowKind.CHANGES,
        "tandem",
        List.of("week", "email", "tool", "changes"));
  }

  @Override
  void row(CsvTable.Row row, Cells c, ParseContext context, RowSink sink) {
    LocalDate week = TandemUsageCsv.week(c, "week", row.get("week"));
    String email = c.email("email", row.get("email"));
    String raw = row.get("tool");
    String tool =
        Attribution.NONE.equalsIgnoreCase(Cells.blank(raw) ? "" : raw.trim())
            ? null
            : c.tool("tool", raw, context.toolKeys(), false);
    Long changes = c.count("changes", row.get("changes"), true);
    if (changes != null && changes > Integer.MAX_VALUE) {
      c.error("changes", changes + " is too large");
    }
    if (c.ok()) {
      sink.row(
          new ParsedRow.Change(row.line(), email, week, Attribution.of(tool), changes.intValue()));
    }
  }
}

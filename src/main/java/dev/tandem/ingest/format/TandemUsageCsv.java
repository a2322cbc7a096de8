package dev.tandem.ingest.format;

import dev.tandem.base.IsoWeek;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;

/** {@code tandem-usage-csv}: usage per developer, tool and ISO week. */
public final class TandemUsageCsv extends CsvFormat {

  public TandemUsageCsv() {
    super(
        "tandem-usage-csv",
        "Tandem usage CSV (week, email, tool, active_days, interactions, accepted_lines, agent_days)",
        RowKind.USAGE_WEEK,
        "tandem",
        List.of("week", "email", "tool", "active_days"));
  }

  @Override
  void row(CsvTable.Row row, Cells c, ParseContext context, RowSink sink) {
    LocalDate week = week(c, "week", row.get("week"));
    String email = c.email("email", row.get("email"));
    String tool = c.tool("tool", row.get("tool"), context.toolKeys(), true);
    Long days = c.count("active_days", row.get("active_days"), true);
    if (days != null && days > 7) {
      c.error("active_days", days + " is outside 0–7; expected the number of active days");
    }
    Long agentDays = c.count("agent_days", row.get("agent_days"), false);
    if (agentDays != null && days != null && agentDays > days) {
      c.error(
          "agent_days",
          agentDays
              + " is more than active_days ("
              + days
              + "); expected 0–"
              + days
              + " days on which an agent mode was used");
    }
    Long interactions = c.count("interactions", row.get("interactions"), false);
    Long lines = c.count("accepted_lines", row.get("accepted_lines"), false);
    if (c.ok()) {
      sink.row(
          new ParsedRow.Usage(
              row.line(),
              email,
              tool,
              null,
              week,
              days > 0,
              days.intValue(),
              interactions,
              lines,
              "",
              null,
              null,
              agentDays == null ? null : agentDays.intValue(),
              null,
              null));
    }
  }

  /** The Monday of a {@code YYYY-Www} cell. */
  static LocalDate week(Cells c, String field, String value) {
    String v = c.required(field, value, FieldLimits.SCALAR);
    if (v == null) {
      return null;
    }
    try {
      return IsoWeek.parse(v).monday();
    } catch (DateTimeParseException e) {
      c.error(field, Cells.quote(v) + ": " + e.getMessage());
      return null;
    }
  }
}

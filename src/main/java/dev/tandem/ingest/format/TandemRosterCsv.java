package dev.tandem.ingest.format;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/** {@code tandem-roster-csv}: developers and the teams they sit in. */
public final class TandemRosterCsv extends CsvFormat {

  private static final Pattern TEAM_KEY = Pattern.compile("[a-z0-9][a-z0-9-]{0,99}");

  public TandemRosterCsv() {
    super(
        "tandem-roster-csv",
        "Roster CSV (email, name, team_path, started_on, left_on, excluded)",
        RowKind.ROSTER,
        null,
        List.of("email", "name", "team_path", "started_on"));
  }

  @Override
  void row(CsvTable.Row row, Cells c, ParseContext context, RowSink sink) {
    String email = c.email("email", row.get("email"));
    String name = c.required("name", row.get("name"), FieldLimits.NAME);
    String path = c.required("team_path", row.get("team_path"), FieldLimits.TEAM_PATH);
    List<String> teams = List.of();
    if (path != null) {
      teams = Arrays.stream(path.split("/")).map(s -> s.trim().toLowerCase(Locale.ROOT)).toList();
      if (!teams.stream().allMatch(k -> TEAM_KEY.matcher(k).matches())) {
        c.error(
            "team_path",
            Cells.quote(path)
                + " is not a team path; expected team keys (a-z, 0-9, '-') separated by '/',"
                + " e.g. engineering/commerce/payments");
      }
    }
    LocalDate started = c.isoDate("started_on", row.get("started_on"), true);
    LocalDate left = c.isoDate("left_on", row.get("left_on"), false);
    if (started != null && left != null && left.isBefore(started)) {
      c.error("left_on", "is before started_on; expected the last day on or after the first");
    }
    Boolean excluded = c.bool("excluded", row.get("excluded"));
    if (c.ok()) {
      sink.row(
          new ParsedRow.RosterEntry(
              row.line(), email, name, teams, started, left, Boolean.TRUE.equals(excluded)));
    }
  }
}

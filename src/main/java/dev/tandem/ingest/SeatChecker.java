package dev.tandem.ingest;

import dev.tandem.ingest.format.ParsedRow;
import dev.tandem.ingest.format.RowKind;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * Seats: a seat (identity, tool, assigned_on) once in a file; a vendor's seat list is a snapshot
 * that closes the seats it lacks, said before (the preview) and after (the result).
 */
@Component
class SeatChecker implements RowChecker {

  private final SeatImportRepository seats;

  SeatChecker(SeatImportRepository seats) {
    this.seats = seats;
  }

  @Override
  public Set<RowKind> kinds() {
    return Set.of(RowKind.SEAT);
  }

  @Override
  public void check(ImportRun run) {
    Map<String, Long> seen = new HashMap<>();
    List<ParsedRow> ok = new ArrayList<>();
    for (ParsedRow row : run.rows.kept()) {
      ParsedRow.Seat s = (ParsedRow.Seat) row;
      Long first =
          seen.putIfAbsent(
              s.identity() + "\u0000" + s.tool() + "\u0000" + s.assignedOn(), s.line());
      if (first != null) {
        run.rows.reject(
            s.line(),
            "key",
            "repeats line "
                + first
                + " (same identity, tool and assigned_on); each seat may appear once in a file");
      } else {
        ok.add(s);
      }
    }
    run.kept = ok;
  }

  @Override
  public void warn(ImportRun run) {
    if (!run.parser.seatListIsSnapshot()) {
      return;
    }
    int closing = seats.closedBySnapshot(run.kept(ParsedRow.Seat.class), run.now.toLocalDate());
    if (closing > 0) {
      run.rows.warning(
          0,
          "seats",
          closing
              + " seats of earlier lists are not on this one: they end on "
              + run.now.toLocalDate()
              + " at the latest (undo the import to open them again)");
    }
  }

  /** How many seats of a dry run would be held: their identity is on neither list. */
  @Override
  public long unmatchedInDryRun(ImportRun run) {
    List<ParsedRow.Seat> rows = run.kept(ParsedRow.Seat.class);
    if (rows.isEmpty()) {
      return 0;
    }
    Map<String, Long> known =
        seats.developersOf(
            rows.get(0).source(), rows.stream().map(ParsedRow.Seat::identity).toList());
    return rows.stream().filter(r -> !known.containsKey(r.identity())).count();
  }

  @Override
  public long apply(ImportRun run) {
    return seats.apply(
        run.batchId,
        run.kept(ParsedRow.Seat.class),
        run.parser.seatListIsSnapshot() ? run.now.toLocalDate() : null);
  }
}

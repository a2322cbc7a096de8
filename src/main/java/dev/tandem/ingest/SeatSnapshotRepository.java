package dev.tandem.ingest;

import static dev.tandem.db.Tables.SEAT;

import dev.tandem.ingest.format.ParsedRow;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jooq.DSLContext;
import org.jooq.Query;
import org.springframework.stereotype.Repository;

/**
 * A seat file that is the whole seat list of its source and tools on a day (a snapshot): open seats
 * it does not list are closed that day, kept for undo.
 */
@Repository
class SeatSnapshotRepository {

  private final DSLContext db;
  private final PriorRepository priors;

  SeatSnapshotRepository(DSLContext db, PriorRepository priors) {
    this.db = db;
    this.priors = priors;
  }

  /**
   * The snapshot's closings: open seats (on {@code day}) of the list's source and tools that the
   * list does not hold are closed on {@code day}, or on the day a later seat of the same identity
   * starts; an undated row takes the open seat's day (the same seat) or {@code day}. Returns the
   * rows with their days.
   */
  List<ParsedRow.Seat> closeMissing(long batchId, List<ParsedRow.Seat> rows, LocalDate day) {
    String source = rows.get(0).source();
    List<String> tools = rows.stream().map(ParsedRow.Seat::tool).distinct().toList();
    List<dev.tandem.db.tables.records.SeatRecord> open =
        db.selectFrom(SEAT)
            .where(SEAT.SOURCE.eq(source))
            .and(SEAT.TOOL_KEY.in(tools))
            .and(SEAT.ASSIGNED_ON.le(day))
            .and(SEAT.REMOVED_ON.isNull().or(SEAT.REMOVED_ON.gt(day)))
            .orderBy(SEAT.ASSIGNED_ON.desc())
            .fetch();
    Map<String, dev.tandem.db.tables.records.SeatRecord> openByIdentity = new HashMap<>();
    for (var seat : open) {
      openByIdentity.putIfAbsent(seat.getExternalId() + "\n" + seat.getToolKey(), seat);
    }
    List<ParsedRow.Seat> dated = new ArrayList<>();
    for (ParsedRow.Seat s : rows) {
      if (s.assignedOn() != null) {
        dated.add(s);
        continue;
      }
      var seat = openByIdentity.get(s.identity() + "\n" + s.tool());
      boolean same = seat != null && seat.getSeatType().equals(s.seatType());
      dated.add(
          new ParsedRow.Seat(
              s.line(),
              s.source(),
              s.identity(),
              s.tool(),
              s.seatType(),
              same ? seat.getAssignedOn() : day,
              same ? seat.getRemovedOn() : s.removedOn(),
              same && s.monthlyPrice() == null ? seat.getMonthlyPrice() : s.monthlyPrice(),
              s.lastActivityAt()));
    }
    Map<String, LocalDate> listed = new HashMap<>();
    for (ParsedRow.Seat s : dated) {
      listed.put(s.identity() + "\n" + s.tool() + "\n" + s.assignedOn(), s.assignedOn());
    }
    List<Long> closing = new ArrayList<>();
    List<LocalDate> closingOn = new ArrayList<>();
    for (var seat : open) {
      String who = seat.getExternalId() + "\n" + seat.getToolKey();
      if (listed.containsKey(who + "\n" + seat.getAssignedOn())) {
        continue;
      }
      // A later seat of the same identity ends this one when it starts (a re-assigned seat).
      LocalDate end = day;
      for (ParsedRow.Seat s : dated) {
        if ((s.identity() + "\n" + s.tool()).equals(who)
            && s.assignedOn().isAfter(seat.getAssignedOn())
            && s.assignedOn().isBefore(end)) {
          end = s.assignedOn();
        }
      }
      closing.add(seat.getId());
      closingOn.add(end);
    }
    priors.keepUnlessWritten(PriorTablesQuery.SEAT_PRIOR, batchId, SEAT.ID.in(closing)).execute();
    List<Query> close = new ArrayList<>();
    for (int i = 0; i < closing.size(); i++) {
      close.add(
          db.update(SEAT)
              .set(SEAT.REMOVED_ON, closingOn.get(i))
              .set(SEAT.BATCH_ID, batchId)
              .where(SEAT.ID.eq(closing.get(i))));
    }
    if (!close.isEmpty()) {
      db.batch(close).execute();
    }
    return dated;
  }

  /**
   * How many seats a snapshot would close: open seats (on {@code day}) of the rows' source and
   * tools whose identity the rows do not hold, or hold with a later seat.
   */
  int closedBySnapshot(List<ParsedRow.Seat> rows, LocalDate day) {
    if (rows.isEmpty()) {
      return 0;
    }
    java.util.Set<String> listed = new java.util.HashSet<>();
    for (ParsedRow.Seat s : rows) {
      listed.add(s.identity() + "\n" + s.tool() + "\n" + s.assignedOn());
      if (s.assignedOn() == null) {
        listed.add(s.identity() + "\n" + s.tool());
      }
    }
    int closed = 0;
    for (var seat :
        db.select(SEAT.EXTERNAL_ID, SEAT.TOOL_KEY, SEAT.ASSIGNED_ON)
            .from(SEAT)
            .where(SEAT.SOURCE.eq(rows.get(0).source()))
            .and(SEAT.TOOL_KEY.in(rows.stream().map(ParsedRow.Seat::tool).distinct().toList()))
            .and(SEAT.ASSIGNED_ON.le(day))
            .and(SEAT.REMOVED_ON.isNull().or(SEAT.REMOVED_ON.gt(day)))
            .fetch()) {
      String who = seat.value1() + "\n" + seat.value2();
      if (!listed.contains(who + "\n" + seat.value3()) && !listed.contains(who)) {
        closed++;
      }
    }
    return closed;
  }
}

package dev.tandem.ingest;

import static dev.tandem.db.Tables.DEVELOPER;
import static dev.tandem.db.Tables.IDENTITY_MAP;
import static dev.tandem.db.Tables.IMPORT_BATCH;
import static dev.tandem.db.Tables.IMPORT_PRIOR_SEAT;
import static dev.tandem.db.Tables.SEAT;
import static dev.tandem.db.Tables.USAGE_DAY;
import static org.jooq.impl.DSL.lag;
import static org.jooq.impl.DSL.lead;
import static org.jooq.impl.DSL.lower;
import static org.jooq.impl.DSL.max;
import static org.jooq.impl.DSL.partitionBy;
import static org.jooq.impl.DSL.select;
import static org.jooq.impl.DSL.selectDistinct;

import dev.tandem.ingest.format.ParsedRow;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Query;
import org.springframework.stereotype.Repository;

/**
 * Seats of an import: a seat with the same key (source, identity, tool, assigned_on) is replaced
 * and kept for undo; a seat whose identity is neither a roster email nor in the identity map is
 * held (no developer) until it is mapped.
 */
@Repository
class SeatImportRepository {

  private static final dev.tandem.db.tables.ImportPriorSeat P = IMPORT_PRIOR_SEAT;
  private static final int CHUNK = 1000;
  private final DSLContext db;
  private final PriorRepository priors;
  private final SeatSnapshotRepository snapshots;
  private final HeldSeatRepository held;

  SeatImportRepository(
      DSLContext db,
      PriorRepository priors,
      SeatSnapshotRepository snapshots,
      HeldSeatRepository held) {
    this.db = db;
    this.priors = priors;
    this.snapshots = snapshots;
    this.held = held;
  }

  /** How many seats a snapshot would close: see {@link SeatSnapshotRepository#closedBySnapshot}. */
  int closedBySnapshot(List<ParsedRow.Seat> rows, LocalDate day) {
    return snapshots.closedBySnapshot(rows, day);
  }

  /** The developers of the identities of {@code source}: the identity map first, then email. */
  Map<String, Long> developersOf(String source, List<String> identities) {
    Map<String, Long> found = new HashMap<>();
    List<String> all = identities.stream().distinct().toList();
    for (int i = 0; i < all.size(); i += CHUNK) {
      List<String> part = all.subList(i, Math.min(all.size(), i + CHUNK));
      db.select(DEVELOPER.EMAIL, DEVELOPER.ID)
          .from(DEVELOPER)
          .where(DEVELOPER.EMAIL.in(part))
          .forEach(r -> found.put(r.value1(), r.value2()));
      db.select(IDENTITY_MAP.EXTERNAL_ID, IDENTITY_MAP.DEVELOPER_ID)
          .from(IDENTITY_MAP)
          .where(IDENTITY_MAP.SOURCE.eq(source))
          .and(IDENTITY_MAP.EXTERNAL_ID.in(part))
          .forEach(r -> found.put(r.value1(), r.value2()));
    }
    return found;
  }

  /**
   * Writes the seats of a file; when {@code snapshotDay} is set the file is the whole seat list of
   * its source and tool on that day: a seat it lists without an assignment day keeps the open seat
   * of that identity (or starts that day), and an open seat it does not list is closed that day
   * (kept for undo). Returns how many seats were held as unmatched.
   */
  long apply(long batchId, List<ParsedRow.Seat> rows, LocalDate snapshotDay) {
    if (rows.isEmpty()) {
      return 0;
    }
    List<ParsedRow.Seat> toWrite = rows;
    if (snapshotDay != null) {
      toWrite = snapshots.closeMissing(batchId, rows, snapshotDay);
    }
    Map<String, Long> developers =
        developersOf(
            toWrite.get(0).source(), toWrite.stream().map(ParsedRow.Seat::identity).toList());
    long unmatched = 0;
    for (ParsedRow.Seat s : toWrite) {
      if (developers.get(s.identity()) == null) {
        unmatched++;
      }
    }
    replace(batchId, toWrite, developers);
    return unmatched;
  }

  /** Replaces each seat with the same key (kept for undo) by the row, in JDBC batches. */
  private void replace(long batchId, List<ParsedRow.Seat> rows, Map<String, Long> developers) {
    for (int i = 0; i < rows.size(); i += CHUNK) {
      List<Query> keep = new ArrayList<>();
      List<Query> replace = new ArrayList<>();
      for (ParsedRow.Seat s : rows.subList(i, Math.min(rows.size(), i + CHUNK))) {
        Condition key =
            SEAT.SOURCE
                .eq(s.source())
                .and(SEAT.EXTERNAL_ID.eq(s.identity()))
                .and(SEAT.TOOL_KEY.eq(s.tool()))
                .and(SEAT.ASSIGNED_ON.eq(s.assignedOn()));
        keep.add(priors.keepUnlessWritten(PriorTablesQuery.SEAT_PRIOR, batchId, key));
        replace.add(db.deleteFrom(SEAT).where(key));
        replace.add(
            db.insertInto(SEAT)
                .set(SEAT.SOURCE, s.source())
                .set(SEAT.EXTERNAL_ID, s.identity())
                .set(SEAT.DEVELOPER_ID, developers.get(s.identity()))
                .set(SEAT.TOOL_KEY, s.tool())
                .set(SEAT.SEAT_TYPE, s.seatType())
                .set(SEAT.ASSIGNED_ON, s.assignedOn())
                .set(SEAT.REMOVED_ON, s.removedOn())
                .set(SEAT.MONTHLY_PRICE, s.monthlyPrice())
                .set(SEAT.LAST_ACTIVITY_AT, s.lastActivityAt())
                .set(SEAT.BATCH_ID, batchId));
      }
      db.batch(keep).execute();
      db.batch(replace).execute();
    }
  }

  /**
   * Seats from the tier a daily source reports per developer and day (Kiro {@code
   * Subscription_Tier}, Claude Code {@code subscription_type}), rebuilt for the developers whose
   * days {@code batchId} wrote, from every kept day of {@code source}: a seat of the tier starts on
   * the first day seen with it and ends on the first day seen with another tier; the last one stays
   * open (the reports list only the days someone used the tool, so a day without a row says nothing
   * about the seat). Seats that changed are replaced under {@code batchId} (kept for undo). Returns
   * how many seats were written or removed.
   */
  int deriveTierSeats(long batchId, String source) {
    // Only the developers whose days this batch wrote can have other seats now.
    var touched =
        selectDistinct(USAGE_DAY.DEVELOPER_ID)
            .from(USAGE_DAY)
            .where(USAGE_DAY.SOURCE.eq(source))
            .and(USAGE_DAY.BATCH_ID.eq(batchId));
    var d =
        select(
                USAGE_DAY.DEVELOPER_ID.as("t_dev"),
                USAGE_DAY.TOOL_KEY.as("t_tool"),
                USAGE_DAY.USAGE_DATE.as("t_day"),
                max(lower(USAGE_DAY.SUBSCRIPTION_TIER)).as("t_tier"))
            .from(USAGE_DAY)
            .where(USAGE_DAY.SOURCE.eq(source))
            .and(USAGE_DAY.SUBSCRIPTION_TIER.isNotNull())
            .and(USAGE_DAY.DEVELOPER_ID.in(touched))
            .groupBy(USAGE_DAY.DEVELOPER_ID, USAGE_DAY.TOOL_KEY, USAGE_DAY.USAGE_DATE)
            .asTable("d");
    Field<Long> dev = d.field("t_dev", Long.class);
    Field<String> tool = d.field("t_tool", String.class);
    Field<LocalDate> day = d.field("t_day", LocalDate.class);
    Field<String> tier = d.field("t_tier", String.class);
    var l =
        select(
                dev,
                tool,
                day,
                tier,
                lag(tier).over(partitionBy(dev, tool).orderBy(day)).as("t_prev"))
            .from(d)
            .asTable("l");
    Field<Long> ldev = l.field("t_dev", Long.class);
    Field<String> ltool = l.field("t_tool", String.class);
    Field<LocalDate> lday = l.field("t_day", LocalDate.class);
    Field<String> ltier = l.field("t_tier", String.class);
    Field<String> prev = l.field("t_prev", String.class);
    Field<LocalDate> next = lead(lday).over(partitionBy(ldev, ltool).orderBy(lday));
    Map<String, ParsedRow.Seat> wanted = new LinkedHashMap<>();
    Map<String, Long> developers = new HashMap<>();
    db.select(ldev, ltool, lday, ltier, next, DEVELOPER.EMAIL)
        .from(l)
        .join(DEVELOPER)
        .on(DEVELOPER.ID.eq(ldev))
        .where(prev.isNull().or(prev.ne(ltier)))
        .orderBy(ldev, ltool, lday)
        .fetch()
        .forEach(
            r -> {
              ParsedRow.Seat s =
                  new ParsedRow.Seat(
                      0, source, r.value6(), r.value2(), r.value4(), r.value3(), null, null, null);
              wanted.put(s.identity() + "\n" + s.tool() + "\n" + s.assignedOn(), s);
              developers.put(r.value6(), r.value1());
            });
    // Each run of one tier ends where the next starts (the window above saw only run starts).
    List<ParsedRow.Seat> runs = new ArrayList<>(wanted.values());
    List<ParsedRow.Seat> seats = new ArrayList<>();
    for (int i = 0; i < runs.size(); i++) {
      ParsedRow.Seat s = runs.get(i);
      ParsedRow.Seat n = i + 1 < runs.size() ? runs.get(i + 1) : null;
      boolean sameHolder =
          n != null && n.identity().equals(s.identity()) && n.tool().equals(s.tool());
      seats.add(
          new ParsedRow.Seat(
              0,
              source,
              s.identity(),
              s.tool(),
              s.seatType(),
              s.assignedOn(),
              sameHolder ? n.assignedOn() : null,
              null,
              null));
    }
    Map<String, ParsedRow.Seat> want = new HashMap<>();
    seats.forEach(s -> want.put(s.identity() + "\n" + s.tool() + "\n" + s.assignedOn(), s));
    List<ParsedRow.Seat> write = new ArrayList<>();
    List<Long> gone = new ArrayList<>();
    Map<String, Boolean> unchanged = new HashMap<>();
    for (var seat :
        db.selectFrom(SEAT)
            .where(SEAT.SOURCE.eq(source))
            .and(SEAT.DEVELOPER_ID.in(touched))
            .fetch()) {
      String key = seat.getExternalId() + "\n" + seat.getToolKey() + "\n" + seat.getAssignedOn();
      ParsedRow.Seat w = want.get(key);
      if (w == null) {
        gone.add(seat.getId());
      } else if (w.seatType().equals(seat.getSeatType())
          && java.util.Objects.equals(w.removedOn(), seat.getRemovedOn())
          && java.util.Objects.equals(developers.get(w.identity()), seat.getDeveloperId())) {
        unchanged.put(key, true);
      }
    }
    for (ParsedRow.Seat s : seats) {
      if (!unchanged.containsKey(s.identity() + "\n" + s.tool() + "\n" + s.assignedOn())) {
        write.add(s);
      }
    }
    if (!gone.isEmpty()) {
      priors.keepUnlessWritten(PriorTablesQuery.SEAT_PRIOR, batchId, SEAT.ID.in(gone)).execute();
      db.deleteFrom(SEAT).where(SEAT.ID.in(gone)).execute();
    }
    replace(batchId, write, developers);
    return write.size() + gone.size();
  }

  /** Applied batches after {@code batchId} that replaced seats it wrote (undo them first). */
  List<Long> laterBatches(long batchId) {
    return db.selectDistinct(P.BATCH_ID)
        .from(P)
        .join(IMPORT_BATCH)
        .on(IMPORT_BATCH.ID.eq(P.BATCH_ID))
        .where(P.PRIOR_BATCH_ID.eq(batchId))
        .and(P.BATCH_ID.ne(batchId))
        .and(IMPORT_BATCH.OUTCOME.in("applied", "partially-applied"))
        .orderBy(P.BATCH_ID)
        .fetch(P.BATCH_ID);
  }

  /** Removes the batch's seats and puts back what it replaced. */
  void undo(long batchId) {
    // Seats this batch closed or replaced are deleted below and put back as they were.
    db.deleteFrom(SEAT).where(SEAT.BATCH_ID.eq(batchId)).execute();
    priors.reinsert(PriorTablesQuery.SEAT_PRIOR, batchId);
  }

  /** Held seats per identity: see {@link HeldSeatRepository#heldIdentities}. */
  List<UnmatchedIdentity> heldIdentities() {
    return held.heldIdentities();
  }
}

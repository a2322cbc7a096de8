package dev.tandem.ingest;

import static dev.tandem.db.Tables.DEVELOPER;
import static dev.tandem.db.Tables.IDENTITY_MAP;
import static dev.tandem.db.Tables.IMPORT_BATCH;
import static dev.tandem.db.Tables.IMPORT_PRIOR_SEAT;
import static dev.tandem.db.Tables.SEAT;
import static org.jooq.impl.DSL.coalesce;
import static org.jooq.impl.DSL.count;
import static org.jooq.impl.DSL.exists;
import static org.jooq.impl.DSL.inline;
import static org.jooq.impl.DSL.max;
import static org.jooq.impl.DSL.min;
import static org.jooq.impl.DSL.select;
import static org.jooq.impl.DSL.selectOne;

import dev.tandem.ingest.format.ParsedRow;
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

  SeatImportRepository(DSLContext db) {
    this.db = db;
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

  /** Writes the seats in JDBC batches; returns how many were held as unmatched. */
  long apply(long batchId, List<ParsedRow.Seat> rows) {
    if (rows.isEmpty()) {
      return 0;
    }
    Map<String, Long> developers =
        developersOf(rows.get(0).source(), rows.stream().map(ParsedRow.Seat::identity).toList());
    long unmatched = 0;
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
        keep.add(
            db.insertInto(P)
                .columns(
                    P.BATCH_ID,
                    P.SEAT_ID,
                    P.SOURCE,
                    P.EXTERNAL_ID,
                    P.DEVELOPER_ID,
                    P.TOOL_KEY,
                    P.SEAT_TYPE,
                    P.ASSIGNED_ON,
                    P.REMOVED_ON,
                    P.MONTHLY_PRICE,
                    P.LAST_ACTIVITY_AT,
                    P.PRIOR_BATCH_ID)
                .select(
                    select(
                            inline(batchId),
                            SEAT.ID,
                            SEAT.SOURCE,
                            SEAT.EXTERNAL_ID,
                            SEAT.DEVELOPER_ID,
                            SEAT.TOOL_KEY,
                            SEAT.SEAT_TYPE,
                            SEAT.ASSIGNED_ON,
                            SEAT.REMOVED_ON,
                            SEAT.MONTHLY_PRICE,
                            SEAT.LAST_ACTIVITY_AT,
                            SEAT.BATCH_ID)
                        .from(SEAT)
                        .where(key)));
        replace.add(db.deleteFrom(SEAT).where(key));
        Long developer = developers.get(s.identity());
        if (developer == null) {
          unmatched++;
        }
        replace.add(
            db.insertInto(SEAT)
                .set(SEAT.SOURCE, s.source())
                .set(SEAT.EXTERNAL_ID, s.identity())
                .set(SEAT.DEVELOPER_ID, developer)
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
    return unmatched;
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
    db.deleteFrom(SEAT).where(SEAT.BATCH_ID.eq(batchId)).execute();
    db.insertInto(SEAT)
        .columns(
            SEAT.ID,
            SEAT.SOURCE,
            SEAT.EXTERNAL_ID,
            SEAT.DEVELOPER_ID,
            SEAT.TOOL_KEY,
            SEAT.SEAT_TYPE,
            SEAT.ASSIGNED_ON,
            SEAT.REMOVED_ON,
            SEAT.MONTHLY_PRICE,
            SEAT.LAST_ACTIVITY_AT,
            SEAT.BATCH_ID)
        .select(
            select(
                    P.SEAT_ID,
                    P.SOURCE,
                    P.EXTERNAL_ID,
                    P.DEVELOPER_ID,
                    P.TOOL_KEY,
                    P.SEAT_TYPE,
                    P.ASSIGNED_ON,
                    P.REMOVED_ON,
                    P.MONTHLY_PRICE,
                    P.LAST_ACTIVITY_AT,
                    P.PRIOR_BATCH_ID)
                .from(P)
                .where(P.BATCH_ID.eq(batchId)))
        .execute();
  }

  void prune(long batchId) {
    db.deleteFrom(P).where(P.BATCH_ID.eq(batchId)).execute();
  }

  /**
   * Gives held seats whose identity is now known their developer; returns how many per batch (in
   * the caller's transaction).
   */
  Map<Long, Integer> resolveHeld() {
    Field<Long> mapped =
        select(IDENTITY_MAP.DEVELOPER_ID)
            .from(IDENTITY_MAP)
            .where(IDENTITY_MAP.SOURCE.eq(SEAT.SOURCE))
            .and(IDENTITY_MAP.EXTERNAL_ID.eq(SEAT.EXTERNAL_ID))
            .asField();
    Field<Long> byEmail =
        select(DEVELOPER.ID).from(DEVELOPER).where(DEVELOPER.EMAIL.eq(SEAT.EXTERNAL_ID)).asField();
    Condition resolvable =
        SEAT.DEVELOPER_ID
            .isNull()
            .and(
                exists(
                        selectOne()
                            .from(IDENTITY_MAP)
                            .where(IDENTITY_MAP.SOURCE.eq(SEAT.SOURCE))
                            .and(IDENTITY_MAP.EXTERNAL_ID.eq(SEAT.EXTERNAL_ID)))
                    .or(
                        exists(
                            selectOne()
                                .from(DEVELOPER)
                                .where(DEVELOPER.EMAIL.eq(SEAT.EXTERNAL_ID)))));
    Map<Long, Integer> byBatch = new LinkedHashMap<>();
    db.select(SEAT.BATCH_ID, count())
        .from(SEAT)
        .where(resolvable)
        .groupBy(SEAT.BATCH_ID)
        .forEach(r -> byBatch.put(r.value1(), r.value2()));
    if (!byBatch.isEmpty()) {
      db.update(SEAT).set(SEAT.DEVELOPER_ID, coalesce(mapped, byEmail)).where(resolvable).execute();
    }
    return byBatch;
  }

  /** Held seats per identity, for the unmatched identities list. */
  List<UnmatchedIdentity> heldIdentities() {
    return db.select(
            SEAT.SOURCE, SEAT.EXTERNAL_ID, count(), min(SEAT.ASSIGNED_ON), max(SEAT.ASSIGNED_ON))
        .from(SEAT)
        .where(SEAT.DEVELOPER_ID.isNull())
        .groupBy(SEAT.SOURCE, SEAT.EXTERNAL_ID)
        .fetch(
            r -> new UnmatchedIdentity(r.value1(), r.value2(), r.value3(), r.value4(), r.value5()));
  }
}

package dev.tandem.ingest;

import static dev.tandem.db.Tables.DEVELOPER;
import static dev.tandem.db.Tables.IDENTITY_MAP;
import static dev.tandem.db.Tables.SEAT;
import static org.jooq.impl.DSL.coalesce;
import static org.jooq.impl.DSL.count;
import static org.jooq.impl.DSL.exists;
import static org.jooq.impl.DSL.max;
import static org.jooq.impl.DSL.min;
import static org.jooq.impl.DSL.select;
import static org.jooq.impl.DSL.selectOne;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.springframework.stereotype.Repository;

/**
 * Seats whose identity is neither a roster email nor in the identity map: held (no developer) in
 * {@code seat} until the identity is known.
 */
@Repository
class HeldSeatRepository {

  private final DSLContext db;

  HeldSeatRepository(DSLContext db) {
    this.db = db;
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

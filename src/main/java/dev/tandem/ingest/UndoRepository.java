package dev.tandem.ingest;

import static dev.tandem.db.Tables.CHANGE_COUNT;
import static dev.tandem.db.Tables.IMPORT_BATCH;
import static dev.tandem.db.Tables.IMPORT_CREATED_TEAM;
import static dev.tandem.db.Tables.IMPORT_PRIOR_DEVELOPER;
import static dev.tandem.db.Tables.IMPORT_PRIOR_IDENTITY;
import static dev.tandem.db.Tables.IMPORT_PRIOR_INCIDENT;
import static dev.tandem.db.Tables.IMPORT_PRIOR_USAGE_WEEK;
import static dev.tandem.db.Tables.INCIDENT;
import static dev.tandem.db.Tables.UNMATCHED_ROW;
import static dev.tandem.db.Tables.USAGE_WEEK;
import static org.jooq.impl.DSL.exists;
import static org.jooq.impl.DSL.selectOne;

import java.util.List;
import java.util.TreeSet;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;

/**
 * Undo of a batch: every row it wrote goes back to the value it had before (or away, if the batch
 * created it). Refused while a later batch has replaced some of those rows.
 */
@Repository
class UndoRepository {

  private static final PriorTable DAYS = PriorTablesQuery.USAGE_DAY_PRIOR;
  private static final PriorTable WEEKS = PriorTablesQuery.USAGE_WEEK_PRIOR;
  private static final PriorTable CHANGES = PriorTablesQuery.CHANGE_COUNT_PRIOR;
  private static final PriorTable INCIDENTS = PriorTablesQuery.INCIDENT_PRIOR;

  private final DSLContext db;
  private final PriorRepository priors;
  private final DailyWeeksUndoRepository dailyWeeks;

  UndoRepository(DSLContext db, PriorRepository priors, DailyWeeksUndoRepository dailyWeeks) {
    this.db = db;
    this.priors = priors;
    this.dailyWeeks = dailyWeeks;
  }

  /**
   * The later batches that replaced rows of this batch. For a daily source ({@code dailySource} =
   * its format; null for other kinds) a week that a later import of the same source rolled up again
   * is no conflict: its days are apart and the week is rolled up anew from the days that remain.
   */
  List<Long> laterBatches(long batchId, String dailySource) {
    TreeSet<Long> later = new TreeSet<>();
    for (PriorTable t : List.of(DAYS, WEEKS, CHANGES, INCIDENTS)) {
      later.addAll(
          db.selectDistinct(t.batch())
              .from(t.prior())
              .join(t.table())
              .on(t.sameKey())
              .where(t.priorBatch().eq(batchId))
              .and(t.batch().ne(batchId))
              .and(conflict(t, dailySource, USAGE_WEEK.SOURCE))
              .fetch(t.batch()));
    }
    // Rows the batch created have no prior row of their own: a later batch that replaced one kept
    // this batch as the value's batch.
    for (PriorTable t : List.of(DAYS, WEEKS, CHANGES)) {
      later.addAll(
          db.selectDistinct(t.priorBatch())
              .from(t.prior())
              .join(IMPORT_BATCH)
              .on(IMPORT_BATCH.ID.eq(t.priorBatch()))
              .where(t.priorBatch().gt(batchId))
              .and(t.replacedBatch().eq(batchId))
              .and(IMPORT_BATCH.OUTCOME.in("applied", "partially-applied"))
              .and(conflict(t, dailySource, IMPORT_BATCH.FORMAT))
              .fetch(t.priorBatch()));
    }
    return List.copyOf(later);
  }

  /** Weeks rolled up again by a later import of the same daily source are no conflict. */
  private static Condition conflict(PriorTable t, String dailySource, Field<String> source) {
    return t == WEEKS && dailySource != null ? source.ne(dailySource) : DSL.trueCondition();
  }

  /**
   * Restores what the batch replaced. For a daily source ({@code dailySource} = its format; null
   * for weekly rows and changes) its days go back first, and each week it wrote is rolled up again
   * from the source's days that remain (a later import of the same source may have added days to
   * it), or gets back what the source replaced when none of its days remain.
   */
  void restoreUsageAndChanges(long batchId, String dailySource) {
    priors.restore(DAYS, batchId);
    if (dailySource == null) {
      priors.restore(WEEKS, batchId);
    } else {
      dailyWeeks.restore(batchId, dailySource);
    }
    priors.restore(CHANGES, batchId);
    db.deleteFrom(UNMATCHED_ROW).where(UNMATCHED_ROW.BATCH_ID.eq(batchId)).execute();
    // An undone batch replaces nothing any more: its prior rows must not hold back older undos.
    for (PriorTable t : List.of(DAYS, WEEKS, CHANGES)) {
      priors.forget(t, batchId);
    }
  }

  /** A batch whose undo data goes, and why. */
  record Prunable(long batchId, String reason) {}

  /**
   * Applied batches whose undo data is due: beyond the newest {@code keep} applied batches, or
   * older than {@code days}.
   */
  List<Prunable> prunable(int keep, int days, java.time.OffsetDateTime now) {
    java.time.OffsetDateTime before = now.minusDays(days);
    var undoable =
        IMPORT_BATCH
            .OUTCOME
            .in("applied", "partially-applied")
            .and(IMPORT_BATCH.UNDO_PRUNED_AT.isNull());
    List<Long> newest =
        db.select(IMPORT_BATCH.ID)
            .from(IMPORT_BATCH)
            .where(undoable)
            .orderBy(IMPORT_BATCH.ID.desc())
            .limit(keep)
            .fetch(IMPORT_BATCH.ID);
    long oldestKept = newest.size() < keep ? 0 : newest.get(newest.size() - 1);
    return db.select(IMPORT_BATCH.ID, IMPORT_BATCH.CREATED_AT)
        .from(IMPORT_BATCH)
        .where(undoable)
        .and(IMPORT_BATCH.ID.lt(oldestKept).or(IMPORT_BATCH.CREATED_AT.lt(before)))
        .orderBy(IMPORT_BATCH.ID)
        .fetch(
            r ->
                new Prunable(
                    r.value1(),
                    r.value1() < oldestKept
                        ? "undo data is kept for the newest " + keep + " batches"
                        : "undo data is kept for " + days + " days"));
  }

  /** Removes what undo of the batch would need; the batch can no longer be undone. */
  void prune(long batchId, String reason, java.time.OffsetDateTime at) {
    // The batch row first: an undo of the same batch locks it too, so the two never interleave.
    db.update(IMPORT_BATCH)
        .set(IMPORT_BATCH.UNDO_PRUNED_AT, at)
        .set(IMPORT_BATCH.UNDO_PRUNED_REASON, reason)
        .where(IMPORT_BATCH.ID.eq(batchId))
        .execute();
    for (PriorTable t : List.of(DAYS, WEEKS, CHANGES, INCIDENTS, PriorTablesQuery.SEAT_PRIOR)) {
      priors.forget(t, batchId);
    }
    db.deleteFrom(IMPORT_PRIOR_DEVELOPER)
        .where(IMPORT_PRIOR_DEVELOPER.BATCH_ID.eq(batchId))
        .execute();
    db.deleteFrom(IMPORT_CREATED_TEAM).where(IMPORT_CREATED_TEAM.BATCH_ID.eq(batchId)).execute();
    db.deleteFrom(IMPORT_PRIOR_IDENTITY)
        .where(IMPORT_PRIOR_IDENTITY.BATCH_ID.eq(batchId))
        .execute();
  }

  /** The weeks a batch's usage and change rows touch now (for a rollup refresh), or null. */
  WeekSpan weeksOf(long batchId) {
    var u =
        db.select(DSL.min(USAGE_WEEK.WEEK_START), DSL.max(USAGE_WEEK.WEEK_START))
            .from(USAGE_WEEK)
            .where(USAGE_WEEK.BATCH_ID.eq(batchId))
            .fetchOne();
    var c =
        db.select(DSL.min(CHANGE_COUNT.WEEK_START), DSL.max(CHANGE_COUNT.WEEK_START))
            .from(CHANGE_COUNT)
            .where(CHANGE_COUNT.BATCH_ID.eq(batchId))
            .fetchOne();
    // Weeks the batch wrote that a later import of the same source rolled up again.
    var w =
        db.select(
                DSL.min(IMPORT_PRIOR_USAGE_WEEK.WEEK_START),
                DSL.max(IMPORT_PRIOR_USAGE_WEEK.WEEK_START))
            .from(IMPORT_PRIOR_USAGE_WEEK)
            .where(
                IMPORT_PRIOR_USAGE_WEEK
                    .BATCH_ID
                    .eq(batchId)
                    .or(IMPORT_PRIOR_USAGE_WEEK.PRIOR_BATCH_ID.eq(batchId)))
            .fetchOne();
    WeekSpan weeks = u.value1() == null ? null : new WeekSpan(u.value1(), u.value2());
    if (w.value1() != null) {
      WeekSpan written = new WeekSpan(w.value1(), w.value2());
      weeks = weeks == null ? written : weeks.union(written);
    }
    WeekSpan changes = c.value1() == null ? null : new WeekSpan(c.value1(), c.value2());
    return weeks == null ? changes : weeks.union(changes);
  }

  /**
   * Incidents the batch created go; those it updated get back the fields the format owns (for
   * PagerDuty only title, status, times, severity and service, so later triage stays).
   */
  void restoreIncidents(long batchId, boolean vendorOwnedOnly) {
    var pi = IMPORT_PRIOR_INCIDENT;
    db.deleteFrom(INCIDENT)
        .where(INCIDENT.BATCH_ID.eq(batchId))
        .and(
            exists(
                selectOne()
                    .from(pi)
                    .where(INCIDENTS.sameKey(), pi.BATCH_ID.eq(batchId), pi.EXISTED.isFalse())))
        .execute();
    priors.restore(
        INCIDENTS,
        batchId,
        vendorOwnedOnly ? PriorTablesQuery.INCIDENT_VENDOR_FIELDS : INCIDENTS.values(),
        PriorRepository.replaced(INCIDENTS, batchId));
  }
}

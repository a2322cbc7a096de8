package dev.tandem.ingest;

import static dev.tandem.db.Tables.CHANGE_COUNT;
import static dev.tandem.db.Tables.IMPORT_BATCH;
import static dev.tandem.db.Tables.IMPORT_CREATED_TEAM;
import static dev.tandem.db.Tables.IMPORT_PRIOR_CHANGE_COUNT;
import static dev.tandem.db.Tables.IMPORT_PRIOR_DEVELOPER;
import static dev.tandem.db.Tables.IMPORT_PRIOR_IDENTITY;
import static dev.tandem.db.Tables.IMPORT_PRIOR_INCIDENT;
import static dev.tandem.db.Tables.IMPORT_PRIOR_USAGE_DAY;
import static dev.tandem.db.Tables.IMPORT_PRIOR_USAGE_WEEK;
import static dev.tandem.db.Tables.INCIDENT;
import static dev.tandem.db.Tables.UNMATCHED_ROW;
import static dev.tandem.db.Tables.USAGE_DAY;
import static dev.tandem.db.Tables.USAGE_WEEK;
import static org.jooq.impl.DSL.exists;
import static org.jooq.impl.DSL.row;
import static org.jooq.impl.DSL.select;
import static org.jooq.impl.DSL.selectOne;

import java.util.List;
import java.util.TreeSet;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.springframework.stereotype.Repository;

/**
 * Undo of a batch: every row it wrote goes back to the value it had before (or away, if the batch
 * created it). Refused while a later batch has replaced some of those rows.
 */
@Repository
class UndoRepository {

  private static final dev.tandem.db.tables.ImportPriorUsageDay PD = IMPORT_PRIOR_USAGE_DAY;
  private static final dev.tandem.db.tables.ImportPriorUsageWeek PW = IMPORT_PRIOR_USAGE_WEEK;
  private static final dev.tandem.db.tables.ImportPriorChangeCount PC = IMPORT_PRIOR_CHANGE_COUNT;
  private static final dev.tandem.db.tables.ImportPriorIncident PI = IMPORT_PRIOR_INCIDENT;

  private final DSLContext db;

  UndoRepository(DSLContext db) {
    this.db = db;
  }

  /** The later batches that replaced rows of this batch. */
  List<Long> laterBatches(long batchId) {
    TreeSet<Long> later = new TreeSet<>();
    later.addAll(
        db.selectDistinct(USAGE_DAY.BATCH_ID)
            .from(PD)
            .join(USAGE_DAY)
            .on(dayKey())
            .where(PD.BATCH_ID.eq(batchId))
            .and(USAGE_DAY.BATCH_ID.ne(batchId))
            .fetch(USAGE_DAY.BATCH_ID));
    later.addAll(
        db.selectDistinct(USAGE_WEEK.BATCH_ID)
            .from(PW)
            .join(USAGE_WEEK)
            .on(weekKey())
            .where(PW.BATCH_ID.eq(batchId))
            .and(USAGE_WEEK.BATCH_ID.ne(batchId))
            .fetch(USAGE_WEEK.BATCH_ID));
    later.addAll(
        db.selectDistinct(CHANGE_COUNT.BATCH_ID)
            .from(PC)
            .join(CHANGE_COUNT)
            .on(changeKey())
            .where(PC.BATCH_ID.eq(batchId))
            .and(CHANGE_COUNT.BATCH_ID.ne(batchId))
            .fetch(CHANGE_COUNT.BATCH_ID));
    // Rows the batch created have no prior row of their own: a later batch that replaced one kept
    // this batch as the value's batch.
    for (var prior :
        List.of(
            org.jooq.impl.DSL.select(PD.BATCH_ID.as("b"), PD.PRIOR_BATCH_ID.as("p")).from(PD),
            org.jooq.impl.DSL.select(PW.BATCH_ID.as("b"), PW.PRIOR_BATCH_ID.as("p")).from(PW),
            org.jooq.impl.DSL.select(PC.BATCH_ID.as("b"), PC.PRIOR_BATCH_ID.as("p")).from(PC))) {
      var t = prior.asTable("t");
      var b = t.field("b", Long.class);
      later.addAll(
          db.selectDistinct(b)
              .from(t)
              .join(IMPORT_BATCH)
              .on(IMPORT_BATCH.ID.eq(b))
              .where(b.gt(batchId))
              .and(t.field("p", Long.class).eq(batchId))
              .and(IMPORT_BATCH.OUTCOME.in("applied", "partially-applied"))
              .fetch(b));
    }
    later.addAll(
        db.selectDistinct(INCIDENT.BATCH_ID)
            .from(PI)
            .join(INCIDENT)
            .on(INCIDENT.ID.eq(PI.INCIDENT_ID))
            .where(PI.BATCH_ID.eq(batchId))
            .and(INCIDENT.BATCH_ID.ne(batchId))
            .fetch(INCIDENT.BATCH_ID));
    return List.copyOf(later);
  }

  void restoreUsageAndChanges(long batchId) {
    db.deleteFrom(USAGE_DAY)
        .where(USAGE_DAY.BATCH_ID.eq(batchId))
        .andNotExists(
            selectOne().from(PD).where(dayKey(), PD.BATCH_ID.eq(batchId), PD.EXISTED.isTrue()))
        .execute();
    db.update(USAGE_DAY)
        .set(
            row(
                USAGE_DAY.ACTIVE,
                USAGE_DAY.INTERACTIONS,
                USAGE_DAY.ACCEPTED_LINES,
                USAGE_DAY.BATCH_ID),
            select(PD.ACTIVE, PD.INTERACTIONS, PD.ACCEPTED_LINES, PD.PRIOR_BATCH_ID)
                .from(PD)
                .where(dayKey(), PD.BATCH_ID.eq(batchId)))
        .where(USAGE_DAY.BATCH_ID.eq(batchId))
        .and(
            exists(
                selectOne().from(PD).where(dayKey(), PD.BATCH_ID.eq(batchId), PD.EXISTED.isTrue())))
        .execute();

    db.deleteFrom(USAGE_WEEK)
        .where(USAGE_WEEK.BATCH_ID.eq(batchId))
        .andNotExists(
            selectOne().from(PW).where(weekKey(), PW.BATCH_ID.eq(batchId), PW.EXISTED.isTrue()))
        .execute();
    db.update(USAGE_WEEK)
        .set(
            row(
                USAGE_WEEK.SOURCE,
                USAGE_WEEK.ACTIVE_DAYS,
                USAGE_WEEK.INTERACTIONS,
                USAGE_WEEK.ACCEPTED_LINES,
                USAGE_WEEK.BATCH_ID),
            select(PW.SOURCE, PW.ACTIVE_DAYS, PW.INTERACTIONS, PW.ACCEPTED_LINES, PW.PRIOR_BATCH_ID)
                .from(PW)
                .where(weekKey(), PW.BATCH_ID.eq(batchId)))
        .where(USAGE_WEEK.BATCH_ID.eq(batchId))
        .and(
            exists(
                selectOne()
                    .from(PW)
                    .where(weekKey(), PW.BATCH_ID.eq(batchId), PW.EXISTED.isTrue())))
        .execute();

    db.deleteFrom(CHANGE_COUNT)
        .where(CHANGE_COUNT.BATCH_ID.eq(batchId))
        .andNotExists(
            selectOne().from(PC).where(changeKey(), PC.BATCH_ID.eq(batchId), PC.EXISTED.isTrue()))
        .execute();
    db.update(CHANGE_COUNT)
        .set(
            row(CHANGE_COUNT.CHANGES, CHANGE_COUNT.BATCH_ID),
            select(PC.CHANGES, PC.PRIOR_BATCH_ID)
                .from(PC)
                .where(changeKey(), PC.BATCH_ID.eq(batchId)))
        .where(CHANGE_COUNT.BATCH_ID.eq(batchId))
        .and(
            exists(
                selectOne()
                    .from(PC)
                    .where(changeKey(), PC.BATCH_ID.eq(batchId), PC.EXISTED.isTrue())))
        .execute();

    db.deleteFrom(UNMATCHED_ROW).where(UNMATCHED_ROW.BATCH_ID.eq(batchId)).execute();
    // An undone batch replaces nothing any more: its prior rows must not hold back older undos.
    db.deleteFrom(PD).where(PD.BATCH_ID.eq(batchId)).execute();
    db.deleteFrom(PW).where(PW.BATCH_ID.eq(batchId)).execute();
    db.deleteFrom(PC).where(PC.BATCH_ID.eq(batchId)).execute();
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
    db.deleteFrom(PD).where(PD.BATCH_ID.eq(batchId)).execute();
    db.deleteFrom(PW).where(PW.BATCH_ID.eq(batchId)).execute();
    db.deleteFrom(PC).where(PC.BATCH_ID.eq(batchId)).execute();
    db.deleteFrom(PI).where(PI.BATCH_ID.eq(batchId)).execute();
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
        db.select(
                org.jooq.impl.DSL.min(USAGE_WEEK.WEEK_START),
                org.jooq.impl.DSL.max(USAGE_WEEK.WEEK_START))
            .from(USAGE_WEEK)
            .where(USAGE_WEEK.BATCH_ID.eq(batchId))
            .fetchOne();
    var c =
        db.select(
                org.jooq.impl.DSL.min(CHANGE_COUNT.WEEK_START),
                org.jooq.impl.DSL.max(CHANGE_COUNT.WEEK_START))
            .from(CHANGE_COUNT)
            .where(CHANGE_COUNT.BATCH_ID.eq(batchId))
            .fetchOne();
    WeekSpan weeks = u.value1() == null ? null : new WeekSpan(u.value1(), u.value2());
    WeekSpan changes = c.value1() == null ? null : new WeekSpan(c.value1(), c.value2());
    return weeks == null ? changes : weeks.union(changes);
  }

  /**
   * Incidents the batch created go; those it updated get back the fields the format owns (for
   * PagerDuty only title, status, times, severity and service, so later triage stays).
   */
  void restoreIncidents(long batchId, boolean vendorOwnedOnly) {
    Condition mine = INCIDENT.BATCH_ID.eq(batchId);
    Condition prior = PI.INCIDENT_ID.eq(INCIDENT.ID).and(PI.BATCH_ID.eq(batchId));
    db.deleteFrom(INCIDENT)
        .where(mine)
        .and(exists(selectOne().from(PI).where(prior, PI.EXISTED.isFalse())))
        .execute();
    Condition updated = mine.and(exists(selectOne().from(PI).where(prior, PI.EXISTED.isTrue())));
    if (vendorOwnedOnly) {
      db.update(INCIDENT)
          .set(
              row(
                  INCIDENT.TITLE,
                  INCIDENT.SEVERITY,
                  INCIDENT.STATUS,
                  INCIDENT.STARTED_AT,
                  INCIDENT.RESOLVED_AT,
                  INCIDENT.SERVICE,
                  INCIDENT.BATCH_ID),
              select(
                      PI.TITLE,
                      PI.SEVERITY,
                      PI.STATUS,
                      PI.STARTED_AT,
                      PI.RESOLVED_AT,
                      PI.SERVICE,
                      PI.PRIOR_BATCH_ID)
                  .from(PI)
                  .where(prior))
          .where(updated)
          .execute();
    } else {
      db.update(INCIDENT)
          .set(
              row(
                  INCIDENT.TITLE,
                  INCIDENT.SEVERITY,
                  INCIDENT.STATUS,
                  INCIDENT.STARTED_AT,
                  INCIDENT.RESOLVED_AT,
                  INCIDENT.SERVICE,
                  INCIDENT.TEAM_ID,
                  INCIDENT.AI_INVOLVEMENT,
                  INCIDENT.TOOL_KEY,
                  INCIDENT.ROOT_CAUSE,
                  INCIDENT.PEER_REVIEWED,
                  INCIDENT.APPROVAL_REQUIRED,
                  INCIDENT.PERMISSIONS_EXCEEDED,
                  INCIDENT.CUSTOMER_IMPACT,
                  INCIDENT.POSTMORTEM_URL,
                  INCIDENT.BATCH_ID),
              select(
                      PI.TITLE,
                      PI.SEVERITY,
                      PI.STATUS,
                      PI.STARTED_AT,
                      PI.RESOLVED_AT,
                      PI.SERVICE,
                      PI.TEAM_ID,
                      PI.AI_INVOLVEMENT,
                      PI.TOOL_KEY,
                      PI.ROOT_CAUSE,
                      PI.PEER_REVIEWED,
                      PI.APPROVAL_REQUIRED,
                      PI.PERMISSIONS_EXCEEDED,
                      PI.CUSTOMER_IMPACT,
                      PI.POSTMORTEM_URL,
                      PI.PRIOR_BATCH_ID)
                  .from(PI)
                  .where(prior))
          .where(updated)
          .execute();
    }
  }

  private static Condition dayKey() {
    return USAGE_DAY
        .DEVELOPER_ID
        .eq(PD.DEVELOPER_ID)
        .and(USAGE_DAY.TOOL_KEY.eq(PD.TOOL_KEY))
        .and(USAGE_DAY.USAGE_DATE.eq(PD.USAGE_DATE))
        .and(USAGE_DAY.SOURCE.eq(PD.SOURCE));
  }

  private static Condition weekKey() {
    return USAGE_WEEK
        .DEVELOPER_ID
        .eq(PW.DEVELOPER_ID)
        .and(USAGE_WEEK.TOOL_KEY.eq(PW.TOOL_KEY))
        .and(USAGE_WEEK.WEEK_START.eq(PW.WEEK_START));
  }

  private static Condition changeKey() {
    return CHANGE_COUNT
        .DEVELOPER_ID
        .eq(PC.DEVELOPER_ID)
        .and(CHANGE_COUNT.WEEK_START.eq(PC.WEEK_START))
        .and(CHANGE_COUNT.ATTRIBUTION.eq(PC.ATTRIBUTION));
  }
}

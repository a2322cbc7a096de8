package dev.tandem.ingest;

import static dev.tandem.db.Tables.CHANGE_COUNT;
import static dev.tandem.db.Tables.IMPORT_PRIOR_CHANGE_COUNT;
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

  /** The weeks a usage or changes batch wrote (null when none): what the rollup recomputes. */
  dev.tandem.rollup.WeekSpan weekSpan(long batchId) {
    var days =
        db.select(org.jooq.impl.DSL.min(PD.USAGE_DATE), org.jooq.impl.DSL.max(PD.USAGE_DATE))
            .from(PD)
            .where(PD.BATCH_ID.eq(batchId))
            .fetchOne();
    var weeks =
        db.select(org.jooq.impl.DSL.min(PW.WEEK_START), org.jooq.impl.DSL.max(PW.WEEK_START))
            .from(PW)
            .where(PW.BATCH_ID.eq(batchId))
            .fetchOne();
    var changes =
        db.select(org.jooq.impl.DSL.min(PC.WEEK_START), org.jooq.impl.DSL.max(PC.WEEK_START))
            .from(PC)
            .where(PC.BATCH_ID.eq(batchId))
            .fetchOne();
    java.time.LocalDate first =
        java.util.stream.Stream.of(days.value1(), weeks.value1(), changes.value1())
            .filter(java.util.Objects::nonNull)
            .min(java.time.LocalDate::compareTo)
            .orElse(null);
    java.time.LocalDate last =
        java.util.stream.Stream.of(days.value2(), weeks.value2(), changes.value2())
            .filter(java.util.Objects::nonNull)
            .max(java.time.LocalDate::compareTo)
            .orElse(null);
    return dev.tandem.rollup.WeekSpan.between(first, last);
  }

  void restoreUsageAndChanges(long batchId) {
    db.deleteFrom(USAGE_DAY)
        .where(USAGE_DAY.BATCH_ID.eq(batchId))
        .and(
            exists(
                selectOne()
                    .from(PD)
                    .where(dayKey(), PD.BATCH_ID.eq(batchId), PD.EXISTED.isFalse())))
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
        .and(
            exists(
                selectOne()
                    .from(PW)
                    .where(weekKey(), PW.BATCH_ID.eq(batchId), PW.EXISTED.isFalse())))
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
        .and(
            exists(
                selectOne()
                    .from(PC)
                    .where(changeKey(), PC.BATCH_ID.eq(batchId), PC.EXISTED.isFalse())))
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

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

  /**
   * The later batches that replaced rows of this batch. For a daily source ({@code dailySource} =
   * its format; null for other kinds) a week that a later import of the same source rolled up again
   * is no conflict: its days are apart and the week is rolled up anew from the days that remain.
   */
  List<Long> laterBatches(long batchId, String dailySource) {
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
            .and(
                dailySource == null
                    ? org.jooq.impl.DSL.trueCondition()
                    : USAGE_WEEK.SOURCE.ne(dailySource))
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
    var priors =
        List.of(
            org.jooq.impl.DSL.select(PD.BATCH_ID.as("b"), PD.PRIOR_BATCH_ID.as("p")).from(PD),
            org.jooq.impl.DSL.select(PW.BATCH_ID.as("b"), PW.PRIOR_BATCH_ID.as("p")).from(PW),
            org.jooq.impl.DSL.select(PC.BATCH_ID.as("b"), PC.PRIOR_BATCH_ID.as("p")).from(PC));
    for (int i = 0; i < priors.size(); i++) {
      var t = priors.get(i).asTable("t");
      var b = t.field("b", Long.class);
      // Weeks rolled up again by a later import of the same daily source are no conflict.
      Condition conflict =
          i == 1 && dailySource != null
              ? IMPORT_BATCH.FORMAT.ne(dailySource)
              : org.jooq.impl.DSL.trueCondition();
      later.addAll(
          db.selectDistinct(b)
              .from(t)
              .join(IMPORT_BATCH)
              .on(IMPORT_BATCH.ID.eq(b))
              .where(b.gt(batchId))
              .and(t.field("p", Long.class).eq(batchId))
              .and(IMPORT_BATCH.OUTCOME.in("applied", "partially-applied"))
              .and(conflict)
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

  /**
   * Restores what the batch replaced. For a daily source ({@code dailySource} = its format; null
   * for weekly rows and changes) its days go back first, and each week it wrote is rolled up again
   * from the source's days that remain (a later import of the same source may have added days to
   * it), or gets back what the source replaced when none of its days remain.
   */
  void restoreUsageAndChanges(long batchId, String dailySource) {
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
                USAGE_DAY.AGENT,
                USAGE_DAY.CREDITS_USED,
                USAGE_DAY.OVERAGE_CREDITS_USED,
                USAGE_DAY.SUBSCRIPTION_TIER,
                USAGE_DAY.USAGE_BASED_REQUESTS,
                USAGE_DAY.ESTIMATED_COST_CENTS,
                USAGE_DAY.SUGGESTED,
                USAGE_DAY.ACCEPTED,
                USAGE_DAY.BATCH_ID),
            select(
                    PD.ACTIVE,
                    PD.INTERACTIONS,
                    PD.ACCEPTED_LINES,
                    PD.AGENT,
                    PD.CREDITS_USED,
                    PD.OVERAGE_CREDITS_USED,
                    PD.SUBSCRIPTION_TIER,
                    PD.USAGE_BASED_REQUESTS,
                    PD.ESTIMATED_COST_CENTS,
                    PD.SUGGESTED,
                    PD.ACCEPTED,
                    PD.PRIOR_BATCH_ID)
                .from(PD)
                .where(dayKey(), PD.BATCH_ID.eq(batchId)))
        .where(USAGE_DAY.BATCH_ID.eq(batchId))
        .and(
            exists(
                selectOne().from(PD).where(dayKey(), PD.BATCH_ID.eq(batchId), PD.EXISTED.isTrue())))
        .execute();

    if (dailySource == null) {
      restoreWeeks(batchId);
    } else {
      restoreDailyWeeks(batchId, dailySource);
    }

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

  /** Weekly rows the batch wrote get back what they replaced, or go when it created them. */
  private void restoreWeeks(long batchId) {
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
                USAGE_WEEK.AGENT_DAYS,
                USAGE_WEEK.BATCH_ID),
            select(
                    PW.SOURCE,
                    PW.ACTIVE_DAYS,
                    PW.INTERACTIONS,
                    PW.ACCEPTED_LINES,
                    PW.AGENT_DAYS,
                    PW.PRIOR_BATCH_ID)
                .from(PW)
                .where(weekKey(), PW.BATCH_ID.eq(batchId)))
        .where(USAGE_WEEK.BATCH_ID.eq(batchId))
        .and(
            exists(
                selectOne()
                    .from(PW)
                    .where(weekKey(), PW.BATCH_ID.eq(batchId), PW.EXISTED.isTrue())))
        .execute();
  }

  /**
   * The weeks of a daily batch: those it wrote (still its own, or rolled up again since by a later
   * import of the same source). A week with days of the source left is rolled up from them; one
   * without gets back what the batch replaced (or goes, if the batch created it). A later import's
   * record of what it replaced in such a week then refers to what this batch replaced.
   */
  private void restoreDailyWeeks(long batchId, String source) {
    var later = IMPORT_PRIOR_USAGE_WEEK.as("pl");
    Condition touched =
        USAGE_WEEK
            .BATCH_ID
            .eq(batchId)
            .or(exists(selectOne().from(PW).where(weekKey(), PW.BATCH_ID.eq(batchId))))
            .or(
                exists(
                    selectOne()
                        .from(later)
                        .where(later.PRIOR_BATCH_ID.eq(batchId))
                        .and(later.DEVELOPER_ID.eq(USAGE_WEEK.DEVELOPER_ID))
                        .and(later.TOOL_KEY.eq(USAGE_WEEK.TOOL_KEY))
                        .and(later.WEEK_START.eq(USAGE_WEEK.WEEK_START))));
    Condition daysOfWeek =
        USAGE_DAY
            .DEVELOPER_ID
            .eq(USAGE_WEEK.DEVELOPER_ID)
            .and(USAGE_DAY.TOOL_KEY.eq(USAGE_WEEK.TOOL_KEY))
            .and(USAGE_DAY.SOURCE.eq(source))
            .and(USAGE_DAY.USAGE_DATE.ge(USAGE_WEEK.WEEK_START))
            .and(USAGE_DAY.USAGE_DATE.lt(org.jooq.impl.DSL.localDateAdd(USAGE_WEEK.WEEK_START, 7)));
    Condition daysLeft = exists(selectOne().from(USAGE_DAY).where(daysOfWeek));
    Condition prior = exists(selectOne().from(PW).where(weekKey(), PW.BATCH_ID.eq(batchId)));

    db.deleteFrom(USAGE_WEEK)
        .where(USAGE_WEEK.BATCH_ID.eq(batchId))
        .andNot(prior)
        .andNot(daysLeft)
        .execute();
    db.update(USAGE_WEEK)
        .set(
            row(
                USAGE_WEEK.SOURCE,
                USAGE_WEEK.ACTIVE_DAYS,
                USAGE_WEEK.INTERACTIONS,
                USAGE_WEEK.ACCEPTED_LINES,
                USAGE_WEEK.AGENT_DAYS,
                USAGE_WEEK.BATCH_ID),
            select(
                    PW.SOURCE,
                    PW.ACTIVE_DAYS,
                    PW.INTERACTIONS,
                    PW.ACCEPTED_LINES,
                    PW.AGENT_DAYS,
                    PW.PRIOR_BATCH_ID)
                .from(PW)
                .where(weekKey(), PW.BATCH_ID.eq(batchId)))
        .where(USAGE_WEEK.BATCH_ID.eq(batchId))
        .and(
            exists(
                    selectOne()
                        .from(PW)
                        .where(weekKey(), PW.BATCH_ID.eq(batchId), PW.SOURCE.ne(source)))
                .or(prior.andNot(daysLeft)))
        .execute();
    db.update(USAGE_WEEK)
        .set(
            row(
                USAGE_WEEK.ACTIVE_DAYS,
                USAGE_WEEK.INTERACTIONS,
                USAGE_WEEK.ACCEPTED_LINES,
                USAGE_WEEK.AGENT_DAYS),
            select(
                    StagingRepository.activeDays(),
                    org.jooq
                        .impl
                        .DSL
                        .sum(USAGE_DAY.INTERACTIONS)
                        .cast(org.jooq.impl.SQLDataType.BIGINT),
                    org.jooq
                        .impl
                        .DSL
                        .sum(USAGE_DAY.ACCEPTED_LINES)
                        .cast(org.jooq.impl.SQLDataType.BIGINT),
                    StagingRepository.agentDays())
                .from(USAGE_DAY)
                .where(daysOfWeek))
        .where(USAGE_WEEK.SOURCE.eq(source))
        .and(touched)
        .and(daysLeft)
        .execute();
    // Weeks still marked with this batch now hold older days only: the batch before it.
    db.update(USAGE_WEEK)
        .set(
            USAGE_WEEK.BATCH_ID,
            org.jooq.impl.DSL.coalesce(
                org.jooq.impl.DSL.field(
                    select(PW.PRIOR_BATCH_ID).from(PW).where(weekKey(), PW.BATCH_ID.eq(batchId))),
                org.jooq.impl.DSL.field(
                    select(org.jooq.impl.DSL.max(USAGE_DAY.BATCH_ID))
                        .from(USAGE_DAY)
                        .where(daysOfWeek))))
        .where(USAGE_WEEK.BATCH_ID.eq(batchId))
        .execute();

    // Later imports of the source that replaced this batch's weeks replaced, in effect, what this
    // batch replaced (or nothing, where it created the week).
    var mine = IMPORT_PRIOR_USAGE_WEEK.as("pm");
    var laterPrior = IMPORT_PRIOR_USAGE_WEEK;
    Condition sameWeek =
        mine.BATCH_ID
            .eq(batchId)
            .and(mine.DEVELOPER_ID.eq(laterPrior.DEVELOPER_ID))
            .and(mine.TOOL_KEY.eq(laterPrior.TOOL_KEY))
            .and(mine.WEEK_START.eq(laterPrior.WEEK_START));
    db.update(laterPrior)
        .set(
            row(
                laterPrior.EXISTED,
                laterPrior.SOURCE,
                laterPrior.ACTIVE_DAYS,
                laterPrior.INTERACTIONS,
                laterPrior.ACCEPTED_LINES,
                laterPrior.AGENT_DAYS,
                laterPrior.PRIOR_BATCH_ID),
            select(
                    mine.EXISTED,
                    mine.SOURCE,
                    mine.ACTIVE_DAYS,
                    mine.INTERACTIONS,
                    mine.ACCEPTED_LINES,
                    mine.AGENT_DAYS,
                    mine.PRIOR_BATCH_ID)
                .from(mine)
                .where(sameWeek))
        .where(laterPrior.PRIOR_BATCH_ID.eq(batchId))
        .and(laterPrior.BATCH_ID.ne(batchId))
        .and(exists(selectOne().from(mine).where(sameWeek)))
        .execute();
    db.deleteFrom(laterPrior)
        .where(laterPrior.PRIOR_BATCH_ID.eq(batchId))
        .and(laterPrior.BATCH_ID.ne(batchId))
        .andNotExists(selectOne().from(mine).where(sameWeek))
        .execute();
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
    db.deleteFrom(dev.tandem.db.Tables.IMPORT_PRIOR_SEAT)
        .where(dev.tandem.db.Tables.IMPORT_PRIOR_SEAT.BATCH_ID.eq(batchId))
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
    // Weeks the batch wrote that a later import of the same source rolled up again.
    var w =
        db.select(org.jooq.impl.DSL.min(PW.WEEK_START), org.jooq.impl.DSL.max(PW.WEEK_START))
            .from(PW)
            .where(PW.BATCH_ID.eq(batchId).or(PW.PRIOR_BATCH_ID.eq(batchId)))
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
        .and(USAGE_DAY.SOURCE.eq(PD.SOURCE))
        .and(USAGE_DAY.PART.eq(PD.PART));
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

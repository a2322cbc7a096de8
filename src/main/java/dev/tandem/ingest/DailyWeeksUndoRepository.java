package dev.tandem.ingest;

import static dev.tandem.db.Tables.IMPORT_PRIOR_USAGE_WEEK;
import static dev.tandem.db.Tables.USAGE_DAY;
import static dev.tandem.db.Tables.USAGE_WEEK;
import static org.jooq.impl.DSL.exists;
import static org.jooq.impl.DSL.row;
import static org.jooq.impl.DSL.select;
import static org.jooq.impl.DSL.selectOne;

import dev.tandem.ingest.PriorTable.Column;
import java.util.ArrayList;
import java.util.List;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;
import org.springframework.stereotype.Repository;

/**
 * Undo of the weeks a daily batch rolled up: a week is rolled up again from the source's days that
 * remain (a later import of the same source may have added days to it), or gets back what the batch
 * replaced when none of its days remain.
 */
@Repository
class DailyWeeksUndoRepository {

  private static final PriorTable W = PriorTablesQuery.USAGE_WEEK_PRIOR;
  private static final dev.tandem.db.tables.ImportPriorUsageWeek PW = IMPORT_PRIOR_USAGE_WEEK;

  private final DSLContext db;
  private final PriorRepository priors;

  DailyWeeksUndoRepository(DSLContext db, PriorRepository priors) {
    this.db = db;
    this.priors = priors;
  }

  /**
   * The weeks of a daily batch: those it wrote (still its own, or rolled up again since by a later
   * import of the same source). A week with days of the source left is rolled up from them; one
   * without gets back what the batch replaced (or goes, if the batch created it). A later import's
   * record of what it replaced in such a week then refers to what this batch replaced.
   */
  void restore(long batchId, String source) {
    var later = PW.as("pl");
    Condition touched =
        USAGE_WEEK
            .BATCH_ID
            .eq(batchId)
            .or(exists(selectOne().from(PW).where(W.sameKey(), PW.BATCH_ID.eq(batchId))))
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
            .and(USAGE_DAY.USAGE_DATE.lt(DSL.localDateAdd(USAGE_WEEK.WEEK_START, 7)));
    Condition daysLeft = exists(selectOne().from(USAGE_DAY).where(daysOfWeek));
    Condition prior = exists(selectOne().from(PW).where(W.sameKey(), PW.BATCH_ID.eq(batchId)));

    db.deleteFrom(USAGE_WEEK)
        .where(USAGE_WEEK.BATCH_ID.eq(batchId))
        .andNot(prior)
        .andNot(daysLeft)
        .execute();
    priors.restore(
        W,
        batchId,
        W.values(),
        exists(
                selectOne()
                    .from(PW)
                    .where(W.sameKey(), PW.BATCH_ID.eq(batchId), PW.SOURCE.ne(source)))
            .or(prior.andNot(daysLeft)));
    db.update(USAGE_WEEK)
        .set(
            row(
                USAGE_WEEK.ACTIVE_DAYS,
                USAGE_WEEK.INTERACTIONS,
                USAGE_WEEK.ACCEPTED_LINES,
                USAGE_WEEK.AGENT_DAYS),
            select(
                    UsageMergeRepository.activeDays(),
                    DSL.sum(USAGE_DAY.INTERACTIONS).cast(SQLDataType.BIGINT),
                    DSL.sum(USAGE_DAY.ACCEPTED_LINES).cast(SQLDataType.BIGINT),
                    UsageMergeRepository.agentDays())
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
            DSL.coalesce(
                DSL.field(
                    select(PW.PRIOR_BATCH_ID).from(PW).where(W.sameKey(), PW.BATCH_ID.eq(batchId))),
                DSL.field(select(DSL.max(USAGE_DAY.BATCH_ID)).from(USAGE_DAY).where(daysOfWeek))))
        .where(USAGE_WEEK.BATCH_ID.eq(batchId))
        .execute();
    handOverToLaterImports(batchId);
  }

  /**
   * Later imports of the source that replaced this batch's weeks replaced, in effect, what this
   * batch replaced (or nothing, where it created the week).
   */
  private void handOverToLaterImports(long batchId) {
    var mine = PW.as("pm");
    Condition sameWeek =
        mine.BATCH_ID
            .eq(batchId)
            .and(mine.DEVELOPER_ID.eq(PW.DEVELOPER_ID))
            .and(mine.TOOL_KEY.eq(PW.TOOL_KEY))
            .and(mine.WEEK_START.eq(PW.WEEK_START));
    List<Field<?>> kept = new ArrayList<>(List.of(PW.EXISTED));
    W.values().stream().map(Column::kept).forEach(kept::add);
    kept.add(PW.PRIOR_BATCH_ID);
    db.update(PW)
        .set(row(kept), select(kept.stream().map(mine::field).toList()).from(mine).where(sameWeek))
        .where(PW.PRIOR_BATCH_ID.eq(batchId))
        .and(PW.BATCH_ID.ne(batchId))
        .and(exists(selectOne().from(mine).where(sameWeek)))
        .execute();
    db.deleteFrom(PW)
        .where(PW.PRIOR_BATCH_ID.eq(batchId))
        .and(PW.BATCH_ID.ne(batchId))
        .andNotExists(selectOne().from(mine).where(sameWeek))
        .execute();
  }
}

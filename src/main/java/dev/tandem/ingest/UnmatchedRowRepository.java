package dev.tandem.ingest;

import static dev.tandem.db.Tables.DEVELOPER;
import static dev.tandem.db.Tables.IDENTITY_MAP;
import static dev.tandem.db.Tables.IMPORT_STAGE;
import static dev.tandem.db.Tables.UNMATCHED_ROW;
import static org.jooq.impl.DSL.coalesce;
import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.inline;
import static org.jooq.impl.DSL.select;
import static org.jooq.impl.DSL.selectOne;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.SelectField;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;

/**
 * Staged rows whose identity is unknown, held in {@code unmatched_row} until the roster or the
 * identity map knows it, and staged again then.
 */
@Repository
class UnmatchedRowRepository {

  private static final dev.tandem.db.tables.ImportStage S = IMPORT_STAGE;

  /** The columns a held row keeps of its staged row, under the same names in both tables. */
  private static final List<Field<?>> STAGED =
      List.of(
          S.EXTERNAL_ID,
          S.ROW_KIND,
          S.TOOL_KEY,
          S.USAGE_DATE,
          S.WEEK_START,
          S.ACTIVE,
          S.ACTIVE_DAYS,
          S.INTERACTIONS,
          S.ACCEPTED_LINES,
          S.CHANGES,
          S.DISCRIMINATOR,
          S.AGENT,
          S.AGENT_DAYS,
          S.CREDITS_USED,
          S.OVERAGE_CREDITS_USED,
          S.SUBSCRIPTION_TIER,
          S.USAGE_BASED_REQUESTS,
          S.ESTIMATED_COST_CENTS,
          S.SUGGESTED,
          S.ACCEPTED);

  private static final List<Field<?>> HELD =
      STAGED.stream()
          .<Field<?>>map(f -> Objects.requireNonNull(UNMATCHED_ROW.field(f.getName())))
          .toList();

  private final DSLContext db;

  UnmatchedRowRepository(DSLContext db) {
    this.db = db;
  }

  /** Copies rows of unknown identities to {@code unmatched_row}; returns how many. */
  int holdUnmatched(long batchId, String source) {
    List<Field<?>> into = new ArrayList<>(List.of(UNMATCHED_ROW.BATCH_ID, UNMATCHED_ROW.SOURCE));
    into.addAll(HELD);
    List<SelectField<?>> staged = new ArrayList<>(List.of(S.BATCH_ID, inline(source)));
    staged.addAll(STAGED);
    return db.insertInto(UNMATCHED_ROW)
        .columns(into)
        .select(select(staged).from(S).where(S.BATCH_ID.eq(batchId)).and(S.DEVELOPER_ID.isNull()))
        .execute();
  }

  /**
   * Stages the held rows of a batch again (line = the held row's id) so that the normal apply steps
   * can write those that now resolve.
   */
  void stageHeld(long batchId) {
    List<Field<?>> into = new ArrayList<>(List.of(S.BATCH_ID, S.LINE_NO, S.WEEK_END));
    into.addAll(STAGED);
    List<SelectField<?>> held =
        new ArrayList<>(
            List.of(
                UNMATCHED_ROW.BATCH_ID,
                UNMATCHED_ROW.ID,
                DSL.localDateAdd(UNMATCHED_ROW.WEEK_START, 7)));
    held.addAll(HELD);
    db.insertInto(S)
        .columns(into)
        .select(select(held).from(UNMATCHED_ROW).where(UNMATCHED_ROW.BATCH_ID.eq(batchId)))
        .execute();
  }

  /**
   * After {@link #stageHeld}: drops what still does not resolve, removes what will apply from the
   * held rows; returns how many will apply.
   */
  int releaseResolvedHeld(long batchId, String source) {
    db.update(S)
        .set(
            S.DEVELOPER_ID,
            coalesce(
                field(
                    select(DEVELOPER.ID).from(DEVELOPER).where(DEVELOPER.EMAIL.eq(S.EXTERNAL_ID))),
                field(
                    select(IDENTITY_MAP.DEVELOPER_ID)
                        .from(IDENTITY_MAP)
                        .where(IDENTITY_MAP.SOURCE.eq(source))
                        .and(IDENTITY_MAP.EXTERNAL_ID.eq(S.EXTERNAL_ID)))))
        .where(S.BATCH_ID.eq(batchId))
        .execute();
    db.deleteFrom(S).where(S.BATCH_ID.eq(batchId)).and(S.DEVELOPER_ID.isNull()).execute();
    return db.deleteFrom(UNMATCHED_ROW)
        .where(UNMATCHED_ROW.BATCH_ID.eq(batchId))
        .and(UNMATCHED_ROW.ID.in(select(S.LINE_NO).from(S).where(S.BATCH_ID.eq(batchId))))
        .execute();
  }

  /** Batches holding rows that the roster or identity map now resolves, with their source. */
  record HeldBatch(long batchId, String source) {}

  List<HeldBatch> batchesWithResolvableHeldRows() {
    return db.selectDistinct(UNMATCHED_ROW.BATCH_ID, UNMATCHED_ROW.SOURCE)
        .from(UNMATCHED_ROW)
        .where(
            DSL.exists(
                    selectOne()
                        .from(IDENTITY_MAP)
                        .where(IDENTITY_MAP.SOURCE.eq(UNMATCHED_ROW.SOURCE))
                        .and(IDENTITY_MAP.EXTERNAL_ID.eq(UNMATCHED_ROW.EXTERNAL_ID)))
                .or(
                    DSL.exists(
                        selectOne()
                            .from(DEVELOPER)
                            .where(DEVELOPER.EMAIL.eq(DSL.lower(UNMATCHED_ROW.EXTERNAL_ID))))))
        .orderBy(UNMATCHED_ROW.BATCH_ID)
        .fetch(r -> new HeldBatch(r.value1(), r.value2()));
  }
}

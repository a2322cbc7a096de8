package dev.tandem.ingest;

import static dev.tandem.db.Tables.IMPORT_STAGE;
import static dev.tandem.db.Tables.USAGE_DAY;
import static dev.tandem.db.Tables.USAGE_WEEK;
import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.inline;
import static org.jooq.impl.DSL.max;
import static org.jooq.impl.DSL.select;
import static org.jooq.impl.DSL.selectDistinct;
import static org.jooq.impl.DSL.sum;
import static org.jooq.impl.DSL.when;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.jooq.Condition;
import org.jooq.Field;
import org.jooq.Table;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;
import org.springframework.stereotype.Repository;

/**
 * Staged usage and change rows of a batch merged into {@code usage_day}, {@code usage_week} and
 * {@code change_count} with set-based SQL (a handful of statements per import, never one per row);
 * before each merge the rows it replaces are kept for undo.
 */
@Repository
class UsageMergeRepository {

  private static final dev.tandem.db.tables.ImportStage S = IMPORT_STAGE;
  private final PriorRepository priors;

  UsageMergeRepository(PriorRepository priors) {
    this.priors = priors;
  }

  /** Staged rows whose identity resolved to a developer when they were staged. */
  private static Condition resolves() {
    return S.DEVELOPER_ID.isNotNull();
  }

  /**
   * Daily rows: merged per developer, tool, day, source and part (the discriminator when the format
   * replaces parts separately, else ''), then rolled up into their weeks.
   */
  void applyUsageDays(long batchId, String source, boolean parted) {
    Field<Integer> activeFlag = when(S.ACTIVE.isTrue(), inline(1)).otherwise(inline(0));
    // 1 agent, 0 not agent, null: the source cannot tell (stays null when no row can tell).
    Field<Integer> agentFlag = when(S.AGENT.isTrue(), inline(1)).when(S.AGENT.isFalse(), inline(0));
    Field<String> stagedPart = parted ? S.DISCRIMINATOR : inline("");
    Table<?> a =
        select(
                S.DEVELOPER_ID.as("developer_id"),
                S.TOOL_KEY,
                S.USAGE_DATE,
                stagedPart.as("part"),
                max(activeFlag).as("act"),
                max(agentFlag).as("agt"),
                sum(S.INTERACTIONS).cast(SQLDataType.BIGINT).as("interactions"),
                sum(S.ACCEPTED_LINES).cast(SQLDataType.BIGINT).as("accepted_lines"),
                sum(S.CREDITS_USED).cast(S.CREDITS_USED.getDataType()).as("credits_used"),
                sum(S.OVERAGE_CREDITS_USED)
                    .cast(S.CREDITS_USED.getDataType())
                    .as("overage_credits_used"),
                max(S.SUBSCRIPTION_TIER).as("subscription_tier"),
                sum(S.USAGE_BASED_REQUESTS).cast(SQLDataType.BIGINT).as("usage_based_requests"),
                sum(S.ESTIMATED_COST_CENTS)
                    .cast(S.CREDITS_USED.getDataType())
                    .as("estimated_cost_cents"),
                sum(S.SUGGESTED).cast(SQLDataType.BIGINT).as("suggested"),
                sum(S.ACCEPTED).cast(SQLDataType.BIGINT).as("accepted"))
            .from(S)
            .where(S.BATCH_ID.eq(batchId))
            .and(resolves())
            // PostgreSQL refuses a constant in GROUP BY: the part is grouped only when it is a
            // column.
            .groupBy(
                parted
                    ? List.of(S.DEVELOPER_ID, S.TOOL_KEY, S.USAGE_DATE, S.DISCRIMINATOR)
                    : List.of(S.DEVELOPER_ID, S.TOOL_KEY, S.USAGE_DATE))
            .asTable("a");
    Field<Integer> agt = a.field("agt", Integer.class);
    priors.keepAndMerge(
        PriorTablesQuery.USAGE_DAY_PRIOR,
        batchId,
        a,
        Map.of(
            USAGE_DAY.SOURCE,
            inline(source),
            USAGE_DAY.ACTIVE,
            field(a.field("act", Integer.class).eq(1)),
            USAGE_DAY.AGENT,
            when(agt.isNull(), inline((Boolean) null)).otherwise(field(agt.eq(1)))));

    // The weeks these days fall in, rolled up from all of this source's days: the latest import
    // of the week wins over any other source.
    Table<?> k =
        selectDistinct(S.DEVELOPER_ID.as("developer_id"), S.TOOL_KEY, S.WEEK_START, S.WEEK_END)
            .from(S)
            .where(S.BATCH_ID.eq(batchId))
            .and(resolves())
            .asTable("k");
    Field<Long> kDev = k.field("developer_id", Long.class);
    Field<String> kTool = k.field(S.TOOL_KEY.getName(), String.class);
    Field<LocalDate> kWeek = k.field(S.WEEK_START.getName(), LocalDate.class);
    Field<LocalDate> kEnd = k.field(S.WEEK_END.getName(), LocalDate.class);
    Table<?> r =
        select(
                kDev.as("developer_id"),
                kTool.as("tool_key"),
                kWeek.as("week_start"),
                activeDays().as("active_days"),
                sum(USAGE_DAY.INTERACTIONS).cast(SQLDataType.BIGINT).as("interactions"),
                sum(USAGE_DAY.ACCEPTED_LINES).cast(SQLDataType.BIGINT).as("accepted_lines"),
                agentDays().as("agent_days"))
            .from(k)
            .join(USAGE_DAY)
            .on(USAGE_DAY.DEVELOPER_ID.eq(kDev))
            .and(USAGE_DAY.TOOL_KEY.eq(kTool))
            .and(USAGE_DAY.SOURCE.eq(source))
            .and(USAGE_DAY.USAGE_DATE.ge(kWeek))
            .and(USAGE_DAY.USAGE_DATE.lt(kEnd))
            .groupBy(kDev, kTool, kWeek)
            .asTable("r");
    mergeWeeks(batchId, source, r);
  }

  /**
   * Active days of a group of {@code usage_day} rows: the dates with an active part (the parts of
   * one day count once).
   */
  static Field<Short> activeDays() {
    return DSL.countDistinct(when(USAGE_DAY.ACTIVE.isTrue(), USAGE_DAY.USAGE_DATE))
        .cast(SQLDataType.SMALLINT);
  }

  /**
   * Agent days of a group of {@code usage_day} rows: the active dates with an agent part; null when
   * no row of the group can tell (agent null throughout).
   */
  static Field<Short> agentDays() {
    return when(max(when(USAGE_DAY.AGENT.isNotNull(), inline(1))).isNull(), inline((Short) null))
        .otherwise(
            DSL.countDistinct(
                    when(
                        USAGE_DAY.AGENT.isTrue().and(USAGE_DAY.ACTIVE.isTrue()),
                        USAGE_DAY.USAGE_DATE))
                .cast(SQLDataType.SMALLINT));
  }

  /**
   * Weekly rows (tandem-usage-csv): merged per developer, tool and week. A key appears once per
   * file (repeats are rejected while streaming), so no grouping is needed.
   */
  void applyUsageWeeks(long batchId, String source) {
    Table<?> r =
        select(
                S.DEVELOPER_ID.as("developer_id"),
                S.TOOL_KEY.as("tool_key"),
                S.WEEK_START.as("week_start"),
                S.ACTIVE_DAYS.as("active_days"),
                S.INTERACTIONS.as("interactions"),
                S.ACCEPTED_LINES.as("accepted_lines"),
                S.AGENT_DAYS.as("agent_days"))
            .from(S)
            .where(S.BATCH_ID.eq(batchId))
            .and(resolves())
            .asTable("r");
    mergeWeeks(batchId, source, r);
  }

  /** Weeks ({@code r}: developer_id, tool_key, week_start and the weekly figures) of a source. */
  private void mergeWeeks(long batchId, String source, Table<?> r) {
    priors.keepAndMerge(
        PriorTablesQuery.USAGE_WEEK_PRIOR, batchId, r, Map.of(USAGE_WEEK.SOURCE, inline(source)));
  }

  /** Changes: merged per developer, week and attribution (one line per key in a file). */
  void applyChanges(long batchId) {
    Table<?> a =
        select(
                S.DEVELOPER_ID.as("developer_id"),
                S.WEEK_START.as("week_start"),
                S.TOOL_KEY.as("attribution"),
                S.CHANGES.as("changes"))
            .from(S)
            .where(S.BATCH_ID.eq(batchId))
            .and(resolves())
            .asTable("a");
    priors.keepAndMerge(PriorTablesQuery.CHANGE_COUNT_PRIOR, batchId, a, Map.of());
  }
}

package dev.tandem.adoption;

import static dev.tandem.db.Tables.DEVELOPER;
import static dev.tandem.db.Tables.TEAM;
import static dev.tandem.db.Tables.UNMATCHED_ROW;
import static dev.tandem.db.Tables.USAGE_WEEK;
import static org.jooq.impl.DSL.count;
import static org.jooq.impl.DSL.countDistinct;
import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.inline;
import static org.jooq.impl.DSL.least;
import static org.jooq.impl.DSL.max;
import static org.jooq.impl.DSL.select;
import static org.jooq.impl.DSL.sum;
import static org.jooq.impl.DSL.when;

import dev.tandem.base.WeekRange;
import dev.tandem.roster.HeadcountQuery;
import dev.tandem.roster.HeadcountQuery.Weeks;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record2;
import org.jooq.Table;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;

/**
 * The SQL behind DESIGN §3.1: every figure family is one set-based query over a VALUES table of
 * weeks joined to the roster (headcount rule from {@link HeadcountQuery}) and to weekly usage.
 */
@Repository
class AdoptionQuery {

  private final DSLContext db;

  AdoptionQuery(DSLContext db) {
    this.db = db;
  }

  record TeamWeek(LocalDate monday, long teamId, int headcount, int aiUsers) {}

  record ToolWeek(LocalDate monday, String tool, int users) {}

  record CohortWeek(LocalDate monday, String cohort, int userWeeks) {}

  record Inactive(long id, String name, String email, String teamKey, LocalDate lastAiWeek) {}

  /**
   * Headcount and AI users per week and team (a developer counts once however many tools they
   * used).
   */
  List<TeamWeek> headcountAndAiUsersByTeam(WeekRange range, Collection<Long> teamIds) {
    Weeks weeks = Weeks.of(range);
    Table<Record2<Long, LocalDate>> active = activeDeveloperWeeks(range);
    Field<Long> activeDeveloper = active.field(0, Long.class);
    Field<LocalDate> activeWeek = active.field(1, LocalDate.class);
    return db.select(weeks.monday(), DEVELOPER.TEAM_ID, count(DEVELOPER.ID), count(activeDeveloper))
        .from(weeks.table())
        .join(DEVELOPER)
        .on(HeadcountQuery.inHeadcount(weeks).and(HeadcountQuery.inScope(teamIds)))
        .leftJoin(active)
        .on(activeDeveloper.eq(DEVELOPER.ID).and(activeWeek.eq(weeks.monday())))
        .groupBy(weeks.monday(), DEVELOPER.TEAM_ID)
        .fetch(r -> new TeamWeek(r.value1(), r.value2(), r.value3(), r.value4()));
  }

  /**
   * Users of each tool per week among the developers in headcount (DESIGN §3.1 reach numerator).
   */
  List<ToolWeek> toolUsersByWeek(WeekRange range, Collection<Long> teamIds) {
    Weeks weeks = Weeks.of(range);
    return db.select(weeks.monday(), USAGE_WEEK.TOOL_KEY, countDistinct(DEVELOPER.ID))
        .from(weeks.table())
        .join(DEVELOPER)
        .on(HeadcountQuery.inHeadcount(weeks).and(HeadcountQuery.inScope(teamIds)))
        .join(USAGE_WEEK)
        .on(USAGE_WEEK.DEVELOPER_ID.eq(DEVELOPER.ID))
        .and(USAGE_WEEK.WEEK_START.eq(weeks.monday()))
        .and(USAGE_WEEK.ACTIVE_DAYS.ge((short) 1))
        .groupBy(weeks.monday(), USAGE_WEEK.TOOL_KEY)
        .fetch(r -> new ToolWeek(r.value1(), r.value2(), r.value3()));
  }

  /**
   * AI user-weeks per intensity cohort: active days summed over tools, capped at 7; 1 light, 2–3
   * moderate, 4+ heavy.
   */
  List<CohortWeek> cohortsByWeek(WeekRange range, Collection<Long> teamIds) {
    Weeks weeks = Weeks.of(range);
    Field<BigDecimal> days = least(sum(USAGE_WEEK.ACTIVE_DAYS), inline(BigDecimal.valueOf(7)));
    Table<?> perUser =
        db.select(weeks.monday().as("monday"), days.as("days"))
            .from(weeks.table())
            .join(DEVELOPER)
            .on(HeadcountQuery.inHeadcount(weeks).and(HeadcountQuery.inScope(teamIds)))
            .join(USAGE_WEEK)
            .on(USAGE_WEEK.DEVELOPER_ID.eq(DEVELOPER.ID))
            .and(USAGE_WEEK.WEEK_START.eq(weeks.monday()))
            .and(USAGE_WEEK.ACTIVE_DAYS.ge((short) 1))
            .groupBy(weeks.monday(), DEVELOPER.ID)
            .asTable("u");
    Field<LocalDate> monday = perUser.field("monday", LocalDate.class);
    Field<BigDecimal> userDays = perUser.field("days", BigDecimal.class);
    Field<String> cohort =
        when(userDays.ge(inline(BigDecimal.valueOf(4))), inline("heavy"))
            .when(userDays.ge(inline(BigDecimal.valueOf(2))), inline("moderate"))
            .otherwise(inline("light"));
    return db.select(monday, cohort, count())
        .from(perUser)
        .groupBy(monday, cohort)
        .fetch(r -> new CohortWeek(r.value1(), r.value2(), r.value3()));
  }

  /**
   * Developers in headcount in the last week of the range with no AI use in any week of the range.
   */
  List<Inactive> withoutAiUse(WeekRange range, Collection<Long> teamIds) {
    Weeks last = Weeks.of(new WeekRange(range.to(), range.to()));
    Condition usedAi =
        DSL.exists(
            select(USAGE_WEEK.DEVELOPER_ID)
                .from(USAGE_WEEK)
                .where(USAGE_WEEK.DEVELOPER_ID.eq(DEVELOPER.ID))
                .and(USAGE_WEEK.ACTIVE_DAYS.ge((short) 1))
                .and(USAGE_WEEK.WEEK_START.between(range.from().monday(), range.to().monday())));
    Field<LocalDate> lastAiWeek =
        field(
                select(max(USAGE_WEEK.WEEK_START))
                    .from(USAGE_WEEK)
                    .where(USAGE_WEEK.DEVELOPER_ID.eq(DEVELOPER.ID))
                    .and(USAGE_WEEK.ACTIVE_DAYS.ge((short) 1)))
            .as("last_ai_week");
    return db.select(DEVELOPER.ID, DEVELOPER.NAME, DEVELOPER.EMAIL, TEAM.TEAM_KEY, lastAiWeek)
        .from(last.table())
        .join(DEVELOPER)
        .on(HeadcountQuery.inHeadcount(last).and(HeadcountQuery.inScope(teamIds)))
        .join(TEAM)
        .on(TEAM.ID.eq(DEVELOPER.TEAM_ID))
        .where(DSL.not(usedAi))
        .orderBy(TEAM.TEAM_KEY, DEVELOPER.NAME)
        .fetch(r -> new Inactive(r.value1(), r.value2(), r.value3(), r.value4(), r.value5()));
  }

  record OwnWeek(
      LocalDate monday, String tool, int activeDays, Long interactions, Long acceptedLines) {}

  /** One developer's weekly usage per tool in the range. */
  List<OwnWeek> usageOf(long developerId, WeekRange range) {
    return db.select(
            USAGE_WEEK.WEEK_START,
            USAGE_WEEK.TOOL_KEY,
            USAGE_WEEK.ACTIVE_DAYS,
            USAGE_WEEK.INTERACTIONS,
            USAGE_WEEK.ACCEPTED_LINES)
        .from(USAGE_WEEK)
        .where(USAGE_WEEK.DEVELOPER_ID.eq(developerId))
        .and(USAGE_WEEK.WEEK_START.between(range.from().monday(), range.to().monday()))
        .orderBy(USAGE_WEEK.WEEK_START, USAGE_WEEK.TOOL_KEY)
        .fetch(r -> new OwnWeek(r.value1(), r.value2(), r.value3(), r.value4(), r.value5()));
  }

  /**
   * Usage rows held as unmatched (identity not on the roster) whose day or week falls in the range.
   */
  int unmatchedUsageRows(WeekRange range) {
    LocalDate from = range.from().monday();
    LocalDate to = range.to().sunday();
    return db.fetchCount(
        UNMATCHED_ROW,
        UNMATCHED_ROW
            .ROW_KIND
            .in("usage-day", "usage-week")
            .and(
                UNMATCHED_ROW
                    .USAGE_DATE
                    .between(from, to)
                    .or(UNMATCHED_ROW.WEEK_START.between(from, to))));
  }

  /**
   * Active usage weeks of roster developers who were not in headcount that week (before start,
   * after leaving, excluded).
   */
  int usageOutsideHeadcount(WeekRange range, Collection<Long> teamIds) {
    Weeks weeks = Weeks.of(range);
    return db.fetchCount(
        db.select(USAGE_WEEK.DEVELOPER_ID)
            .from(weeks.table())
            .join(USAGE_WEEK)
            .on(USAGE_WEEK.WEEK_START.eq(weeks.monday()).and(USAGE_WEEK.ACTIVE_DAYS.ge((short) 1)))
            .join(DEVELOPER)
            .on(DEVELOPER.ID.eq(USAGE_WEEK.DEVELOPER_ID).and(HeadcountQuery.inScope(teamIds)))
            .where(DSL.not(HeadcountQuery.inHeadcount(weeks))));
  }

  /** One row per developer and week with any active day, whatever the tool. */
  private Table<Record2<Long, LocalDate>> activeDeveloperWeeks(WeekRange range) {
    return db.select(USAGE_WEEK.DEVELOPER_ID, USAGE_WEEK.WEEK_START)
        .from(USAGE_WEEK)
        .where(USAGE_WEEK.ACTIVE_DAYS.ge((short) 1))
        .and(USAGE_WEEK.WEEK_START.between(range.from().monday(), range.to().monday()))
        .groupBy(USAGE_WEEK.DEVELOPER_ID, USAGE_WEEK.WEEK_START)
        .asTable("a", "developer_id", "week_start");
  }
}

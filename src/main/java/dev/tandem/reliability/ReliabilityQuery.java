package dev.tandem.reliability;

import static dev.tandem.db.Tables.CHANGE_COUNT;
import static dev.tandem.db.Tables.DEVELOPER;
import static dev.tandem.db.Tables.INCIDENT;
import static dev.tandem.db.Tables.USAGE_WEEK;
import static org.jooq.impl.DSL.count;
import static org.jooq.impl.DSL.exists;
import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.name;
import static org.jooq.impl.DSL.row;
import static org.jooq.impl.DSL.selectOne;
import static org.jooq.impl.DSL.sum;
import static org.jooq.impl.DSL.values;
import static org.jooq.impl.DSL.when;

import dev.tandem.roster.HeadcountQuery;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Row4;
import org.jooq.Table;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;

/**
 * The aggregates behind DESIGN §3.3, each one set-based query grouped in the database by week and
 * group. Weeks are a VALUES table with each week's Monday and Sunday (for headcount) and the
 * instants it starts and ends at in the organisation's zone (to place incidents in weeks).
 *
 * <p>Scope: changes and developer-weeks count developers whose team is in the scope; incidents
 * count when their owning team is in the scope (an incident without an owning team counts only for
 * the whole organisation). {@code teamIds} null means the whole organisation.
 */
@Repository
class ReliabilityQuery {

  /** Incidents of one week, involvement, tool (null for none/unknown) and severity. */
  record IncidentCount(
      LocalDate monday, String involvement, String tool, String severity, long incidents) {}

  /** Changes of one week and attribution ('none' or a tool key). */
  record ChangeSum(LocalDate monday, String attribution, long changes) {}

  /** Headcount of one week and how many of those developers used any AI tool (active_days >= 1). */
  record HeadcountWeek(LocalDate monday, long headcount, long aiUsers) {}

  /** Developers in headcount who used a tool in a week (active_days >= 1). */
  record ToolUsers(LocalDate monday, String tool, long users) {}

  /** A resolved incident's group and its start and resolution. */
  record Restore(
      String involvement, String tool, OffsetDateTime startedAt, OffsetDateTime resolvedAt) {}

  /** Counts of one involvement and root cause with the safeguard answers (null = not recorded). */
  record CauseCount(
      String involvement,
      String rootCause,
      long incidents,
      long notPeerReviewed,
      long peerReviewedUnknown,
      long noApprovalRequired,
      long approvalUnknown,
      long permissionsExceeded,
      long permissionsUnknown) {}

  private static final Field<LocalDate> MONDAY = field(name("w", "monday"), LocalDate.class);
  private static final Field<LocalDate> SUNDAY = field(name("w", "sunday"), LocalDate.class);
  private static final Field<OffsetDateTime> START_AT =
      field(name("w", "start_at"), OffsetDateTime.class);
  private static final Field<OffsetDateTime> END_AT =
      field(name("w", "end_at"), OffsetDateTime.class);

  private final DSLContext db;

  ReliabilityQuery(DSLContext db) {
    this.db = db;
  }

  List<IncidentCount> incidentsByWeek(List<WeekBounds> weeks, Collection<Long> teamIds) {
    return db.select(MONDAY, INCIDENT.AI_INVOLVEMENT, INCIDENT.TOOL_KEY, INCIDENT.SEVERITY, count())
        .from(weeksTable(weeks))
        .join(INCIDENT)
        .on(INCIDENT.STARTED_AT.ge(START_AT).and(INCIDENT.STARTED_AT.lt(END_AT)))
        .where(incidentInScope(teamIds))
        .groupBy(MONDAY, INCIDENT.AI_INVOLVEMENT, INCIDENT.TOOL_KEY, INCIDENT.SEVERITY)
        .fetch(
            r ->
                new IncidentCount(
                    r.value1(), r.value2(), r.value3(), r.value4(), r.value5().longValue()));
  }

  /**
   * Distinct developers behind each tool's figures in the range and scope: those who used it on at
   * least one day or have changes attributed to it. The size of the group that the small-group rule
   * (DESIGN §3.4) looks at.
   */
  java.util.Map<String, Integer> developersByTool(
      List<WeekBounds> weeks, Collection<Long> teamIds) {
    LocalDate first = weeks.get(0).monday();
    LocalDate last = weeks.get(weeks.size() - 1).monday();
    Table<?> people =
        db.select(USAGE_WEEK.DEVELOPER_ID.as("developer_id"), USAGE_WEEK.TOOL_KEY.as("tool"))
            .from(USAGE_WEEK)
            .join(DEVELOPER)
            .on(DEVELOPER.ID.eq(USAGE_WEEK.DEVELOPER_ID))
            .where(USAGE_WEEK.ACTIVE_DAYS.ge((short) 1))
            .and(USAGE_WEEK.WEEK_START.between(first, last))
            .and(developerInScope(teamIds))
            .union(
                db.select(CHANGE_COUNT.DEVELOPER_ID, CHANGE_COUNT.ATTRIBUTION)
                    .from(CHANGE_COUNT)
                    .join(DEVELOPER)
                    .on(DEVELOPER.ID.eq(CHANGE_COUNT.DEVELOPER_ID))
                    .where(CHANGE_COUNT.ATTRIBUTION.ne("none"))
                    .and(CHANGE_COUNT.CHANGES.gt(0))
                    .and(CHANGE_COUNT.WEEK_START.between(first, last))
                    .and(developerInScope(teamIds)))
            .asTable("p");
    Field<String> tool = people.field("tool", String.class);
    return db.select(tool, DSL.countDistinct(people.field("developer_id")))
        .from(people)
        .groupBy(tool)
        .fetchMap(r -> r.value1(), r -> r.value2());
  }

  List<ChangeSum> changesByWeek(List<WeekBounds> weeks, Collection<Long> teamIds) {
    Field<BigDecimal> changes = sum(CHANGE_COUNT.CHANGES);
    return db.select(CHANGE_COUNT.WEEK_START, CHANGE_COUNT.ATTRIBUTION, changes)
        .from(CHANGE_COUNT)
        .join(DEVELOPER)
        .on(DEVELOPER.ID.eq(CHANGE_COUNT.DEVELOPER_ID))
        .where(
            CHANGE_COUNT
                .WEEK_START
                .between(weeks.get(0).monday(), weeks.get(weeks.size() - 1).monday())
                .and(developerInScope(teamIds)))
        .groupBy(CHANGE_COUNT.WEEK_START, CHANGE_COUNT.ATTRIBUTION)
        .fetch(r -> new ChangeSum(r.value1(), r.value2(), r.value3().longValue()));
  }

  /** DESIGN §3.1 headcount per week, and how many of those developer-weeks had any AI usage. */
  List<HeadcountWeek> headcountByWeek(List<WeekBounds> weeks, Collection<Long> teamIds) {
    Condition usedAi =
        exists(
            selectOne()
                .from(USAGE_WEEK)
                .where(
                    USAGE_WEEK
                        .DEVELOPER_ID
                        .eq(DEVELOPER.ID)
                        .and(USAGE_WEEK.WEEK_START.eq(MONDAY))
                        .and(USAGE_WEEK.ACTIVE_DAYS.ge((short) 1))));
    return db.select(MONDAY, count(DEVELOPER.ID), count(when(usedAi, DSL.inline(1))))
        .from(weeksTable(weeks))
        .leftJoin(DEVELOPER)
        .on(inHeadcount().and(developerInScope(teamIds)))
        .groupBy(MONDAY)
        .fetch(r -> new HeadcountWeek(r.value1(), r.value2(), r.value3()));
  }

  List<ToolUsers> toolUsersByWeek(List<WeekBounds> weeks, Collection<Long> teamIds) {
    return db.select(MONDAY, USAGE_WEEK.TOOL_KEY, count())
        .from(weeksTable(weeks))
        .join(DEVELOPER)
        .on(inHeadcount().and(developerInScope(teamIds)))
        .join(USAGE_WEEK)
        .on(
            USAGE_WEEK
                .DEVELOPER_ID
                .eq(DEVELOPER.ID)
                .and(USAGE_WEEK.WEEK_START.eq(MONDAY))
                .and(USAGE_WEEK.ACTIVE_DAYS.ge((short) 1)))
        .groupBy(MONDAY, USAGE_WEEK.TOOL_KEY)
        .fetch(r -> new ToolUsers(r.value1(), r.value2(), r.value3()));
  }

  /**
   * Start and resolution of resolved incidents in the range: few rows (one per incident), because a
   * median cannot be computed portably in H2 and PostgreSQL SQL from timestamp differences.
   */
  List<Restore> restores(List<WeekBounds> weeks, Collection<Long> teamIds) {
    return db.select(
            INCIDENT.AI_INVOLVEMENT, INCIDENT.TOOL_KEY, INCIDENT.STARTED_AT, INCIDENT.RESOLVED_AT)
        .from(INCIDENT)
        .where(inRange(weeks).and(INCIDENT.RESOLVED_AT.isNotNull()).and(incidentInScope(teamIds)))
        .fetch(r -> new Restore(r.value1(), r.value2(), r.value3(), r.value4()));
  }

  List<CauseCount> causesAndSafeguards(List<WeekBounds> weeks, Collection<Long> teamIds) {
    return db.select(
            INCIDENT.AI_INVOLVEMENT,
            INCIDENT.ROOT_CAUSE,
            count(),
            countWhere(INCIDENT.PEER_REVIEWED.isFalse()),
            countWhere(INCIDENT.PEER_REVIEWED.isNull()),
            countWhere(INCIDENT.APPROVAL_REQUIRED.isFalse()),
            countWhere(INCIDENT.APPROVAL_REQUIRED.isNull()),
            countWhere(INCIDENT.PERMISSIONS_EXCEEDED.isTrue()),
            countWhere(INCIDENT.PERMISSIONS_EXCEEDED.isNull()))
        .from(INCIDENT)
        .where(inRange(weeks).and(incidentInScope(teamIds)))
        .groupBy(INCIDENT.AI_INVOLVEMENT, INCIDENT.ROOT_CAUSE)
        .fetch(
            r ->
                new CauseCount(
                    r.value1(),
                    r.value2(),
                    r.value3(),
                    r.value4(),
                    r.value5(),
                    r.value6(),
                    r.value7(),
                    r.value8(),
                    r.value9()));
  }

  private static Field<Integer> countWhere(Condition condition) {
    return count(when(condition, DSL.inline(1)));
  }

  private static Condition inRange(List<WeekBounds> weeks) {
    return INCIDENT
        .STARTED_AT
        .ge(weeks.get(0).startAt())
        .and(INCIDENT.STARTED_AT.lt(weeks.get(weeks.size() - 1).endAt()));
  }

  /** The headcount rule of DESIGN §3.1, defined once in {@link HeadcountQuery}. */
  private static Condition inHeadcount() {
    return HeadcountQuery.inHeadcount(MONDAY, SUNDAY);
  }

  private static Condition developerInScope(Collection<Long> teamIds) {
    return HeadcountQuery.inScope(teamIds);
  }

  private static Condition incidentInScope(Collection<Long> teamIds) {
    return teamIds == null ? DSL.noCondition() : INCIDENT.TEAM_ID.in(teamIds);
  }

  private static Table<? extends Record> weeksTable(List<WeekBounds> weeks) {
    @SuppressWarnings("unchecked")
    Row4<LocalDate, LocalDate, OffsetDateTime, OffsetDateTime>[] rows =
        weeks.stream()
            .map(w -> row(w.monday(), w.sunday(), w.startAt(), w.endAt()))
            .toArray(Row4[]::new);
    return values(rows).as("w", "monday", "sunday", "start_at", "end_at");
  }
}

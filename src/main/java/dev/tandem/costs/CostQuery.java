package dev.tandem.costs;

import static dev.tandem.costs.SeatQuery.OPEN;
import static dev.tandem.costs.SeatQuery.SEATS;
import static dev.tandem.db.Tables.DEVELOPER;
import static dev.tandem.db.Tables.SEAT;
import static dev.tandem.db.Tables.USAGE_DAY;
import static dev.tandem.db.Tables.USAGE_WEEK;
import static org.jooq.impl.DSL.coalesce;
import static org.jooq.impl.DSL.count;
import static org.jooq.impl.DSL.inline;
import static org.jooq.impl.DSL.month;
import static org.jooq.impl.DSL.noCondition;
import static org.jooq.impl.DSL.selectDistinct;
import static org.jooq.impl.DSL.selectOne;
import static org.jooq.impl.DSL.sum;
import static org.jooq.impl.DSL.when;
import static org.jooq.impl.DSL.year;

import dev.tandem.base.IdSets;
import dev.tandem.rollup.RollupQuery;
import dev.tandem.rollup.ScopeIds;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Records;
import org.jooq.Table;
import org.springframework.stereotype.Repository;

/**
 * The set-based reads behind every cost figure: per developer's team, tool and month of the period
 * (month index 0 = the first month), so a read is sized teams × tools × months.
 */
@Repository
class CostQuery {

  private final DSLContext db;
  private final RollupQuery rollup;
  private final SeatQuery seats;

  CostQuery(DSLContext db, RollupQuery rollup) {
    this.db = db;
    this.rollup = rollup;
    this.seats = new SeatQuery(db);
  }

  /**
   * Seat-days per team, tool and month: {@code heldDays} every day a seat was held, {@code
   * pricedDays} those with a price, {@code priceDays} the sum of monthly price × day (divided by
   * the month's days it is the pro-rata seat cost), {@code holders} distinct seat holders. Rows
   * with {@code tool} null carry only the holders over any tool.
   */
  record SeatMonth(
      long teamId,
      String tool,
      int month,
      long heldDays,
      long pricedDays,
      BigDecimal priceDays,
      int holders) {}

  /** Usage-based spend per team, tool and month, in the organisation's currency. */
  record UsageMonth(long teamId, String tool, int month, BigDecimal cost) {}

  /**
   * Developers in headcount with at least one active day in a week starting in the month, and their
   * developer-weeks ({@code tool} null: any tool).
   */
  record ActiveMonth(long teamId, String tool, int month, int developers, int userWeeks) {}

  /** Seats held on a day, and those whose holder was active in the 28 days up to it. */
  record SeatsOnDay(long teamId, String tool, int seats, int activeHolders) {}

  /** A seat still held by someone who has left. */
  record LeaverSeat(
      String name,
      String email,
      long teamId,
      String tool,
      String seatType,
      LocalDate assignedOn,
      LocalDate leftOn,
      BigDecimal monthlyPrice) {}

  /** A developer who used a tool in the period without holding a seat of it. */
  record Unseated(String name, String email, long teamId, String tool, int activeWeeks) {}

  List<SeatMonth> seatMonths(ScopeIds scope, YearMonth from, int months) {
    return seats.seatMonths(scope, from, months);
  }

  List<UsageMonth> usageMonths(ScopeIds scope, YearMonth from, YearMonth to, CostSettings rates) {
    Field<Integer> i = monthIndex(from, USAGE_DAY.USAGE_DATE);
    Field<BigDecimal> cost =
        when(
                USAGE_DAY.TOOL_KEY.eq("kiro"),
                coalesce(USAGE_DAY.OVERAGE_CREDITS_USED, BigDecimal.ZERO))
            .otherwise(BigDecimal.ZERO)
            .times(rates.kiroCreditPrice())
            .plus(
                when(
                        USAGE_DAY.TOOL_KEY.eq("copilot"),
                        coalesce(USAGE_DAY.CREDITS_USED, BigDecimal.ZERO))
                    .otherwise(BigDecimal.ZERO)
                    .times(rates.copilotCreditPrice()))
            .plus(
                coalesce(USAGE_DAY.USAGE_BASED_REQUESTS, 0L)
                    .cast(BigDecimal.class)
                    .times(rates.cursorRequestPrice()))
            .plus(
                coalesce(USAGE_DAY.ESTIMATED_COST_CENTS, BigDecimal.ZERO)
                    .times(rates.usdRate())
                    .div(inline(new BigDecimal(100))));
    return db.select(DEVELOPER.TEAM_ID, USAGE_DAY.TOOL_KEY, i, sum(cost))
        .from(USAGE_DAY)
        .join(DEVELOPER)
        .on(DEVELOPER.ID.eq(USAGE_DAY.DEVELOPER_ID))
        .where(in(scope))
        .and(USAGE_DAY.USAGE_DATE.ge(from.atDay(1)))
        .and(USAGE_DAY.USAGE_DATE.le(to.atEndOfMonth()))
        .groupBy(DEVELOPER.TEAM_ID, USAGE_DAY.TOOL_KEY, i)
        .fetch(r -> new UsageMonth(r.value1(), r.value2(), r.value3(), r.value4()));
  }

  /**
   * Per tool and, with {@code tool} null, over any tool: from the monthly rollup (a developer in
   * headcount with an active week whose Monday is in the month; the rollup's definition).
   */
  List<ActiveMonth> activeMonths(ScopeIds scope, YearMonth from, YearMonth to) {
    return rollup.teamMonths(from, to, scope).stream()
        .map(
            m ->
                new ActiveMonth(
                    m.teamId(),
                    m.tool(),
                    (int)
                        from.until(YearMonth.from(m.month()), java.time.temporal.ChronoUnit.MONTHS),
                    m.developers(),
                    m.weeks()))
        .toList();
  }

  /**
   * Seats held on {@code day} per team and tool, and how many of their holders had an active day
   * with that tool in the four ISO weeks (28 days) up to and including the week of {@code day}.
   */
  List<SeatsOnDay> seatsOn(ScopeIds scope, LocalDate day) {
    Table<?> active = activeIn28Days(day);
    Field<Long> activeDeveloper = active.field("developer_id", Long.class);
    return db.select(DEVELOPER.TEAM_ID, SEAT.TOOL_KEY, count(), count(activeDeveloper))
        .from(SEATS)
        .join(DEVELOPER)
        .on(DEVELOPER.ID.eq(SEAT.DEVELOPER_ID))
        .leftJoin(active)
        .on(activeDeveloper.eq(SEAT.DEVELOPER_ID))
        .and(active.field("tool_key", String.class).eq(SEAT.TOOL_KEY))
        .where(in(scope))
        .and(heldOn(day))
        .groupBy(DEVELOPER.TEAM_ID, SEAT.TOOL_KEY)
        .fetch(r -> new SeatsOnDay(r.value1(), r.value2(), r.value3(), r.value4()));
  }

  /** Seats held on {@code day} by developers who left on or before it, oldest leaver first. */
  List<LeaverSeat> leaverSeats(ScopeIds scope, LocalDate day, int limit) {
    Table<?> seg = SeatQuery.segments();
    Field<LocalDate> segStart = seg.field("seg_start", LocalDate.class);
    Field<LocalDate> segEnd = seg.field("seg_end", LocalDate.class);
    // A seat's segments do not overlap: at most one holds the day.
    Field<BigDecimal> price = seg.field("price", BigDecimal.class);
    return db.select(
            DEVELOPER.NAME,
            DEVELOPER.EMAIL,
            DEVELOPER.TEAM_ID,
            SEAT.TOOL_KEY,
            SEAT.SEAT_TYPE,
            SEAT.ASSIGNED_ON,
            DEVELOPER.LEFT_ON,
            price)
        .from(SEATS)
        .join(DEVELOPER)
        .on(DEVELOPER.ID.eq(SEAT.DEVELOPER_ID))
        .leftJoin(seg)
        .on(seg.field("id", Long.class).eq(SEAT.ID))
        .and(segStart.le(day))
        .and(segEnd.gt(day))
        .where(in(scope))
        .and(heldOn(day))
        .and(DEVELOPER.LEFT_ON.le(day))
        .orderBy(DEVELOPER.LEFT_ON, DEVELOPER.EMAIL, SEAT.TOOL_KEY)
        .limit(limit)
        .fetch(Records.mapping(LeaverSeat::new));
  }

  int countLeaverSeats(ScopeIds scope, LocalDate day) {
    return db.selectCount()
        .from(SEATS)
        .join(DEVELOPER)
        .on(DEVELOPER.ID.eq(SEAT.DEVELOPER_ID))
        .where(in(scope))
        .and(heldOn(day))
        .and(DEVELOPER.LEFT_ON.le(day))
        .fetchSingle(0, int.class);
  }

  /**
   * Developers with an active week of a tool in the period and no seat of it on any day of the
   * period, for tools of which the organisation has seats at all.
   */
  List<Unseated> unseated(ScopeIds scope, LocalDate first, LocalDate last, int limit) {
    // The tools first (a few keys): without seats of any tool there is nothing to read, and the
    // usage rows are then narrowed by literal keys, which every database estimates well.
    List<String> toolsWithSeats = db.selectDistinct(SEAT.TOOL_KEY).from(SEATS).fetch(SEAT.TOOL_KEY);
    if (toolsWithSeats.isEmpty()) {
      return List.of();
    }
    return db.select(
            DEVELOPER.NAME, DEVELOPER.EMAIL, DEVELOPER.TEAM_ID, USAGE_WEEK.TOOL_KEY, count())
        .from(USAGE_WEEK)
        .join(DEVELOPER)
        .on(DEVELOPER.ID.eq(USAGE_WEEK.DEVELOPER_ID))
        .where(in(scope))
        .and(RollupQuery.usedAi())
        .and(USAGE_WEEK.WEEK_START.between(first, last))
        .and(USAGE_WEEK.TOOL_KEY.in(toolsWithSeats))
        .andNotExists(
            selectOne()
                .from(SEATS)
                .where(SEAT.DEVELOPER_ID.eq(USAGE_WEEK.DEVELOPER_ID))
                .and(SEAT.TOOL_KEY.eq(USAGE_WEEK.TOOL_KEY))
                .and(SEAT.ASSIGNED_ON.le(last))
                .and(coalesce(SEAT.REMOVED_ON, inline(OPEN)).gt(first)))
        .groupBy(
            DEVELOPER.ID, DEVELOPER.NAME, DEVELOPER.EMAIL, DEVELOPER.TEAM_ID, USAGE_WEEK.TOOL_KEY)
        .orderBy(USAGE_WEEK.TOOL_KEY, count().desc(), DEVELOPER.EMAIL)
        .limit(limit)
        .fetch(r -> new Unseated(r.value1(), r.value2(), r.value3(), r.value4(), r.value5()));
  }

  /** Held seats (identity not yet mapped) on {@code day}: not in any team's figures. */
  int heldSeatsOn(LocalDate day) {
    return db.selectCount()
        .from(SEATS)
        .where(SEAT.DEVELOPER_ID.isNull())
        .and(SEAT.ASSIGNED_ON.le(day))
        .and(coalesce(SEAT.REMOVED_ON, inline(OPEN)).gt(day))
        .fetchSingle(0, int.class);
  }

  private static Condition heldOn(LocalDate day) {
    return SEAT.ASSIGNED_ON.le(day).and(coalesce(SEAT.REMOVED_ON, inline(OPEN)).gt(day));
  }

  private static Table<?> activeIn28Days(LocalDate day) {
    LocalDate monday = day.with(java.time.DayOfWeek.MONDAY);
    return selectDistinct(USAGE_WEEK.DEVELOPER_ID, USAGE_WEEK.TOOL_KEY)
        .from(USAGE_WEEK)
        .where(RollupQuery.usedAi())
        .and(USAGE_WEEK.WEEK_START.between(monday.minusWeeks(3), monday))
        .asTable("a");
  }

  static Condition in(ScopeIds scope) {
    return scope.organisation() ? noCondition() : IdSets.in(DEVELOPER.TEAM_ID, scope.teams());
  }

  /** The month index (0 = {@code from}) of a date. */
  private static Field<Integer> monthIndex(YearMonth from, Field<LocalDate> date) {
    return year(date)
        .minus(inline(from.getYear()))
        .times(inline(12))
        .plus(month(date))
        .minus(inline(from.getMonthValue()));
  }
}

package dev.tandem.costs;

import static dev.tandem.db.Tables.DEVELOPER;
import static dev.tandem.db.Tables.SEAT;
import static dev.tandem.db.Tables.SEAT_PRICE;
import static dev.tandem.db.Tables.USAGE_DAY;
import static dev.tandem.db.Tables.USAGE_WEEK;
import static org.jooq.impl.DSL.coalesce;
import static org.jooq.impl.DSL.count;
import static org.jooq.impl.DSL.countDistinct;
import static org.jooq.impl.DSL.generateSeries;
import static org.jooq.impl.DSL.greatest;
import static org.jooq.impl.DSL.inline;
import static org.jooq.impl.DSL.lead;
import static org.jooq.impl.DSL.least;
import static org.jooq.impl.DSL.localDateAdd;
import static org.jooq.impl.DSL.localDateDiff;
import static org.jooq.impl.DSL.month;
import static org.jooq.impl.DSL.noCondition;
import static org.jooq.impl.DSL.notExists;
import static org.jooq.impl.DSL.select;
import static org.jooq.impl.DSL.selectDistinct;
import static org.jooq.impl.DSL.selectOne;
import static org.jooq.impl.DSL.sum;
import static org.jooq.impl.DSL.when;
import static org.jooq.impl.DSL.year;

import dev.tandem.base.IdSets;
import dev.tandem.rollup.RollupQuery;
import dev.tandem.rollup.Scope;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.DatePart;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Table;
import org.springframework.stereotype.Repository;

/**
 * The set-based reads behind every cost figure: per developer's team, tool and month of the period
 * (month index 0 = the first month), so a read is sized teams × tools × months.
 */
@Repository
class CostQuery {

  /** A seat without a removal day is held "for ever": a day no period reaches. */
  static final LocalDate OPEN = LocalDate.of(9999, 12, 31);

  /**
   * Sources whose seats are read from a subscription tier in daily usage (Kiro's user report,
   * Claude Code's analytics) rather than from a seat list.
   */
  static final List<String> TIER_SOURCES =
      List.of("kiro-user-report-csv", "claude-code-usage-json");

  /**
   * The seats that count: a seat read from a tier counts only for a developer and tool that no seat
   * list (tandem-seats-csv, a vendor's seat list) gives a seat, so no day is paid twice.
   */
  static final Table<dev.tandem.db.tables.records.SeatRecord> SEATS = counted();

  private static Table<dev.tandem.db.tables.records.SeatRecord> counted() {
    var listed = SEAT.as("listed");
    return SEAT.where(
        SEAT.SOURCE
            .notIn(TIER_SOURCES)
            .or(
                notExists(
                    selectOne()
                        .from(listed)
                        .where(listed.DEVELOPER_ID.eq(SEAT.DEVELOPER_ID))
                        .and(listed.TOOL_KEY.eq(SEAT.TOOL_KEY))
                        .and(listed.SOURCE.notIn(TIER_SOURCES)))));
  }

  private final DSLContext db;
  private final RollupQuery rollup;

  CostQuery(DSLContext db, RollupQuery rollup) {
    this.db = db;
    this.rollup = rollup;
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

  List<SeatMonth> seatMonths(Scope scope, YearMonth from, int months) {
    Table<?> m = months(months);
    Field<Integer> i = m.field("i", Integer.class);
    Field<LocalDate> start = monthStart(from, i);
    Field<LocalDate> end = monthStart(from, i.plus(1));
    // Held: every seat with a developer, its whole interval.
    Field<LocalDate> heldEnd = coalesce(SEAT.REMOVED_ON, inline(OPEN));
    Field<Integer> heldOverlap =
        localDateDiff(least(heldEnd, end), greatest(SEAT.ASSIGNED_ON, start));
    var held =
        db.select(
                DEVELOPER.TEAM_ID,
                SEAT.TOOL_KEY,
                i,
                sum(heldOverlap).as("held"),
                countDistinct(SEAT.DEVELOPER_ID).as("holders"))
            .from(SEATS)
            .join(DEVELOPER)
            .on(DEVELOPER.ID.eq(SEAT.DEVELOPER_ID))
            .crossJoin(m)
            .where(in(scope))
            .and(SEAT.ASSIGNED_ON.lt(end))
            .and(heldEnd.gt(start))
            .groupBy(DEVELOPER.TEAM_ID, SEAT.TOOL_KEY, i)
            .fetch();
    Table<?> seg = segments();
    Field<Long> segDeveloper = seg.field("developer_id", Long.class);
    Field<String> segTool = seg.field("tool_key", String.class);
    Field<LocalDate> segStart = seg.field("seg_start", LocalDate.class);
    Field<LocalDate> segEnd = seg.field("seg_end", LocalDate.class);
    Field<BigDecimal> price = seg.field("price", BigDecimal.class);
    Field<Integer> overlap = localDateDiff(least(segEnd, end), greatest(segStart, start));
    var priced =
        db.select(
                DEVELOPER.TEAM_ID,
                segTool,
                i,
                sum(overlap).as("priced"),
                sum(price.times(overlap)).as("price_days"))
            .from(seg)
            .join(DEVELOPER)
            .on(DEVELOPER.ID.eq(segDeveloper))
            .crossJoin(m)
            .where(in(scope))
            .and(segStart.lt(end))
            .and(segEnd.gt(start))
            .groupBy(DEVELOPER.TEAM_ID, segTool, i)
            .fetchMap(r -> r.value1() + "|" + r.value2() + "|" + r.value3(), r -> r);
    // Holders over any tool: a developer with seats of two tools is one holder.
    List<SeatMonth> anyTool =
        db.select(DEVELOPER.TEAM_ID, i, countDistinct(SEAT.DEVELOPER_ID))
            .from(SEATS)
            .join(DEVELOPER)
            .on(DEVELOPER.ID.eq(SEAT.DEVELOPER_ID))
            .crossJoin(m)
            .where(in(scope))
            .and(SEAT.ASSIGNED_ON.lt(end))
            .and(heldEnd.gt(start))
            .groupBy(DEVELOPER.TEAM_ID, i)
            .fetch(
                r ->
                    new SeatMonth(r.value1(), null, r.value2(), 0, 0, BigDecimal.ZERO, r.value3()));
    List<SeatMonth> perTool =
        held.stream()
            .map(
                r -> {
                  Record p = priced.get(r.value1() + "|" + r.value2() + "|" + r.value3());
                  return new SeatMonth(
                      r.value1(),
                      r.value2(),
                      r.value3(),
                      r.get("held", Long.class),
                      p == null ? 0 : p.get("priced", Long.class),
                      p == null ? BigDecimal.ZERO : p.get("price_days", BigDecimal.class),
                      r.get("holders", Integer.class));
                })
            .toList();
    List<SeatMonth> all = new java.util.ArrayList<>(perTool);
    all.addAll(anyTool);
    return all;
  }

  /**
   * Each seat's days at one price: a price from the file for the whole seat, else the price list's
   * entries (each valid until the next one of its tool and seat type), cut to the seat's days.
   */
  private Table<?> segments() {
    var list =
        select(
                SEAT_PRICE.TOOL_KEY,
                SEAT_PRICE.SEAT_TYPE,
                SEAT_PRICE.VALID_FROM,
                lead(SEAT_PRICE.VALID_FROM)
                    .over()
                    .partitionBy(SEAT_PRICE.TOOL_KEY, SEAT_PRICE.SEAT_TYPE)
                    .orderBy(SEAT_PRICE.VALID_FROM)
                    .as("valid_to"),
                SEAT_PRICE.MONTHLY_PRICE)
            .from(SEAT_PRICE)
            .asTable("p");
    Field<LocalDate> validFrom = list.field(SEAT_PRICE.VALID_FROM);
    Field<LocalDate> validTo = list.field("valid_to", LocalDate.class);
    Field<LocalDate> seatEnd = coalesce(SEAT.REMOVED_ON, inline(OPEN));
    var own =
        select(
                SEAT.ID,
                SEAT.DEVELOPER_ID,
                SEAT.TOOL_KEY,
                SEAT.ASSIGNED_ON.as("seg_start"),
                seatEnd.as("seg_end"),
                SEAT.MONTHLY_PRICE.as("price"))
            .from(SEATS)
            .where(SEAT.MONTHLY_PRICE.isNotNull())
            .and(SEAT.DEVELOPER_ID.isNotNull());
    var listed =
        select(
                SEAT.ID,
                SEAT.DEVELOPER_ID,
                SEAT.TOOL_KEY,
                greatest(SEAT.ASSIGNED_ON, validFrom).as("seg_start"),
                least(seatEnd, coalesce(validTo, inline(OPEN))).as("seg_end"),
                list.field(SEAT_PRICE.MONTHLY_PRICE).as("price"))
            .from(SEATS)
            .join(list)
            .on(list.field(SEAT_PRICE.TOOL_KEY).eq(SEAT.TOOL_KEY))
            .and(list.field(SEAT_PRICE.SEAT_TYPE).eq(SEAT.SEAT_TYPE))
            .where(SEAT.MONTHLY_PRICE.isNull())
            .and(SEAT.DEVELOPER_ID.isNotNull())
            .and(validFrom.lt(seatEnd))
            .and(coalesce(validTo, inline(OPEN)).gt(SEAT.ASSIGNED_ON));
    return own.unionAll(listed).asTable("seg");
  }

  List<UsageMonth> usageMonths(Scope scope, YearMonth from, YearMonth to, CostSettings rates) {
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
  List<ActiveMonth> activeMonths(Scope scope, YearMonth from, YearMonth to) {
    return rollup.teamMonths(from, to, scope.organisation() ? null : scope.teams()).stream()
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
  List<SeatsOnDay> seatsOn(Scope scope, LocalDate day) {
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
  List<LeaverSeat> leaverSeats(Scope scope, LocalDate day, int limit) {
    Table<?> seg = segments();
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
        .fetch(
            r ->
                new LeaverSeat(
                    r.value1(),
                    r.value2(),
                    r.value3(),
                    r.value4(),
                    r.value5(),
                    r.value6(),
                    r.value7(),
                    r.value8()));
  }

  int countLeaverSeats(Scope scope, LocalDate day) {
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
  List<Unseated> unseated(Scope scope, LocalDate first, LocalDate last, int limit) {
    var seated =
        selectDistinct(SEAT.DEVELOPER_ID, SEAT.TOOL_KEY)
            .from(SEATS)
            .where(SEAT.DEVELOPER_ID.isNotNull())
            .and(SEAT.ASSIGNED_ON.le(last))
            .and(coalesce(SEAT.REMOVED_ON, inline(OPEN)).gt(first))
            .asTable("s");
    Field<Long> seatedDeveloper = seated.field("developer_id", Long.class);
    return db.select(
            DEVELOPER.NAME, DEVELOPER.EMAIL, DEVELOPER.TEAM_ID, USAGE_WEEK.TOOL_KEY, count())
        .from(USAGE_WEEK)
        .join(DEVELOPER)
        .on(DEVELOPER.ID.eq(USAGE_WEEK.DEVELOPER_ID))
        .leftJoin(seated)
        .on(seatedDeveloper.eq(USAGE_WEEK.DEVELOPER_ID))
        .and(seated.field("tool_key", String.class).eq(USAGE_WEEK.TOOL_KEY))
        .where(in(scope))
        .and(RollupQuery.usedAi())
        .and(USAGE_WEEK.WEEK_START.between(first, last))
        .and(seatedDeveloper.isNull())
        .and(USAGE_WEEK.TOOL_KEY.in(selectDistinct(SEAT.TOOL_KEY).from(SEATS)))
        .groupBy(DEVELOPER.NAME, DEVELOPER.EMAIL, DEVELOPER.TEAM_ID, USAGE_WEEK.TOOL_KEY)
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

  private static Condition in(Scope scope) {
    return scope.organisation() ? noCondition() : IdSets.in(DEVELOPER.TEAM_ID, scope.teams());
  }

  private static Table<?> months(int months) {
    return generateSeries(0, months - 1).as("m", "i");
  }

  private static Field<LocalDate> monthStart(YearMonth from, Field<Integer> i) {
    return localDateAdd(inline(from.atDay(1)), i, DatePart.MONTH);
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

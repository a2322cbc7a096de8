package dev.tandem.costs;

import static dev.tandem.costs.CostQuery.in;
import static dev.tandem.db.Tables.DEVELOPER;
import static dev.tandem.db.Tables.SEAT;
import static dev.tandem.db.Tables.SEAT_PRICE;
import static org.jooq.impl.DSL.coalesce;
import static org.jooq.impl.DSL.countDistinct;
import static org.jooq.impl.DSL.generateSeries;
import static org.jooq.impl.DSL.greatest;
import static org.jooq.impl.DSL.inline;
import static org.jooq.impl.DSL.lead;
import static org.jooq.impl.DSL.least;
import static org.jooq.impl.DSL.localDateAdd;
import static org.jooq.impl.DSL.localDateDiff;
import static org.jooq.impl.DSL.notExists;
import static org.jooq.impl.DSL.select;
import static org.jooq.impl.DSL.selectOne;
import static org.jooq.impl.DSL.sum;

import dev.tandem.costs.CostQuery.SeatMonth;
import dev.tandem.rollup.ScopeIds;
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

/**
 * The seats that count and their cost: {@link CostQuery}'s seat-days per team, tool and month, and
 * the seats' days at one price that the reclaim list reads too.
 */
final class SeatQuery {

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

  SeatQuery(DSLContext db) {
    this.db = db;
  }

  /**
   * Seat-days per team, tool and month: {@code heldDays} every day a seat was held, {@code
   * pricedDays} those with a price, {@code priceDays} the sum of monthly price × day (divided by
   * the month's days it is the pro-rata seat cost), {@code holders} distinct seat holders. Rows
   * with {@code tool} null carry only the holders over any tool.
   */
  List<SeatMonth> seatMonths(ScopeIds scope, YearMonth from, int months) {
    Table<?> m = months(months);
    Field<Integer> i = m.field("i", Integer.class);
    Field<LocalDate> start = monthStart(from, i);
    Field<LocalDate> end = monthStart(from, i.plus(1));
    // Held: every seat with a developer in the scope, its whole interval, in each month it meets.
    Field<LocalDate> heldEnd = coalesce(SEAT.REMOVED_ON, inline(OPEN));
    Field<Integer> heldOverlap =
        localDateDiff(least(heldEnd, end), greatest(SEAT.ASSIGNED_ON, start));
    Table<?> seatMonths = SEATS.join(DEVELOPER).on(DEVELOPER.ID.eq(SEAT.DEVELOPER_ID)).crossJoin(m);
    Condition heldInMonth = in(scope).and(SEAT.ASSIGNED_ON.lt(end)).and(heldEnd.gt(start));
    var held =
        db.select(
                DEVELOPER.TEAM_ID,
                SEAT.TOOL_KEY,
                i,
                sum(heldOverlap).as("held"),
                countDistinct(SEAT.DEVELOPER_ID).as("holders"))
            .from(seatMonths)
            .where(heldInMonth)
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
            .from(seatMonths)
            .where(heldInMonth)
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
  static Table<?> segments() {
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

  private static Table<?> months(int months) {
    return generateSeries(0, months - 1).as("m", "i");
  }

  private static Field<LocalDate> monthStart(YearMonth from, Field<Integer> i) {
    return localDateAdd(inline(from.atDay(1)), i, DatePart.MONTH);
  }
}

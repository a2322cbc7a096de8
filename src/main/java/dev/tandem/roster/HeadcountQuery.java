package dev.tandem.roster;

import static dev.tandem.db.Tables.DEVELOPER;
import static org.jooq.impl.DSL.count;
import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.name;
import static org.jooq.impl.DSL.row;
import static org.jooq.impl.DSL.values;

import dev.tandem.base.WeekRange;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record2;
import org.jooq.Row2;
import org.jooq.Table;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;

/**
 * DESIGN §3.1 headcount(W, scope): developers in scope, not excluded, with started_on <= Sunday(W)
 * and (left_on empty or left_on >= Monday(W)). One set-based query over a VALUES table of the
 * weeks.
 */
@Repository
public class HeadcountQuery {

  private final DSLContext db;

  HeadcountQuery(DSLContext db) {
    this.db = db;
  }

  /**
   * The weeks of a range as a derived table {@code w(monday, sunday)}, to join developers and usage
   * against.
   */
  public record Weeks(
      Table<Record2<LocalDate, LocalDate>> table,
      Field<LocalDate> monday,
      Field<LocalDate> sunday) {

    public static Weeks of(WeekRange range) {
      @SuppressWarnings("unchecked")
      Row2<LocalDate, LocalDate>[] rows =
          range.weeks().stream().map(w -> row(w.monday(), w.sunday())).toArray(Row2[]::new);
      return new Weeks(
          values(rows).as("w", "monday", "sunday"),
          field(name("w", "monday"), LocalDate.class),
          field(name("w", "sunday"), LocalDate.class));
    }
  }

  /**
   * The one definition of "in headcount in week W" (DESIGN §3.1), for every query that counts
   * developers.
   */
  public static Condition inHeadcount(Weeks weeks) {
    return inHeadcount(weeks.monday(), weeks.sunday());
  }

  /**
   * The same rule for a query with its own table of weeks: {@code monday}/{@code sunday} bound its
   * week.
   */
  public static Condition inHeadcount(Field<LocalDate> monday, Field<LocalDate> sunday) {
    return DEVELOPER
        .STARTED_ON
        .le(sunday)
        .and(DEVELOPER.LEFT_ON.isNull().or(DEVELOPER.LEFT_ON.ge(monday)))
        .and(DEVELOPER.EXCLUDED.isFalse());
  }

  /** Developers of the given teams; {@code null} means the whole organisation. */
  public static Condition inScope(Collection<Long> teamIds) {
    return teamIds == null ? DSL.noCondition() : DEVELOPER.TEAM_ID.in(teamIds);
  }

  /** Distinct developers who were in headcount in at least one week of the range. */
  int developersInHeadcount(WeekRange range, Collection<Long> teamIds) {
    Weeks weeks = Weeks.of(range);
    return db.fetchCount(
        db.selectDistinct(DEVELOPER.ID)
            .from(weeks.table())
            .join(DEVELOPER)
            .on(inHeadcount(weeks).and(inScope(teamIds))));
  }

  /** Headcount per week; {@code teamIds} null means the whole organisation. */
  List<WeeklyCount> weeklyHeadcount(WeekRange range, Collection<Long> teamIds) {
    Weeks weeks = Weeks.of(range);
    Field<LocalDate> monday = weeks.monday();
    Condition inHeadcount = inHeadcount(weeks);
    Condition inScope = inScope(teamIds);

    Map<LocalDate, Integer> counts =
        db.select(monday, count(DEVELOPER.ID))
            .from(weeks.table())
            .leftJoin(DEVELOPER)
            .on(inHeadcount.and(inScope))
            .groupBy(monday)
            .fetchMap(Record2::value1, Record2::value2);
    return range.weeks().stream()
        .map(w -> new WeeklyCount(w, counts.getOrDefault(w.monday(), 0)))
        .toList();
  }
}

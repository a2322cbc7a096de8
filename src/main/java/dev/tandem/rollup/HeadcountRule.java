package dev.tandem.rollup;

import static dev.tandem.db.Tables.DEVELOPER;

import java.time.LocalDate;
import java.util.Collection;
import org.jooq.Condition;
import org.jooq.Field;
import org.jooq.impl.DSL;

/**
 * DESIGN §3.1 "in headcount in week W", defined once: not excluded, {@code started_on <= Sunday(W)}
 * and ({@code left_on} empty or {@code left_on >= Monday(W)}). The rollup is built with it;
 * per-developer lists use it directly.
 */
public final class HeadcountRule {

  private HeadcountRule() {}

  /** In headcount in the week that {@code monday}/{@code sunday} bound. */
  public static Condition inHeadcount(Field<LocalDate> monday, Field<LocalDate> sunday) {
    return DEVELOPER
        .STARTED_ON
        .le(sunday)
        .and(DEVELOPER.LEFT_ON.isNull().or(DEVELOPER.LEFT_ON.ge(monday)))
        .and(DEVELOPER.EXCLUDED.isFalse());
  }

  /**
   * In headcount in at least one week from {@code first} to {@code last}: the same rule over an
   * interval, since {@code left_on >= started_on}.
   */
  public static Condition inHeadcountDuring(LocalDate firstMonday, LocalDate lastSunday) {
    return inHeadcount(DSL.inline(firstMonday), DSL.inline(lastSunday));
  }

  /** Developers of the given teams; {@code null} means the whole organisation. */
  public static Condition inScope(Collection<Long> teamIds) {
    return teamIds == null ? DSL.noCondition() : DEVELOPER.TEAM_ID.in(teamIds);
  }
}

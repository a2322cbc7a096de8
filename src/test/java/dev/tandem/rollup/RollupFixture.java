package dev.tandem.rollup;

import org.jooq.DSLContext;

/** For fixtures that write base rows directly: recompute the whole rollup as a write would. */
public final class RollupFixture {

  private RollupFixture() {}

  public static void refresh(DSLContext db) {
    java.time.LocalDate first = RollupQuery.on(db).earliestWeek();
    java.time.LocalDate horizon = java.time.LocalDate.now().plusWeeks(RollupService.HORIZON_WEEKS);
    if (first == null) {
      RollupRepository.on(db).deleteAll();
    } else {
      RollupRepository.on(db).recompute(new WeekSpan(first, horizon), null);
    }
  }
}

package dev.tandem.ingest;

import static dev.tandem.db.Tables.UNMATCHED_ROW;
import static org.jooq.impl.DSL.coalesce;
import static org.jooq.impl.DSL.count;
import static org.jooq.impl.DSL.max;
import static org.jooq.impl.DSL.min;

import java.util.List;
import org.jooq.DSLContext;
import org.springframework.stereotype.Repository;

/** The identities whose rows are held, grouped by source. */
@Repository
class UnmatchedQuery {

  private final DSLContext db;

  UnmatchedQuery(DSLContext db) {
    this.db = db;
  }

  List<UnmatchedIdentity> identities() {
    var day = coalesce(UNMATCHED_ROW.USAGE_DATE, UNMATCHED_ROW.WEEK_START);
    return db.select(UNMATCHED_ROW.SOURCE, UNMATCHED_ROW.EXTERNAL_ID, count(), min(day), max(day))
        .from(UNMATCHED_ROW)
        .groupBy(UNMATCHED_ROW.SOURCE, UNMATCHED_ROW.EXTERNAL_ID)
        .orderBy(UNMATCHED_ROW.SOURCE, count().desc(), UNMATCHED_ROW.EXTERNAL_ID)
        .fetch(
            r -> new UnmatchedIdentity(r.value1(), r.value2(), r.value3(), r.value4(), r.value5()));
  }
}

package dev.tandem.roster;

import static dev.tandem.db.Tables.IDENTITY_MAP;
import static org.jooq.impl.DSL.row;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jooq.DSLContext;
import org.jooq.Query;
import org.jooq.Row2;
import org.springframework.stereotype.Repository;

@Repository
class IdentityMapRepository {

  private final DSLContext db;

  IdentityMapRepository(DSLContext db) {
    this.db = db;
  }

  /** The current mapping of each link's identity (developer null when unmapped). */
  List<IdentityLink> current(List<IdentityLink> links) {
    Map<List<String>, Long> mapped = new HashMap<>();
    for (int i = 0; i < links.size(); i += 500) {
      List<Row2<String, String>> keys =
          links.subList(i, Math.min(links.size(), i + 500)).stream()
              .map(l -> row(l.source(), l.externalId()))
              .toList();
      db.select(IDENTITY_MAP.SOURCE, IDENTITY_MAP.EXTERNAL_ID, IDENTITY_MAP.DEVELOPER_ID)
          .from(IDENTITY_MAP)
          .where(row(IDENTITY_MAP.SOURCE, IDENTITY_MAP.EXTERNAL_ID).in(keys))
          .forEach(r -> mapped.put(List.of(r.value1(), r.value2()), r.value3()));
    }
    return links.stream()
        .map(
            l ->
                new IdentityLink(
                    l.source(), l.externalId(), mapped.get(List.of(l.source(), l.externalId()))))
        .toList();
  }

  /** Sets (or, for a null developer, removes) each mapping, in one batch. */
  void write(List<IdentityLink> links) {
    List<Query> queries =
        links.stream()
            .map(
                l ->
                    l.developerId() == null
                        ? (Query)
                            db.deleteFrom(IDENTITY_MAP)
                                .where(IDENTITY_MAP.SOURCE.eq(l.source()))
                                .and(IDENTITY_MAP.EXTERNAL_ID.eq(l.externalId()))
                        : db.insertInto(IDENTITY_MAP)
                            .set(IDENTITY_MAP.SOURCE, l.source())
                            .set(IDENTITY_MAP.EXTERNAL_ID, l.externalId())
                            .set(IDENTITY_MAP.DEVELOPER_ID, l.developerId())
                            .onConflict(IDENTITY_MAP.SOURCE, IDENTITY_MAP.EXTERNAL_ID)
                            .doUpdate()
                            .set(IDENTITY_MAP.DEVELOPER_ID, l.developerId()))
            .toList();
    db.batch(queries).execute();
  }
}

package dev.tandem.ingest;

import static dev.tandem.db.Tables.IMPORT_CREATED_TEAM;
import static dev.tandem.db.Tables.IMPORT_PRIOR_DEVELOPER;
import static dev.tandem.db.Tables.IMPORT_PRIOR_IDENTITY;

import dev.tandem.roster.Developer;
import dev.tandem.roster.IdentityLink;
import dev.tandem.roster.RosterImportOutcome;
import java.util.ArrayList;
import java.util.List;
import org.jooq.DSLContext;
import org.jooq.Query;
import org.springframework.stereotype.Repository;

/** What roster and identity-map imports replaced, kept for undo. */
@Repository
class RosterPriorRepository {

  private final DSLContext db;

  RosterPriorRepository(DSLContext db) {
    this.db = db;
  }

  void saveRoster(long batchId, RosterImportOutcome outcome) {
    List<Query> queries = new ArrayList<>();
    var p = IMPORT_PRIOR_DEVELOPER;
    for (Developer d : outcome.replaced()) {
      queries.add(
          db.insertInto(p)
              .set(p.BATCH_ID, batchId)
              .set(p.DEVELOPER_ID, d.id())
              .set(p.EXISTED, true)
              .set(p.NAME, d.name())
              .set(p.TEAM_ID, d.teamId())
              .set(p.STARTED_ON, d.startedOn())
              .set(p.LEFT_ON, d.leftOn())
              .set(p.EXCLUDED, d.excluded()));
    }
    for (Long id : outcome.createdDeveloperIds()) {
      queries.add(
          db.insertInto(p).set(p.BATCH_ID, batchId).set(p.DEVELOPER_ID, id).set(p.EXISTED, false));
    }
    for (Long id : outcome.createdTeamIds()) {
      queries.add(
          db.insertInto(IMPORT_CREATED_TEAM)
              .set(IMPORT_CREATED_TEAM.BATCH_ID, batchId)
              .set(IMPORT_CREATED_TEAM.TEAM_ID, id));
    }
    if (!queries.isEmpty()) {
      db.batch(queries).execute();
    }
  }

  RosterImportOutcome roster(long batchId) {
    var p = IMPORT_PRIOR_DEVELOPER;
    List<Developer> replaced =
        db.selectFrom(p)
            .where(p.BATCH_ID.eq(batchId))
            .and(p.EXISTED.isTrue())
            .fetch(
                r ->
                    new Developer(
                        r.getDeveloperId(),
                        null,
                        r.getName(),
                        r.getTeamId(),
                        null,
                        r.getStartedOn(),
                        r.getLeftOn(),
                        r.getExcluded()));
    List<Long> created =
        db.select(p.DEVELOPER_ID)
            .from(p)
            .where(p.BATCH_ID.eq(batchId))
            .and(p.EXISTED.isFalse())
            .fetch(p.DEVELOPER_ID);
    List<Long> teams =
        db.select(IMPORT_CREATED_TEAM.TEAM_ID)
            .from(IMPORT_CREATED_TEAM)
            .where(IMPORT_CREATED_TEAM.BATCH_ID.eq(batchId))
            .fetch(IMPORT_CREATED_TEAM.TEAM_ID);
    return new RosterImportOutcome(teams, created, replaced);
  }

  void saveIdentities(long batchId, List<IdentityLink> before) {
    var p = IMPORT_PRIOR_IDENTITY;
    db.batch(
            before.stream()
                .map(
                    l ->
                        (Query)
                            db.insertInto(p)
                                .set(p.BATCH_ID, batchId)
                                .set(p.SOURCE, l.source())
                                .set(p.EXTERNAL_ID, l.externalId())
                                .set(p.EXISTED, l.developerId() != null)
                                .set(p.DEVELOPER_ID, l.developerId()))
                .toList())
        .execute();
  }

  List<IdentityLink> identities(long batchId) {
    var p = IMPORT_PRIOR_IDENTITY;
    return db.selectFrom(p)
        .where(p.BATCH_ID.eq(batchId))
        .fetch(r -> new IdentityLink(r.getSource(), r.getExternalId(), r.getDeveloperId()));
  }
}

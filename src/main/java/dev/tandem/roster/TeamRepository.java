package dev.tandem.roster;

import static dev.tandem.db.Tables.TEAM;

import java.util.List;
import java.util.Optional;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.springframework.stereotype.Repository;

@Repository
class TeamRepository {

  private final DSLContext db;

  TeamRepository(DSLContext db) {
    this.db = db;
  }

  List<Team> findAll() {
    return db.selectFrom(TEAM).orderBy(TEAM.NAME).fetch(TeamRepository::toTeam);
  }

  Optional<Team> findByKey(String key) {
    return db.selectFrom(TEAM).where(TEAM.TEAM_KEY.eq(key)).fetchOptional(TeamRepository::toTeam);
  }

  Optional<Team> findById(long id) {
    return db.selectFrom(TEAM).where(TEAM.ID.eq(id)).fetchOptional(TeamRepository::toTeam);
  }

  long insert(Team team) {
    return db.insertInto(TEAM)
        .set(TEAM.TEAM_KEY, team.key())
        .set(TEAM.NAME, team.name())
        .set(TEAM.PARENT_ID, team.parentId())
        .returning(TEAM.ID)
        .fetchOne(TEAM.ID);
  }

  void update(Team team) {
    db.update(TEAM)
        .set(TEAM.TEAM_KEY, team.key())
        .set(TEAM.NAME, team.name())
        .set(TEAM.PARENT_ID, team.parentId())
        .where(TEAM.ID.eq(team.id()))
        .execute();
  }

  void deleteAll(java.util.Collection<Long> ids) {
    db.deleteFrom(TEAM).where(TEAM.ID.in(ids)).execute();
  }

  private static Team toTeam(Record r) {
    return new Team(r.get(TEAM.ID), r.get(TEAM.TEAM_KEY), r.get(TEAM.NAME), r.get(TEAM.PARENT_ID));
  }
}

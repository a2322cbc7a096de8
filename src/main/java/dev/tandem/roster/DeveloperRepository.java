package dev.tandem.roster;

import static dev.tandem.db.Tables.DEVELOPER;
import static dev.tandem.db.Tables.TEAM;

import dev.tandem.rollup.RollupQuery;
import dev.tandem.rollup.ScopeIds;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;

@Repository
class DeveloperRepository {

  private final DSLContext db;

  DeveloperRepository(DSLContext db) {
    this.db = db;
  }

  List<Developer> search(String text, ScopeIds scope, int offset, int limit) {
    return db.select(DEVELOPER.fields())
        .select(TEAM.TEAM_KEY)
        .from(DEVELOPER)
        .join(TEAM)
        .on(TEAM.ID.eq(DEVELOPER.TEAM_ID))
        .where(matching(text, scope))
        .orderBy(DEVELOPER.NAME, DEVELOPER.ID)
        .offset(offset)
        .limit(limit)
        .fetch(DeveloperRepository::toDeveloper);
  }

  int count(String text, ScopeIds scope) {
    return db.fetchCount(DEVELOPER, matching(text, scope));
  }

  Optional<Developer> findById(long id) {
    return db.select(DEVELOPER.fields())
        .select(TEAM.TEAM_KEY)
        .from(DEVELOPER)
        .join(TEAM)
        .on(TEAM.ID.eq(DEVELOPER.TEAM_ID))
        .where(DEVELOPER.ID.eq(id))
        .fetchOptional(DeveloperRepository::toDeveloper);
  }

  List<String> allEmails() {
    return db.select(DEVELOPER.EMAIL).from(DEVELOPER).fetch(DEVELOPER.EMAIL);
  }

  Optional<Long> idByEmail(String email) {
    return db.select(DEVELOPER.ID)
        .from(DEVELOPER)
        .where(DEVELOPER.EMAIL.eq(email))
        .fetchOptional(DEVELOPER.ID);
  }

  long insert(Developer d) {
    return db.insertInto(DEVELOPER)
        .set(DEVELOPER.EMAIL, d.email())
        .set(DEVELOPER.NAME, d.name())
        .set(DEVELOPER.TEAM_ID, d.teamId())
        .set(DEVELOPER.STARTED_ON, d.startedOn())
        .set(DEVELOPER.LEFT_ON, d.leftOn())
        .set(DEVELOPER.EXCLUDED, d.excluded())
        .returning(DEVELOPER.ID)
        .fetchOne(DEVELOPER.ID);
  }

  void update(Developer d) {
    db.update(DEVELOPER)
        .set(DEVELOPER.EMAIL, d.email())
        .set(DEVELOPER.NAME, d.name())
        .set(DEVELOPER.TEAM_ID, d.teamId())
        .set(DEVELOPER.STARTED_ON, d.startedOn())
        .set(DEVELOPER.LEFT_ON, d.leftOn())
        .set(DEVELOPER.EXCLUDED, d.excluded())
        .where(DEVELOPER.ID.eq(d.id()))
        .execute();
  }

  List<Developer> findByEmails(Collection<String> emails) {
    return db.select(DEVELOPER.fields())
        .select(TEAM.TEAM_KEY)
        .from(DEVELOPER)
        .join(TEAM)
        .on(TEAM.ID.eq(DEVELOPER.TEAM_ID))
        .where(DEVELOPER.EMAIL.in(emails))
        .fetch(DeveloperRepository::toDeveloper);
  }

  /** Inserts (id null) or updates each developer, in one batch. */
  void saveAll(List<Developer> all) {
    db.batch(
            all.stream()
                .map(
                    d ->
                        (org.jooq.Query)
                            (d.id() == null
                                ? db.insertInto(DEVELOPER)
                                    .set(DEVELOPER.EMAIL, d.email())
                                    .set(DEVELOPER.NAME, d.name())
                                    .set(DEVELOPER.TEAM_ID, d.teamId())
                                    .set(DEVELOPER.STARTED_ON, d.startedOn())
                                    .set(DEVELOPER.LEFT_ON, d.leftOn())
                                    .set(DEVELOPER.EXCLUDED, d.excluded())
                                : db.update(DEVELOPER)
                                    .set(DEVELOPER.NAME, d.name())
                                    .set(DEVELOPER.TEAM_ID, d.teamId())
                                    .set(DEVELOPER.STARTED_ON, d.startedOn())
                                    .set(DEVELOPER.LEFT_ON, d.leftOn())
                                    .set(DEVELOPER.EXCLUDED, d.excluded())
                                    .where(DEVELOPER.ID.eq(d.id()))))
                .toList())
        .execute();
  }

  void deleteAll(Collection<Long> ids) {
    db.deleteFrom(DEVELOPER).where(DEVELOPER.ID.in(ids)).execute();
  }

  private static Condition matching(String text, ScopeIds scope) {
    Condition c = DSL.noCondition();
    if (text != null && !text.isBlank()) {
      String like = "%" + text.trim().toLowerCase() + "%";
      c = c.and(DSL.lower(DEVELOPER.NAME).like(like).or(DEVELOPER.EMAIL.like(like)));
    }
    return c.and(RollupQuery.inScope(scope));
  }

  private static Developer toDeveloper(Record r) {
    return new Developer(
        r.get(DEVELOPER.ID),
        r.get(DEVELOPER.EMAIL),
        r.get(DEVELOPER.NAME),
        r.get(DEVELOPER.TEAM_ID),
        r.get(TEAM.TEAM_KEY),
        r.get(DEVELOPER.STARTED_ON),
        r.get(DEVELOPER.LEFT_ON),
        r.get(DEVELOPER.EXCLUDED));
  }
}

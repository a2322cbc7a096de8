package dev.tandem.security;

import static dev.tandem.db.Tables.API_TOKEN;

import dev.tandem.db.tables.records.ApiTokenRecord;
import java.time.OffsetDateTime;
import java.util.Optional;
import org.jooq.DSLContext;
import org.springframework.stereotype.Repository;

@Repository
class ApiTokenRepository {

  private final DSLContext db;

  ApiTokenRepository(DSLContext db) {
    this.db = db;
  }

  int count() {
    return db.fetchCount(API_TOKEN);
  }

  long insert(
      String name, String hash, Role role, Long teamId, String createdBy, OffsetDateTime now) {
    return db.insertInto(API_TOKEN)
        .set(API_TOKEN.NAME, name)
        .set(API_TOKEN.TOKEN_HASH, hash)
        .set(API_TOKEN.ROLE, role.name())
        .set(API_TOKEN.TEAM_ID, teamId)
        .set(API_TOKEN.CREATED_BY, createdBy)
        .set(API_TOKEN.CREATED_AT, now)
        .returning(API_TOKEN.ID)
        .fetchOne(API_TOKEN.ID);
  }

  Optional<ApiToken> findActiveByHash(String hash) {
    return db.selectFrom(API_TOKEN)
        .where(API_TOKEN.TOKEN_HASH.eq(hash))
        .and(API_TOKEN.REVOKED_AT.isNull())
        .fetchOptional(ApiTokenRepository::toToken);
  }

  java.util.List<ApiToken> findAll() {
    return db.selectFrom(API_TOKEN).orderBy(API_TOKEN.ID.desc()).fetch(ApiTokenRepository::toToken);
  }

  Optional<ApiToken> findById(long id) {
    return db.selectFrom(API_TOKEN)
        .where(API_TOKEN.ID.eq(id))
        .fetchOptional(ApiTokenRepository::toToken);
  }

  void revoke(long id, OffsetDateTime now) {
    db.update(API_TOKEN)
        .set(API_TOKEN.REVOKED_AT, now)
        .where(API_TOKEN.ID.eq(id))
        .and(API_TOKEN.REVOKED_AT.isNull())
        .execute();
  }

  void touch(long id, OffsetDateTime now) {
    db.update(API_TOKEN).set(API_TOKEN.LAST_USED_AT, now).where(API_TOKEN.ID.eq(id)).execute();
  }

  private static ApiToken toToken(ApiTokenRecord r) {
    return new ApiToken(
        r.getId(),
        r.getName(),
        Role.valueOf(r.getRole()),
        r.getTeamId(),
        r.getCreatedBy(),
        r.getCreatedAt(),
        r.getLastUsedAt(),
        r.getRevokedAt());
  }
}

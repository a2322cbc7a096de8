package dev.tandem.security;

import static dev.tandem.db.Tables.APP_USER;
import static dev.tandem.db.Tables.DEVELOPER;
import static dev.tandem.db.Tables.TEAM;

import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import org.jooq.DSLContext;
import org.springframework.stereotype.Repository;

/**
 * Accounts of people who sign in with the identity provider, and the two roster look-ups a sign-in
 * needs (team keys and the developer by email). They read the roster's tables here because the
 * roster feature depends on security, not the other way round.
 */
@Repository
class SsoUserRepository {

  private final DSLContext db;

  SsoUserRepository(DSLContext db) {
    this.db = db;
  }

  /** An account with whether single sign-on withdrew its access. */
  record SsoAccount(UserAccount account, boolean revoked) {}

  Optional<SsoAccount> findByIdentity(String issuer, String subject) {
    return db.selectFrom(APP_USER)
        .where(APP_USER.SSO_ISSUER.eq(issuer).and(APP_USER.SSO_SUBJECT.eq(subject)))
        .fetchOptional(r -> new SsoAccount(UserRepository.toAccount(r), r.getSsoRevoked()));
  }

  boolean usernameTaken(String username) {
    return db.fetchExists(APP_USER, APP_USER.USERNAME.eq(username));
  }

  /** The ids of those of the keys that name a team. */
  Map<String, Long> teamIds(Collection<String> keys) {
    return db.select(TEAM.TEAM_KEY, TEAM.ID)
        .from(TEAM)
        .where(TEAM.TEAM_KEY.in(keys))
        .fetchMap(TEAM.TEAM_KEY, TEAM.ID);
  }

  /** The roster developer with this email (stored lower-cased). */
  Optional<Long> developerIdByEmail(String email) {
    return db.select(DEVELOPER.ID)
        .from(DEVELOPER)
        .where(DEVELOPER.EMAIL.eq(email))
        .fetchOptional(DEVELOPER.ID);
  }

  long insert(UserAccount u, String issuer, String subject, OffsetDateTime now) {
    return db.insertInto(APP_USER)
        .set(APP_USER.USERNAME, u.username())
        .set(APP_USER.DISPLAY_NAME, u.displayName())
        .set(APP_USER.ROLE, u.role().name())
        .set(APP_USER.TEAM_ID, u.teamId())
        .set(APP_USER.DEVELOPER_ID, u.developerId())
        .set(APP_USER.ENABLED, u.enabled())
        .set(APP_USER.CREATED_AT, now)
        .set(APP_USER.SSO_ISSUER, issuer)
        .set(APP_USER.SSO_SUBJECT, subject)
        .returning(APP_USER.ID)
        .fetchOne(APP_USER.ID);
  }

  void update(UserAccount u, boolean revoked) {
    UserRepository.update(db, u, revoked);
  }
}

package dev.tandem.security;

import static dev.tandem.db.Tables.APP_USER;

import dev.tandem.db.tables.records.AppUserRecord;
import java.time.OffsetDateTime;
import java.util.Optional;
import org.jooq.DSLContext;
import org.springframework.stereotype.Repository;

@Repository
class UserRepository {

  private final DSLContext db;

  UserRepository(DSLContext db) {
    this.db = db;
  }

  /** The account and its password hash, for authentication only. */
  Optional<AccountWithHash> findForLogin(String username) {
    return db.selectFrom(APP_USER)
        .where(APP_USER.USERNAME.eq(username))
        .fetchOptional(r -> new AccountWithHash(toAccount(r), r.getPasswordHash()));
  }

  Optional<UserAccount> findByUsername(String username) {
    return db.selectFrom(APP_USER)
        .where(APP_USER.USERNAME.eq(username))
        .fetchOptional(UserRepository::toAccount);
  }

  java.util.List<UserAccount> findAll() {
    return db.selectFrom(APP_USER).orderBy(APP_USER.USERNAME).fetch(UserRepository::toAccount);
  }

  Optional<UserAccount> findById(long id) {
    return db.selectFrom(APP_USER)
        .where(APP_USER.ID.eq(id))
        .fetchOptional(UserRepository::toAccount);
  }

  void update(UserAccount u) {
    // An admin's decision replaces a withdrawal by single sign-on.
    update(db, u, false);
  }

  /**
   * The account's role, scope, names and state; {@code ssoRevoked}: withdrawn by single sign-on.
   */
  static void update(DSLContext db, UserAccount u, boolean ssoRevoked) {
    db.update(APP_USER)
        .set(APP_USER.DISPLAY_NAME, u.displayName())
        .set(APP_USER.ROLE, u.role().name())
        .set(APP_USER.TEAM_ID, u.teamId())
        .set(APP_USER.DEVELOPER_ID, u.developerId())
        .set(APP_USER.ENABLED, u.enabled())
        .set(APP_USER.SSO_REVOKED, ssoRevoked)
        .where(APP_USER.ID.eq(u.id()))
        .execute();
  }

  /** Whether the user signs in with single sign-on (and so has no password). */
  boolean signsInWithSso(long id) {
    return db.fetchExists(APP_USER, APP_USER.ID.eq(id).and(APP_USER.SSO_SUBJECT.isNotNull()));
  }

  void setPasswordHash(long id, String hash) {
    db.update(APP_USER).set(APP_USER.PASSWORD_HASH, hash).where(APP_USER.ID.eq(id)).execute();
  }

  int count() {
    return db.fetchCount(APP_USER);
  }

  long insert(UserAccount u, String passwordHash, OffsetDateTime now) {
    return db.insertInto(APP_USER)
        .set(APP_USER.USERNAME, u.username())
        .set(APP_USER.DISPLAY_NAME, u.displayName())
        .set(APP_USER.PASSWORD_HASH, passwordHash)
        .set(APP_USER.ROLE, u.role().name())
        .set(APP_USER.TEAM_ID, u.teamId())
        .set(APP_USER.DEVELOPER_ID, u.developerId())
        .set(APP_USER.ENABLED, u.enabled())
        .set(APP_USER.CREATED_AT, now)
        .returning(APP_USER.ID)
        .fetchOne(APP_USER.ID);
  }

  record AccountWithHash(UserAccount account, String passwordHash) {}

  static UserAccount toAccount(AppUserRecord r) {
    return new UserAccount(
        r.getId(),
        r.getUsername(),
        r.getDisplayName(),
        Role.valueOf(r.getRole()),
        r.getTeamId(),
        r.getDeveloperId(),
        r.getEnabled());
  }
}

package dev.tandem.security;

import static dev.tandem.db.Tables.AUDIT_LOG;

import java.time.OffsetDateTime;
import java.util.List;
import org.jooq.DSLContext;
import org.springframework.stereotype.Repository;

/** Append-only: there is deliberately no update or delete here. */
@Repository
class AuditRepository {

  private final DSLContext db;

  AuditRepository(DSLContext db) {
    this.db = db;
  }

  void append(AuditEntry e) {
    db.insertInto(AUDIT_LOG)
        .set(AUDIT_LOG.OCCURRED_AT, e.occurredAt())
        .set(AUDIT_LOG.ACTOR, e.actor())
        .set(AUDIT_LOG.ACTION, e.action())
        .set(AUDIT_LOG.ENTITY, e.entity())
        .set(AUDIT_LOG.ENTITY_ID, e.entityId())
        .set(AUDIT_LOG.BEFORE_VALUE, e.before())
        .set(AUDIT_LOG.AFTER_VALUE, e.after())
        .execute();
  }

  List<AuditEntry> latest(int limit) {
    return db.selectFrom(AUDIT_LOG)
        .orderBy(AUDIT_LOG.ID.desc())
        .limit(limit)
        .fetch(AuditRepository::entry);
  }

  List<AuditEntry> search(AuditFilter filter, int offset, int limit) {
    return db.selectFrom(AUDIT_LOG)
        .where(condition(filter))
        .orderBy(AUDIT_LOG.ID.desc())
        .offset(offset)
        .limit(limit)
        .fetch(AuditRepository::entry);
  }

  private static AuditEntry entry(dev.tandem.db.tables.records.AuditLogRecord r) {
    return new AuditEntry(
        r.getOccurredAt(),
        r.getActor(),
        r.getAction(),
        r.getEntity(),
        r.getEntityId(),
        r.getBeforeValue(),
        r.getAfterValue());
  }

  int count(AuditFilter filter) {
    return db.fetchCount(AUDIT_LOG, condition(filter));
  }

  private static org.jooq.Condition condition(AuditFilter f) {
    org.jooq.Condition c = org.jooq.impl.DSL.noCondition();
    if (f.actor() != null && !f.actor().isBlank()) {
      c = c.and(org.jooq.impl.DSL.lower(AUDIT_LOG.ACTOR).contains(f.actor().trim().toLowerCase()));
    }
    if (f.entity() != null && !f.entity().isBlank()) {
      c = c.and(AUDIT_LOG.ENTITY.eq(f.entity()));
    }
    if (f.text() != null && !f.text().isBlank()) {
      String t = f.text().trim().toLowerCase();
      c =
          c.and(
              org.jooq
                  .impl
                  .DSL
                  .lower(AUDIT_LOG.BEFORE_VALUE)
                  .contains(t)
                  .or(org.jooq.impl.DSL.lower(AUDIT_LOG.AFTER_VALUE).contains(t))
                  .or(AUDIT_LOG.ENTITY_ID.eq(f.text().trim())));
    }
    if (f.from() != null) {
      c =
          c.and(
              AUDIT_LOG.OCCURRED_AT.ge(f.from().atStartOfDay().atOffset(java.time.ZoneOffset.UTC)));
    }
    if (f.to() != null) {
      c =
          c.and(
              AUDIT_LOG.OCCURRED_AT.lt(
                  f.to().plusDays(1).atStartOfDay().atOffset(java.time.ZoneOffset.UTC)));
    }
    return c;
  }

  List<String> entities() {
    return db.selectDistinct(AUDIT_LOG.ENTITY)
        .from(AUDIT_LOG)
        .orderBy(AUDIT_LOG.ENTITY)
        .fetch(AUDIT_LOG.ENTITY);
  }

  static OffsetDateTime utc(java.time.Instant instant) {
    return instant.atOffset(java.time.ZoneOffset.UTC);
  }
}

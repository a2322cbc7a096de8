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
        .fetch(
            r ->
                new AuditEntry(
                    r.getOccurredAt(),
                    r.getActor(),
                    r.getAction(),
                    r.getEntity(),
                    r.getEntityId(),
                    r.getBeforeValue(),
                    r.getAfterValue()));
  }

  static OffsetDateTime utc(java.time.Instant instant) {
    return instant.atOffset(java.time.ZoneOffset.UTC);
  }
}

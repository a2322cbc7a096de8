package dev.tandem.security;

import java.time.OffsetDateTime;

/** One write: who, when, what, and the values before and after as JSON text. */
public record AuditEntry(
    OffsetDateTime occurredAt,
    String actor,
    String action,
    String entity,
    String entityId,
    String before,
    String after) {}

package dev.tandem.security;

import java.time.LocalDate;

/**
 * Audit search: actor contains, exact entity, text within the before/after values or the entity id,
 * and a date range (UTC).
 */
public record AuditFilter(String actor, String entity, String text, LocalDate from, LocalDate to) {}

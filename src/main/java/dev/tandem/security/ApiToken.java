package dev.tandem.security;

import java.time.OffsetDateTime;

/** An API token as listed to admins: never the token itself, only its metadata. */
public record ApiToken(
    long id,
    String name,
    Role role,
    Long teamId,
    String createdBy,
    OffsetDateTime createdAt,
    OffsetDateTime lastUsedAt,
    OffsetDateTime revokedAt) {}

package dev.tandem.security;

/** A person who signs in to Tandem. {@code teamId} is the scope of a manager or member. */
public record UserAccount(
    Long id,
    String username,
    String displayName,
    Role role,
    Long teamId,
    Long developerId,
    boolean enabled) {}

package dev.tandem.security;

/**
 * Who is acting: a role, the team scope of a manager or member, and a member's own developer
 * record.
 */
public record Principal(String name, Role role, Long teamId, Long developerId) {}

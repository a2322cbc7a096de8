package dev.tandem.roster;

/** A vendor identity mapped to a developer; {@code developerId} null means "not mapped". */
public record IdentityLink(String source, String externalId, Long developerId) {}

package dev.tandem.roster;

/** A node of the organisation tree. {@code parentId} is null for a top-level team. */
public record Team(Long id, String key, String name, Long parentId) {}

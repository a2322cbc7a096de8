package dev.tandem.roster;

import java.time.LocalDate;

/** A person on the roster. The lower-cased email is the identity key. */
public record Developer(
    Long id,
    String email,
    String name,
    long teamId,
    String teamKey,
    LocalDate startedOn,
    LocalDate leftOn,
    boolean excluded) {}

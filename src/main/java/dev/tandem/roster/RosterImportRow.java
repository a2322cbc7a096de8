package dev.tandem.roster;

import java.time.LocalDate;
import java.util.List;

/** One developer of a roster import, with the team keys from the top of the tree. */
public record RosterImportRow(
    String email,
    String name,
    List<String> teamPath,
    LocalDate startedOn,
    LocalDate leftOn,
    boolean excluded) {}

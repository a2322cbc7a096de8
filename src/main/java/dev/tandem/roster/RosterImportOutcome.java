package dev.tandem.roster;

import java.util.List;

/**
 * What a roster import changed, so that it can be undone: teams and developers it created, and the
 * developers it updated as they were before.
 */
public record RosterImportOutcome(
    List<Long> createdTeamIds, List<Long> createdDeveloperIds, List<Developer> replaced) {}

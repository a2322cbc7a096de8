package dev.tandem.roster;

import dev.tandem.base.ValidationException;
import dev.tandem.rollup.RollupService;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Component;

/**
 * The roster import's writes and their undo, behind {@link RosterService} (which holds the access
 * rules and the transactions).
 */
@Component
class RosterImports {

  /** Emails looked up per query. */
  private static final int CHUNK = 1000;

  private final TeamRepository teams;
  private final DeveloperRepository developers;
  private final RollupService rollup;
  private final TeamTrees trees;

  RosterImports(
      TeamRepository teams, DeveloperRepository developers, RollupService rollup, TeamTrees trees) {
    this.teams = teams;
    this.developers = developers;
    this.rollup = rollup;
    this.trees = trees;
  }

  /**
   * Creates the missing teams along each path and inserts or updates developers by email, in
   * batches. The caller has checked that paths agree with the existing tree.
   */
  RosterImportOutcome importRoster(List<RosterImportRow> rows) {
    Map<String, Team> byKey = new HashMap<>();
    teams.findAll().forEach(t -> byKey.put(t.key(), t));
    List<Long> createdTeams = new ArrayList<>();
    Map<String, Long> teamOf = new HashMap<>();
    for (RosterImportRow row : rows) {
      Long parent = null;
      for (String key : row.teamPath()) {
        Team team = byKey.get(key);
        if (team == null) {
          long id = teams.insert(new Team(null, key, displayName(key), parent));
          team = new Team(id, key, displayName(key), parent);
          byKey.put(key, team);
          createdTeams.add(id);
          trees.forget();
        }
        parent = team.id();
      }
      teamOf.put(row.email(), parent);
    }
    List<String> emails = rows.stream().map(RosterImportRow::email).toList();
    Map<String, Developer> existing = new HashMap<>();
    byEmails(emails).forEach(d -> existing.put(d.email(), d));
    List<Developer> writes =
        rows.stream()
            .map(
                r ->
                    new Developer(
                        existing.containsKey(r.email()) ? existing.get(r.email()).id() : null,
                        r.email(),
                        r.name(),
                        teamOf.get(r.email()),
                        null,
                        r.startedOn(),
                        r.leftOn(),
                        r.excluded()))
            .toList();
    developers.saveAll(writes);
    Set<Long> touched = new HashSet<>(teamOf.values());
    existing.values().forEach(d -> touched.add(d.teamId()));
    rollup.refreshTeams(touched);
    List<String> created = emails.stream().filter(e -> !existing.containsKey(e)).toList();
    List<Long> createdIds = byEmails(created).stream().map(Developer::id).toList();
    return new RosterImportOutcome(createdTeams, createdIds, List.copyOf(existing.values()));
  }

  /** Undoes a roster import; refused while a created developer already has data. */
  void undoRosterImport(RosterImportOutcome outcome) {
    developers.saveAll(outcome.replaced());
    try {
      if (!outcome.createdDeveloperIds().isEmpty()) {
        developers.deleteAll(outcome.createdDeveloperIds());
      }
      if (!outcome.createdTeamIds().isEmpty()) {
        teams.deleteAll(outcome.createdTeamIds());
        trees.forget();
      }
      rollup.rebuildAll();
    } catch (DataIntegrityViolationException e) {
      throw ValidationException.of(
          "batch",
          "developers or teams this import created are in use (usage, changes, mappings or users"
              + " refer to them); undo those imports first or edit the roster");
    }
  }

  /** The developer id of each roster email that exists. */
  Map<String, Long> developerIdsByEmail(Collection<String> emails) {
    Map<String, Long> ids = new HashMap<>();
    byEmails(emails).forEach(d -> ids.put(d.email(), d.id()));
    return ids;
  }

  /** The developers of these emails, read {@value #CHUNK} emails per query. */
  private List<Developer> byEmails(Collection<String> emails) {
    List<String> all = List.copyOf(emails);
    List<Developer> found = new ArrayList<>();
    for (int i = 0; i < all.size(); i += CHUNK) {
      found.addAll(developers.findByEmails(all.subList(i, Math.min(all.size(), i + CHUNK))));
    }
    return found;
  }

  private static String displayName(String key) {
    String spaced = key.replace('-', ' ');
    return Character.toUpperCase(spaced.charAt(0)) + spaced.substring(1);
  }
}

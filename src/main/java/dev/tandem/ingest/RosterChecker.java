package dev.tandem.ingest;

import dev.tandem.ingest.format.ParsedRow;
import dev.tandem.ingest.format.RowKind;
import dev.tandem.roster.RosterImportRow;
import dev.tandem.roster.RosterService;
import dev.tandem.roster.Team;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * Roster rows: each email once, every team path agreeing with the existing tree and the rest of the
 * file; look-alike emails are flagged. Applying saves what it replaced and releases held rows.
 */
@Component
class RosterChecker extends RosterRowsChecker {

  RosterChecker(RosterService roster, RosterPriorRepository rosterPrior, HeldRows held) {
    super(roster, rosterPrior, held);
  }

  @Override
  public Set<RowKind> kinds() {
    return Set.of(RowKind.ROSTER);
  }

  @Override
  public void check(ImportRun run) {
    run.kept = checkRoster(run.rows.kept(), run.rows);
    RosterWarnings.flag(roster, run.kept, run.rows);
  }

  /** Emails appear once; every path agrees with the existing tree and with the rest of the file. */
  private List<ParsedRow> checkRoster(List<ParsedRow> rows, RowCollector collector) {
    Map<Long, Team> byId = new HashMap<>();
    Map<String, String> parentOf = new LinkedHashMap<>();
    List<Team> teams = roster.teams();
    teams.forEach(t -> byId.put(t.id(), t));
    for (Team t : teams) {
      parentOf.put(t.key(), t.parentId() == null ? "" : byId.get(t.parentId()).key());
    }
    Map<String, Long> seen = new HashMap<>();
    List<ParsedRow> ok = new ArrayList<>();
    for (ParsedRow row : rows) {
      ParsedRow.RosterEntry r = (ParsedRow.RosterEntry) row;
      Long first = seen.putIfAbsent(r.email(), r.line());
      if (first != null) {
        collector.reject(
            r.line(),
            "email",
            r.email() + " repeats line " + first + "; each developer may appear once");
        continue;
      }
      String problem = null;
      Map<String, String> added = new HashMap<>();
      for (int i = 0; i < r.teamPath().size() && problem == null; i++) {
        String key = r.teamPath().get(i);
        String parent = i == 0 ? "" : r.teamPath().get(i - 1);
        String known = parentOf.containsKey(key) ? parentOf.get(key) : added.get(key);
        if (known == null) {
          added.put(key, parent);
        } else if (!known.equals(parent)) {
          problem =
              "team '"
                  + key
                  + "' sits "
                  + (known.isEmpty() ? "at the top" : "under '" + known + "'")
                  + ", not "
                  + (parent.isEmpty() ? "at the top" : "under '" + parent + "'")
                  + "; expected its full path from the top";
        }
      }
      if (problem != null) {
        collector.reject(r.line(), "team_path", problem);
        continue;
      }
      parentOf.putAll(added);
      ok.add(r);
    }
    return ok;
  }

  @Override
  public long apply(ImportRun run) {
    var outcome =
        roster.importRoster(
            run.kept(ParsedRow.RosterEntry.class).stream()
                .map(
                    r ->
                        new RosterImportRow(
                            r.email(),
                            r.name(),
                            r.teamPath(),
                            r.startedOn(),
                            r.leftOn(),
                            r.excluded()))
                .toList());
    rosterPrior.saveRoster(run.batchId, outcome);
    releaseHeld();
    return 0;
  }
}

package dev.tandem.ingest;

import dev.tandem.ingest.format.ParsedRow;
import dev.tandem.ingest.format.RowKind;
import dev.tandem.roster.RosterImportRow;
import dev.tandem.roster.RosterService;
import dev.tandem.roster.TeamTree;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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

  /**
   * Emails appear once; every path agrees with the existing tree and with the rest of the file (the
   * roster's own rule, {@link TeamTree#pathCheck()}).
   */
  private List<ParsedRow> checkRoster(List<ParsedRow> rows, RowCollector collector) {
    TeamTree.PathCheck paths = roster.teamTree().pathCheck();
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
      Optional<String> problem = paths.check(r.teamPath());
      if (problem.isPresent()) {
        collector.reject(r.line(), "team_path", problem.get());
        continue;
      }
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

package dev.tandem.ingest;

import dev.tandem.ingest.format.ParsedRow;
import dev.tandem.ingest.format.RowKind;
import dev.tandem.roster.RosterService;
import dev.tandem.roster.Team;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * Incidents: each incident id once in a file; a Tandem incident's team is a team key, a vendor's
 * (PagerDuty) team is matched by name or key when it can be and left empty otherwise.
 */
@Component
class IncidentChecker implements RowChecker {

  private final RosterService roster;
  private final IncidentImportRepository incidents;

  IncidentChecker(RosterService roster, IncidentImportRepository incidents) {
    this.roster = roster;
    this.incidents = incidents;
  }

  @Override
  public Set<RowKind> kinds() {
    return Set.of(RowKind.INCIDENT);
  }

  @Override
  public void check(ImportRun run) {
    Map<String, Long> teamsByName = new HashMap<>();
    Map<String, Long> teamsByKey = new HashMap<>();
    for (Team t : roster.teams()) {
      teamsByKey.put(t.key(), t.id());
      teamsByName.put(t.name().toLowerCase(Locale.ROOT), t.id());
      teamsByName.putIfAbsent(t.key(), t.id());
    }
    Map<String, Long> seen = new HashMap<>();
    List<ParsedRow> ok = new ArrayList<>();
    for (ParsedRow row : run.rows.kept()) {
      ParsedRow.Incident i = (ParsedRow.Incident) row;
      String externalId = i.incident().externalId();
      Long first = seen.putIfAbsent(externalId, i.line());
      if (first != null) {
        run.rows.reject(
            i.line(),
            "id",
            "repeats incident "
                + externalId
                + " of line "
                + first
                + "; each incident may appear once");
        continue;
      }
      if (i.vendorOwnedOnly()) {
        i.teamNames().stream()
            .map(n -> teamsByName.get(n.toLowerCase(Locale.ROOT)))
            .filter(Objects::nonNull)
            .findFirst()
            .ifPresent(id -> run.teamIds.put(i.line(), id));
      } else if (!i.teamNames().isEmpty()) {
        Long id = teamsByKey.get(i.teamNames().get(0).toLowerCase(Locale.ROOT));
        if (id == null) {
          run.rows.reject(
              i.line(),
              "team",
              "no team with key '"
                  + i.teamNames().get(0)
                  + "'; expected a team key from the Teams screen");
          continue;
        }
        run.teamIds.put(i.line(), id);
      }
      ok.add(i);
    }
    run.kept = ok;
  }

  @Override
  public long apply(ImportRun run) {
    incidents.apply(run.batchId, run.kept(ParsedRow.Incident.class), run.teamIds, run.now);
    return 0;
  }
}

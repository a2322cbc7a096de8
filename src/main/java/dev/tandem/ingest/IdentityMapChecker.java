package dev.tandem.ingest;

import dev.tandem.ingest.format.ParsedRow;
import dev.tandem.ingest.format.RowKind;
import dev.tandem.roster.IdentityLink;
import dev.tandem.roster.RosterService;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * Identity-map rows: each (source, external_id) once, every email on the roster. Applying saves the
 * links it replaced and releases the held rows the new links resolve.
 */
@Component
class IdentityMapChecker extends RosterRowsChecker {

  IdentityMapChecker(RosterService roster, RosterPriorRepository rosterPrior, HeldRows held) {
    super(roster, rosterPrior, held);
  }

  @Override
  public Set<RowKind> kinds() {
    return Set.of(RowKind.IDENTITY);
  }

  @Override
  public void check(ImportRun run) {
    List<ParsedRow> rows = run.rows.kept();
    Set<String> known =
        roster
            .developerIdsByEmail(
                rows.stream().map(r -> ((ParsedRow.IdentityMapping) r).email()).distinct().toList())
            .keySet();
    Map<String, Long> seen = new HashMap<>();
    List<ParsedRow> ok = new ArrayList<>();
    for (ParsedRow row : rows) {
      ParsedRow.IdentityMapping m = (ParsedRow.IdentityMapping) row;
      Long first = seen.putIfAbsent(m.source() + "\u0000" + m.externalId(), m.line());
      if (first != null) {
        run.rows.reject(
            m.line(), "external_id", "repeats line " + first + " (same source and external_id)");
      } else if (!known.contains(m.email())) {
        run.rows.reject(
            m.line(), "email", m.email() + " is not on the roster; expected a roster email");
      } else {
        ok.add(m);
      }
    }
    run.kept = ok;
  }

  @Override
  public long apply(ImportRun run) {
    List<ParsedRow.IdentityMapping> mappings = run.kept(ParsedRow.IdentityMapping.class);
    Map<String, Long> ids =
        roster.developerIdsByEmail(
            mappings.stream().map(ParsedRow.IdentityMapping::email).toList());
    List<IdentityLink> before =
        roster.mapIdentities(
            mappings.stream()
                .map(m -> new IdentityLink(m.source(), m.externalId(), ids.get(m.email())))
                .toList());
    rosterPrior.saveIdentities(run.batchId, before);
    releaseHeld();
    return 0;
  }
}

package dev.tandem.ingest;

import dev.tandem.ingest.format.ParsedRow;
import dev.tandem.ingest.format.RowSink;
import dev.tandem.roster.LookAlikeEmails;
import dev.tandem.roster.RosterService;
import java.util.List;

/**
 * Warnings on a roster import that do not refuse a row: an email that differs from a roster email
 * (or another row's) only by look-alike characters is flagged with its line and field.
 */
final class RosterWarnings {

  private RosterWarnings() {}

  static void flag(RosterService roster, List<ParsedRow> rows, RowSink sink) {
    List<LookAlikeEmails.Candidate> candidates =
        rows.stream()
            .map(r -> (ParsedRow.RosterEntry) r)
            .map(r -> new LookAlikeEmails.Candidate(r.line(), r.email()))
            .toList();
    for (LookAlikeEmails.LookAlike found : roster.lookAlikeEmails(candidates)) {
      sink.warning(found.line(), "email", found.message());
    }
  }
}

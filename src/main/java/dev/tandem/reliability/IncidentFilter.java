package dev.tandem.reliability;

import dev.tandem.base.AiInvolvement;
import dev.tandem.base.RootCause;
import dev.tandem.base.Scope;
import dev.tandem.base.Severity;
import java.time.LocalDate;
import java.util.Set;

/**
 * What the incident grid shows: each part is optional (null or empty = any). Dates are days in the
 * organisation's zone, inclusive; {@code scope} limits them to the incidents of a team and of the
 * teams below it (the organisation: any team, or none); {@code gap} keeps the incidents with that
 * safeguard gap.
 */
public record IncidentFilter(
    String text,
    Set<Severity> severities,
    Set<AiInvolvement> involvements,
    String tool,
    Scope scope,
    RootCause rootCause,
    LocalDate startedFrom,
    LocalDate startedTo,
    Safeguard gap) {

  public IncidentFilter(
      String text,
      Set<Severity> severities,
      Set<AiInvolvement> involvements,
      String tool,
      Scope scope,
      RootCause rootCause,
      LocalDate startedFrom,
      LocalDate startedTo) {
    this(text, severities, involvements, tool, scope, rootCause, startedFrom, startedTo, null);
  }

  public static IncidentFilter all() {
    return new IncidentFilter(null, Set.of(), Set.of(), null, Scope.ORGANISATION, null, null, null);
  }

  public static IncidentFilter unclassified() {
    return new IncidentFilter(
        null, Set.of(), Set.of(AiInvolvement.UNKNOWN), null, Scope.ORGANISATION, null, null, null);
  }
}

package dev.tandem.reliability;

import java.time.LocalDate;
import java.util.Set;

/**
 * What the incident grid shows: each part is optional (null or empty = any). Dates are days in the
 * organisation's zone, inclusive; {@code teamKey} includes the teams below it; {@code gap} keeps
 * the incidents with that safeguard gap.
 */
public record IncidentFilter(
    String text,
    Set<String> severities,
    Set<String> involvements,
    String tool,
    String teamKey,
    String rootCause,
    LocalDate startedFrom,
    LocalDate startedTo,
    Safeguard gap) {

  public IncidentFilter(
      String text,
      Set<String> severities,
      Set<String> involvements,
      String tool,
      String teamKey,
      String rootCause,
      LocalDate startedFrom,
      LocalDate startedTo) {
    this(text, severities, involvements, tool, teamKey, rootCause, startedFrom, startedTo, null);
  }

  public static IncidentFilter all() {
    return new IncidentFilter(null, Set.of(), Set.of(), null, null, null, null, null);
  }

  public static IncidentFilter unclassified() {
    return new IncidentFilter(null, Set.of(), Set.of("unknown"), null, null, null, null, null);
  }
}

package dev.tandem.reliability;

import java.util.List;

/** A sort order of the incident grid: a column key of {@link #COLUMNS} and the direction. */
public record IncidentSort(String column, boolean ascending) {

  public static final List<String> COLUMNS =
      List.of(
          "startedAt",
          "resolvedAt",
          "severity",
          "title",
          "aiInvolvement",
          "tool",
          "team",
          "rootCause",
          "service",
          "externalId");

  public IncidentSort {
    if (!COLUMNS.contains(column)) {
      throw new IllegalArgumentException("cannot sort incidents by " + column);
    }
  }
}

package dev.tandem.reliability;

import dev.tandem.stats.RateComparison;

/**
 * A team's incident rate (all its incidents over all its exposure) against the rest of the
 * organisation, with the same exact rate-ratio interval, p-value and verdict as the per-tool
 * comparison. The rest of the organisation excludes the team, so the two groups are independent;
 * incidents without an owning team belong to the rest. {@code suppressed}: a group of fewer than k
 * developers that the viewer may not see, with no figures.
 */
public record TeamVsOrganisation(
    Exposure exposure,
    long teamIncidents,
    long teamExposure,
    long restIncidents,
    long restExposure,
    RateComparison comparison,
    boolean suppressed) {

  public double teamRate() {
    return exposure.rate(teamIncidents, teamExposure);
  }

  public double restRate() {
    return exposure.rate(restIncidents, restExposure);
  }
}

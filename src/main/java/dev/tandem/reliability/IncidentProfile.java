package dev.tandem.reliability;

import java.util.Map;

/**
 * Root causes and safeguard gaps of one group of incidents (DESIGN §3.3). {@code rootCauses} has
 * every root cause of {@link Incident#ROOT_CAUSES} in order, then {@code not recorded}.
 */
public record IncidentProfile(
    long incidents,
    Map<String, Long> rootCauses,
    SafeguardGap notPeerReviewed,
    SafeguardGap noApprovalRequired,
    SafeguardGap permissionsExceeded) {

  /**
   * {@code incidents} of {@code ofIncidents} had the gap; the share is over all incidents of the
   * group, and {@code notRecorded} says how many did not record the answer.
   */
  public record SafeguardGap(long incidents, long ofIncidents, long notRecorded) {
    public double share() {
      return ofIncidents == 0 ? Double.NaN : (double) incidents / ofIncidents;
    }
  }
}

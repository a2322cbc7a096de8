package dev.tandem.reliability;

import dev.tandem.stats.ClopperPearson;
import dev.tandem.stats.Interval;
import java.util.Map;

/**
 * Root causes and safeguard gaps of one group of incidents (DESIGN §3.3). {@code rootCauses} has
 * every root cause of {@link dev.tandem.base.RootCause} in order, then {@code not recorded}.
 */
public record IncidentProfile(
    long incidents,
    Map<String, Long> rootCauses,
    SafeguardGap notPeerReviewed,
    SafeguardGap noApprovalRequired,
    SafeguardGap permissionsExceeded) {

  public SafeguardGap gap(Safeguard safeguard) {
    return switch (safeguard) {
      case NOT_PEER_REVIEWED -> notPeerReviewed;
      case NO_APPROVAL_REQUIRED -> noApprovalRequired;
      case PERMISSIONS_EXCEEDED -> permissionsExceeded;
    };
  }

  /**
   * {@code incidents} of {@code ofIncidents} had the gap; the share is over all incidents of the
   * group, and {@code notRecorded} says how many did not record the answer.
   */
  public record SafeguardGap(long incidents, long ofIncidents, long notRecorded) {
    public double share() {
      return ofIncidents == 0 ? Double.NaN : (double) incidents / ofIncidents;
    }

    /** The share's exact (Clopper–Pearson) 95% interval; [0, 1] for no incidents. */
    public Interval interval() {
      return ClopperPearson.interval(incidents, ofIncidents, 0.95);
    }
  }
}

package dev.tandem.reliability;

/** A reviewer's classification of an incident: what the triage queue sets, nothing else. */
public record Triage(
    String aiInvolvement,
    String tool,
    String rootCause,
    Boolean peerReviewed,
    Boolean approvalRequired,
    Boolean permissionsExceeded) {}

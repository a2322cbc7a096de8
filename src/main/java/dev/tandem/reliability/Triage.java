package dev.tandem.reliability;

import dev.tandem.base.AiInvolvement;
import dev.tandem.base.RootCause;

/** A reviewer's classification of an incident: what the triage queue sets, nothing else. */
public record Triage(
    AiInvolvement aiInvolvement,
    String tool,
    RootCause rootCause,
    Boolean peerReviewed,
    Boolean approvalRequired,
    Boolean permissionsExceeded) {}

package dev.tandem.reliability;

/**
 * Root causes and safeguard gaps side by side: AI-involved incidents (assisted or agent) versus the
 * other classified incidents (no AI involvement). Unclassified incidents are in neither.
 */
public record CausesAndSafeguards(IncidentProfile aiInvolved, IncidentProfile other) {}

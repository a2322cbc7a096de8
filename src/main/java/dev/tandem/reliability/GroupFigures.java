package dev.tandem.reliability;

import java.time.Duration;
import java.util.Map;

/**
 * One side of the comparison (a tool or the baseline): incidents over exposure, the rate in the
 * exposure's unit (NaN without exposure), incidents by severity (SEV1–SEV4, all present) and the
 * median time to restore over its resolved incidents (null when none is resolved).
 */
public record GroupFigures(
    long incidents,
    long exposure,
    double rate,
    Map<String, Long> incidentsBySeverity,
    Duration medianTimeToRestore,
    int resolvedIncidents) {}

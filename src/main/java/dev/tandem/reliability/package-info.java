/**
 * Incidents, changes and error rates per tool; ReliabilityService and IncidentService are the
 * doors.
 */
@NullMarked
package dev.tandem.reliability;

import org.jspecify.annotations.NullMarked;

package dev.tandem.reliability;

import dev.tandem.base.WeekRange;

/**
 * AI-involved versus baseline incident rates over a window of weeks. AI exposure is changes
 * attributed to any tool, or developer-weeks with any AI usage; rates are NaN without exposure.
 */
public record RateWindow(
    WeekRange weeks,
    long aiIncidents,
    long aiExposure,
    double aiRate,
    long baselineIncidents,
    long baselineExposure,
    double baselineRate) {}

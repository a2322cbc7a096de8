package dev.tandem.reliability;

import dev.tandem.stats.RateComparison;

/**
 * A tool's figures and its comparison with the baseline. {@code reach} is pooled over the range:
 * developer-weeks in headcount with the tool used on at least one day ({@code userWeeks}) over all
 * developer-weeks in headcount (NaN when there are none).
 */
public record ToolFigures(
    String tool,
    String name,
    GroupFigures figures,
    long userWeeks,
    double reach,
    RateComparison comparison) {}

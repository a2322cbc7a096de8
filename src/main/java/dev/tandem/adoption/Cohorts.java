package dev.tandem.adoption;

import dev.tandem.base.IsoWeek;

/**
 * AI user-weeks by intensity in one week: light = 1 active day, moderate = 2–3, heavy = 4+ (summed
 * over tools).
 */
public record Cohorts(IsoWeek week, int light, int moderate, int heavy, boolean suppressed) {}

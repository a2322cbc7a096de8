package dev.tandem.roster;

import dev.tandem.base.IsoWeek;

/** A count for one ISO week. */
public record WeeklyCount(IsoWeek week, int count) {}

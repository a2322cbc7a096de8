package dev.tandem.adoption;

import dev.tandem.base.IsoWeek;

/**
 * One week and tool of the signed-in person's own usage; counters are null where the source has
 * none.
 */
public record OwnUsage(
    IsoWeek week, String tool, int activeDays, Long interactions, Long acceptedLines) {}

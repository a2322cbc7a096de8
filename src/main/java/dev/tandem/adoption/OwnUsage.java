package dev.tandem.adoption;

import dev.tandem.base.IsoWeek;

/**
 * One week and tool of the signed-in person's own usage; counters are null where the source has
 * none, {@code agentDays} null where the source cannot tell agent use from other use.
 */
public record OwnUsage(
    IsoWeek week,
    String tool,
    int activeDays,
    Long interactions,
    Long acceptedLines,
    Integer agentDays) {}

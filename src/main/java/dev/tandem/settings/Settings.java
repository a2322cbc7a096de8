package dev.tandem.settings;

import java.math.BigDecimal;
import java.time.ZoneId;

/**
 * Organisation-wide settings: the adoption goal, the minimum group size k, the time zone and the
 * default exposure.
 */
public record Settings(BigDecimal goal, int minGroupSize, ZoneId zone, String defaultExposure) {}

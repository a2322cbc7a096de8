package dev.tandem.alerts;

import java.math.BigDecimal;

/** A rule as an admin set it. */
public record RuleSetting(AlertRule rule, boolean enabled, BigDecimal threshold) {}

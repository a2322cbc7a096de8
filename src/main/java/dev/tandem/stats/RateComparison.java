package dev.tandem.stats;

/**
 * A tool's incident rate compared with the baseline's (DESIGN §3.3). {@code rateRatio} is NaN when
 * undefined (no incidents or no exposure) and infinite when the baseline had no incidents; {@code
 * ciHigh} is infinite when the Clopper–Pearson upper bound is 1; {@code ciLow} and {@code pValue}
 * are NaN only when there is no exposure.
 */
public record RateComparison(
    double rateRatio,
    double ciLow,
    double ciHigh,
    double pValue,
    Verdict verdict,
    boolean unstable) {}

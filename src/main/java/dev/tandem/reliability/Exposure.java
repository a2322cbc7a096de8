package dev.tandem.reliability;

import dev.tandem.base.Keyed;
import dev.tandem.base.ValidationException;

/**
 * DESIGN §3.3: the denominator of an error rate, and the unit its rate is shown in. The key ({@link
 * Keyed}: {@code changes}, {@code developer-weeks}) is as written in URLs, the API and the {@code
 * default-exposure} setting.
 */
public enum Exposure implements Keyed {
  CHANGES(1000, "per 1,000 changes"),
  DEVELOPER_WEEKS(100, "per 100 developer-weeks");

  private final int per;
  private final String unit;

  Exposure(int per, String unit) {
    this.per = per;
    this.unit = unit;
  }

  /** Rates are incidents per this many units of exposure. */
  public int per() {
    return per;
  }

  /** E.g. "per 1,000 changes". */
  public String unit() {
    return unit;
  }

  /** The rate shown on screen: incidents per {@link #per()} units; NaN without exposure. */
  public double rate(long incidents, long exposure) {
    return exposure == 0 ? Double.NaN : incidents * (double) per / exposure;
  }

  /**
   * The exact Poisson 95% interval of that rate, in the same unit (NaN bounds without exposure).
   */
  public dev.tandem.stats.Interval rateInterval(long incidents, long exposure) {
    dev.tandem.stats.Interval i = dev.tandem.stats.PoissonRate.interval(incidents, exposure);
    return new dev.tandem.stats.Interval(i.low() * per, i.high() * per);
  }

  public static Exposure fromKey(String key) {
    return Keyed.byKey(Exposure.class, key)
        .orElseThrow(
            () ->
                ValidationException.of(
                    "exposure",
                    "expected 'changes' or 'developer-weeks', got "
                        + dev.tandem.base.Excerpt.quote(key)));
  }
}

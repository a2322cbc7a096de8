package dev.tandem.reliability;

import dev.tandem.base.ValidationException;
import java.util.Arrays;

/** DESIGN §3.3: the denominator of an error rate, and the unit its rate is shown in. */
public enum Exposure {
  CHANGES("changes", 1000, "per 1,000 changes"),
  DEVELOPER_WEEKS("developer-weeks", 100, "per 100 developer-weeks");

  private final String key;
  private final int per;
  private final String unit;

  Exposure(String key, int per, String unit) {
    this.key = key;
    this.per = per;
    this.unit = unit;
  }

  /** As written in URLs, the API and the {@code default-exposure} setting. */
  public String key() {
    return key;
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
    return Arrays.stream(values())
        .filter(e -> e.key.equals(key))
        .findFirst()
        .orElseThrow(
            () ->
                ValidationException.of(
                    "exposure",
                    "expected 'changes' or 'developer-weeks', got "
                        + dev.tandem.base.Excerpt.quote(key)));
  }
}

package dev.tandem.alerts;

/** A webhook channel: {@code kind} "webhook" (generic JSON, HMAC-signed) or "slack". */
public record Channel(
    Long id, String name, String kind, String url, String secret, boolean enabled) {

  /** The key deliveries are logged under. */
  public String logKey() {
    return "webhook:" + name;
  }
}

package dev.tandem.alerts;

/**
 * A webhook channel as admins see it: {@code kind} "webhook" (generic JSON, HMAC-signed) or
 * "slack"; whether it receives alerts and the weekly digest; {@code signed}: a signing secret is
 * stored (never the secret itself, which does not leave the alerts package).
 */
public record Channel(
    Long id,
    String name,
    String kind,
    String url,
    boolean alerts,
    boolean digest,
    boolean enabled,
    boolean signed) {

  /** The key deliveries are logged under. */
  public String logKey() {
    return "webhook:" + name;
  }
}

package dev.tandem.connectors;

import java.net.URI;
import java.net.http.HttpClient;
import java.util.Map;
import java.util.Set;

/**
 * What a connector fetches with: its configuration, the secret (from the environment or opened from
 * the database, held only for the run) and an HTTP client bound to its base URL.
 */
record Source(
    ConnectorConfig config,
    String secret,
    String baseUrl,
    HttpSettings settings,
    HttpClient client,
    VendorHttp.Sleeper sleeper,
    java.time.Clock clock) {

  /** Today, UTC, by the application's clock. */
  java.time.LocalDate today() {
    return java.time.LocalDate.ofInstant(clock.instant(), java.time.ZoneOffset.UTC);
  }

  VendorHttp http(Map<String, String> headers, Set<String> downloadHosts) {
    if (baseUrl == null || baseUrl.isBlank()) {
      throw new VendorException(0, "no base URL is configured");
    }
    return new VendorHttp(client, URI.create(baseUrl), downloadHosts, settings, headers, sleeper);
  }

  String requireSecret(String what) {
    if (secret == null || secret.isBlank()) {
      throw new VendorException(0, "no " + what + " is set");
    }
    return secret;
  }

  String requireSetting(String key) {
    String v = config.setting(key);
    if (v == null) {
      throw new VendorException(0, "the setting '" + key + "' is empty");
    }
    return v;
  }

  @Override
  public String toString() {
    return "Source[" + config.key() + "]"; // never the secret
  }
}

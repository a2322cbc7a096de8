package dev.tandem.connectors;

import java.time.LocalDate;
import java.util.List;

/**
 * One vendor source. It fetches one UTC day as the files the matching import format reads (the
 * vendor's own layout, pages joined), which the runner imports as batches named after it.
 */
interface Connector {

  /** One file to import: its name in the batch history and its bytes. */
  record Payload(String fileName, byte[] body) {}

  /** A setting an admin fills in (not secret): key, label and help text. */
  record Setting(String key, String label, String help) {}

  String key();

  String name();

  /** The import format its files are in. */
  String format();

  /** The tool key the import is for, where the format needs one (Kiro's legacy report). */
  default String tool() {
    return null;
  }

  /** The base URL used unless the admin sets another (empty for S3 connectors). */
  String defaultBaseUrl();

  /** The base URL for a configuration that does not set one (a region may choose it). */
  default String baseUrlFor(ConnectorConfig config) {
    return defaultBaseUrl();
  }

  /** What the secret is, for the screen ("Admin API key", "secret access key"). */
  String secretLabel();

  List<Setting> settings();

  /** The day's files; empty when the vendor has nothing for that day. */
  List<Payload> fetch(Source source, LocalDate day);

  /** One cheap authenticated request; throws {@link VendorException} with the vendor's message. */
  void test(Source source);
}

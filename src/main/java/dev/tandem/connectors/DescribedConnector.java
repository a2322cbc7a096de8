package dev.tandem.connectors;

import java.util.List;

/**
 * A connector's fixed description, given once to the constructor: its key, its name on the screen,
 * the import format its files are in, the base URL used unless the admin sets another, what the
 * secret is, and the settings an admin fills in.
 */
abstract class DescribedConnector implements Connector {

  private final String key;
  private final String name;
  private final String format;
  private final String defaultBaseUrl;
  private final String secretLabel;
  private final List<Setting> settings;

  DescribedConnector(
      String key,
      String name,
      String format,
      String defaultBaseUrl,
      String secretLabel,
      List<Setting> settings) {
    this.key = key;
    this.name = name;
    this.format = format;
    this.defaultBaseUrl = defaultBaseUrl;
    this.secretLabel = secretLabel;
    this.settings = List.copyOf(settings);
  }

  @Override
  public final String key() {
    return key;
  }

  @Override
  public final String name() {
    return name;
  }

  @Override
  public final String format() {
    return format;
  }

  @Override
  public final String defaultBaseUrl() {
    return defaultBaseUrl;
  }

  @Override
  public final String secretLabel() {
    return secretLabel;
  }

  @Override
  public final List<Setting> settings() {
    return settings;
  }
}

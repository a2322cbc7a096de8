package dev.tandem.connectors;

import dev.tandem.base.NotFoundException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/** The connectors there are, by key, in the order the screen lists them. */
@Component
class Connectors {

  static final String DEFAULT_CRON = "0 30 3 * * *";

  private final Map<String, Connector> byKey = new LinkedHashMap<>();

  Connectors(List<Connector> all) {
    List.of(
            "claude-code",
            "cursor",
            "cursor-members",
            "copilot",
            "copilot-seats",
            "pagerduty",
            "q-developer",
            "kiro")
        .forEach(
            k ->
                all.stream()
                    .filter(c -> c.key().equals(k))
                    .findFirst()
                    .ifPresent(c -> byKey.put(k, c)));
    all.forEach(c -> byKey.putIfAbsent(c.key(), c));
  }

  List<Connector> all() {
    return List.copyOf(byKey.values());
  }

  Connector byKey(String key) {
    Connector c = byKey.get(key);
    if (c == null) {
      throw new NotFoundException(
          "connector",
          "There is no connector '" + key + "'; the connectors are " + byKey.keySet() + ".");
    }
    return c;
  }

  /** The configuration of a connector nobody has configured yet: off, defaults. */
  static ConnectorConfig unconfigured(Connector c) {
    return new ConnectorConfig(
        c.key(),
        false,
        null,
        Map.of(),
        DEFAULT_CRON,
        null,
        3,
        new ConnectorConfig.SecretStatus(false, null, null, null, null),
        null,
        null,
        null);
  }
}

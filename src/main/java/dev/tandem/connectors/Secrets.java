package dev.tandem.connectors;

import dev.tandem.base.SecretBox;
import java.util.Locale;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * A connector's secret: from the environment ({@code TANDEM_CONNECTORS_<KEY>_SECRET}, e.g.
 * TANDEM_CONNECTORS_CLAUDECODE_SECRET, or the property tandem.connectors.KEY.secret) when given
 * there, else the one stored encrypted. Never logged, never returned to a screen.
 */
@Component
class Secrets {

  private final Environment env;
  private final ConnectorConfigRepository configs;
  private final SecretBox box;

  Secrets(Environment env, ConnectorConfigRepository configs, SecretBox box) {
    this.env = env;
    this.configs = configs;
    this.box = box;
  }

  String fromEnvironment(String key) {
    String v = env.getProperty("tandem.connectors." + key + ".secret");
    if (v == null || v.isBlank()) {
      v = env.getProperty(envName(key));
    }
    return v == null || v.isBlank() ? null : v;
  }

  static String envName(String key) {
    return "TANDEM_CONNECTORS_" + key.replace("-", "").toUpperCase(Locale.ROOT) + "_SECRET";
  }

  String secret(String key) {
    String env = fromEnvironment(key);
    if (env != null) {
      return env;
    }
    return configs.sealedSecret(key).map(box::open).orElse(null);
  }

  static String last4(String secret) {
    return secret.length() <= 8 ? "" : secret.substring(secret.length() - 4);
  }
}

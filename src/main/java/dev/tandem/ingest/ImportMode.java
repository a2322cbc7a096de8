package dev.tandem.ingest;

import dev.tandem.base.ValidationException;
import java.util.Arrays;

/** All or nothing (the default), or apply the valid rows and return the rejected ones. */
public enum ImportMode {
  ALL_OR_NOTHING("all-or-nothing"),
  SKIP_INVALID("skip-invalid");

  private final String key;

  ImportMode(String key) {
    this.key = key;
  }

  public String key() {
    return key;
  }

  public static ImportMode of(String key) {
    if (key == null || key.isBlank()) {
      return ALL_OR_NOTHING;
    }
    return Arrays.stream(values())
        .filter(m -> m.key.equals(key.trim()))
        .findFirst()
        .orElseThrow(
            () ->
                ValidationException.of(
                    "mode",
                    "unknown mode "
                        + dev.tandem.base.Excerpt.quote(key)
                        + "; expected all-or-nothing or skip-invalid"));
  }
}

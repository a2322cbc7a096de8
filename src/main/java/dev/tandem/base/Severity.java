package dev.tandem.base;

import com.fasterxml.jackson.annotation.JsonValue;

/** An incident's severity, SEV1 (worst) to SEV4 (DESIGN §2). */
public enum Severity implements Vocabulary {
  SEV1,
  SEV2,
  SEV3,
  SEV4;

  @Override
  @JsonValue // audit records and JSON answers keep the stored spelling
  public String stored() {
    return name();
  }

  /** The stored spelling, so string concatenation and default item labels show it. */
  @Override
  public String toString() {
    return stored();
  }

  @Override
  public String label() {
    return name();
  }

  /** SEV1 or SEV2: what the summary calls a major incident. */
  public boolean major() {
    return this == SEV1 || this == SEV2;
  }

  /** The severity spelled {@code text} (any case); the import's error text otherwise. */
  public static Severity parse(String text) {
    return Vocabulary.parse(Severity.class, text);
  }
}

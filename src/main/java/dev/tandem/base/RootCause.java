package dev.tandem.base;

import com.fasterxml.jackson.annotation.JsonValue;

/** An incident's root cause (DESIGN §3.3), in the order screens list them. */
public enum RootCause implements Vocabulary {
  USER_ERROR("user-error"),
  AI_ERROR("ai-error"),
  ACCESS_CONTROL("access-control"),
  PROCESS("process"),
  INFRASTRUCTURE("infrastructure"),
  OTHER("other");

  private final String stored;

  RootCause(String stored) {
    this.stored = stored;
  }

  @Override
  @JsonValue // audit records and JSON answers keep the stored spelling
  public String stored() {
    return stored;
  }

  /** The stored spelling, so string concatenation and default item labels show it. */
  @Override
  public String toString() {
    return stored();
  }

  @Override
  public String label() {
    return stored;
  }

  /** The root cause spelled {@code text} (any case); the import's error text otherwise. */
  public static RootCause parse(String text) {
    return Vocabulary.parse(RootCause.class, text);
  }
}

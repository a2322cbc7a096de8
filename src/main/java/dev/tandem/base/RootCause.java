package dev.tandem.base;

/** An incident's root cause (DESIGN §3.3), in the order screens list them. */
public enum RootCause implements Vocabulary {
  USER_ERROR,
  AI_ERROR,
  ACCESS_CONTROL,
  PROCESS,
  INFRASTRUCTURE,
  OTHER;

  @Override
  public String toString() {
    return stored();
  }

  /** The root cause spelled {@code text} (any case); the import's error text otherwise. */
  public static RootCause parse(String text) {
    return Vocabulary.parse(RootCause.class, text);
  }
}

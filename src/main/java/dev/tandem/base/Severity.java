package dev.tandem.base;

/** An incident's severity, SEV1 (worst) to SEV4 (DESIGN §2), stored and shown in capitals. */
public enum Severity implements Vocabulary {
  SEV1,
  SEV2,
  SEV3,
  SEV4;

  @Override
  public String stored() {
    return name();
  }

  /** SEV1 or SEV2, the two most severe. */
  public boolean major() {
    return this == SEV1 || this == SEV2;
  }

  /** The severity spelled {@code text} (any case); the import's error text otherwise. */
  public static Severity parse(String text) {
    return Vocabulary.parse(Severity.class, text);
  }
}

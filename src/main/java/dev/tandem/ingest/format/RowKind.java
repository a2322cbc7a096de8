package dev.tandem.ingest.format;

/** What a format's rows become in the database. */
public enum RowKind {
  USAGE_DAY("usage-day"),
  USAGE_WEEK("usage-week"),
  CHANGES("changes"),
  INCIDENT("incident"),
  ROSTER("roster"),
  IDENTITY("identity"),
  SEAT("seat");

  private final String key;

  RowKind(String key) {
    this.key = key;
  }

  /** The value of {@code row_kind} columns. */
  public String key() {
    return key;
  }
}

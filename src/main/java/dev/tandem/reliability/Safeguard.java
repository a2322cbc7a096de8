package dev.tandem.reliability;

/**
 * The three safeguards an incident records (DESIGN §3.3 "Safeguard gaps"): each gap is one answer
 * of one incident field — not peer-reviewed, no approval required, permissions exceeded.
 */
public enum Safeguard {
  NOT_PEER_REVIEWED("not-peer-reviewed", "Not peer-reviewed", "lacked peer review"),
  NO_APPROVAL_REQUIRED("no-approval", "No approval required", "needed no second approval"),
  PERMISSIONS_EXCEEDED(
      "permissions-exceeded", "Permissions exceeded", "involved permissions beyond those intended");

  private final String key;
  private final String label;
  private final String gapPhrase;

  Safeguard(String key, String label, String gapPhrase) {
    this.key = key;
    this.label = label;
    this.gapPhrase = gapPhrase;
  }

  /** The URL and export key, e.g. {@code not-peer-reviewed}. */
  public String key() {
    return key;
  }

  /** The gap as a heading: "Not peer-reviewed". */
  public String label() {
    return label;
  }

  /** The gap as a predicate of incidents: "… incidents lacked peer review". */
  public String gapPhrase() {
    return gapPhrase;
  }

  public static java.util.Optional<Safeguard> fromKey(String key) {
    return java.util.Arrays.stream(values()).filter(s -> s.key.equals(key)).findFirst();
  }
}

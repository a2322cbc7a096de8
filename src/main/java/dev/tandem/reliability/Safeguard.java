package dev.tandem.reliability;

import dev.tandem.base.Keyed;

/**
 * The three safeguards an incident records (DESIGN §3.3 "Safeguard gaps"): each gap is one answer
 * of one incident field — not peer-reviewed, no approval required, permissions exceeded. The key
 * ({@link Keyed}, e.g. {@code not-peer-reviewed}) names the gap in URLs and exports.
 */
public enum Safeguard implements Keyed {
  NOT_PEER_REVIEWED("Not peer-reviewed", "lacked peer review"),
  NO_APPROVAL_REQUIRED("No approval required", "needed no second approval") {
    @Override
    public String key() {
      return "no-approval"; // as links have always written it
    }
  },
  PERMISSIONS_EXCEEDED("Permissions exceeded", "involved permissions beyond those intended");

  private final String label;
  private final String gapPhrase;

  Safeguard(String label, String gapPhrase) {
    this.label = label;
    this.gapPhrase = gapPhrase;
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
    return Keyed.byKey(Safeguard.class, key);
  }
}

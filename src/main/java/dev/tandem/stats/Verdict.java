package dev.tandem.stats;

/** DESIGN §3.3: what the rate comparison of a tool with the baseline says, in words. */
public enum Verdict {
  /** The whole 95% interval of the rate ratio lies above 1. */
  HIGHER("higher"),
  /** The whole 95% interval of the rate ratio lies below 1. */
  LOWER("lower"),
  /** The interval contains 1. */
  NO_DIFFERENCE("no evidence of a difference"),
  /** Neither group had an incident. */
  NO_INCIDENTS("no incidents"),
  /** The tool or the baseline had no exposure, so there is no rate to compare. */
  NO_EXPOSURE("no exposure");

  private final String label;

  Verdict(String label) {
    this.label = label;
  }

  /** The wording of DESIGN §3.3, used by the API and the screens alike. */
  public String label() {
    return label;
  }
}

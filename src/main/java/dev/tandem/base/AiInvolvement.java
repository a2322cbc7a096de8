package dev.tandem.base;

/**
 * An incident's AI involvement (DESIGN §3.2): none, assisted (an AI-written change, human-run),
 * agent (an AI agent executed the action) or unknown (not triaged yet).
 */
public enum AiInvolvement implements Vocabulary {
  NONE,
  ASSISTED,
  AGENT,
  UNKNOWN;

  /** Assisted or agent: the involvements that name a tool. */
  public boolean aiInvolved() {
    return this == ASSISTED || this == AGENT;
  }

  @Override
  public String toString() {
    return stored();
  }

  /** The involvement spelled {@code text} (any case); the import's error text otherwise. */
  public static AiInvolvement parse(String text) {
    return Vocabulary.parse(AiInvolvement.class, text);
  }
}

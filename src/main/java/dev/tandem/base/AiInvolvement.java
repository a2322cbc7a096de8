package dev.tandem.base;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * An incident's AI involvement (DESIGN §3.2): none, assisted (an AI-written change, human-run),
 * agent (an AI agent executed the action) or unknown (not triaged yet).
 */
public enum AiInvolvement implements Vocabulary {
  NONE("none"),
  ASSISTED("assisted"),
  AGENT("agent"),
  UNKNOWN("unknown");

  private final String stored;

  AiInvolvement(String stored) {
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

  /** Assisted or agent: the involvements that name a tool. */
  public boolean aiInvolved() {
    return this == ASSISTED || this == AGENT;
  }

  /** The involvement spelled {@code text} (any case); the import's error text otherwise. */
  public static AiInvolvement parse(String text) {
    return Vocabulary.parse(AiInvolvement.class, text);
  }
}

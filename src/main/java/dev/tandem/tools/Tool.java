package dev.tandem.tools;

/** An AI coding tool of the catalogue. {@code kind} is assistant, agent or both. */
public record Tool(
    String key, String name, String vendor, String kind, boolean asksApproval, boolean active) {

  public static final java.util.List<String> KINDS =
      java.util.List.of("assistant", "agent", "both");
}

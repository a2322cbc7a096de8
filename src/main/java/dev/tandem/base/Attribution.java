package dev.tandem.base;

/**
 * What a change is attributed to, and the group an incident is compared in (DESIGN §3.2): no AI
 * ({@value #NONE}, the baseline) or one tool key. Not an enum: tool keys are catalogue data, and
 * the rollup compares attributions with {@code tool_key} columns in SQL.
 */
public final class Attribution {

  /** The stored spelling of "no AI": changes without AI and the baseline group. */
  public static final String NONE = "none";

  private Attribution() {}

  /** Whether {@code attribution} is the baseline ({@value #NONE}). */
  public static boolean none(String attribution) {
    return NONE.equals(attribution);
  }

  /** A tool's attribution, or {@value #NONE} for none. */
  public static String of(String tool) {
    return tool == null ? NONE : tool;
  }
}

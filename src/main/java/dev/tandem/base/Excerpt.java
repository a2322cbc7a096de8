package dev.tandem.base;

/**
 * A user-supplied value as it may appear in a message or a log line: quoted, and cut after {@value
 * #MAX} characters with its length, so a 5 MB cell never travels back whole.
 */
public final class Excerpt {

  public static final int MAX = 40;

  private Excerpt() {}

  /** {@code 'value'}, or {@code 'first 40 characters…' (5242880 characters)}. */
  public static String quote(String value) {
    if (value == null) {
      return "null";
    }
    if (value.length() <= MAX) {
      return "'" + value + "'";
    }
    int end = Character.isHighSurrogate(value.charAt(MAX - 1)) ? MAX - 1 : MAX;
    return "'" + value.substring(0, end) + "…' (" + value.length() + " characters)";
  }
}

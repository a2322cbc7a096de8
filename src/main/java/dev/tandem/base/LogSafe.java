package dev.tandem.base;

/**
 * Values that came from outside (user names, parameters, exception messages holding SQL and its
 * binds) are logged and audited only in part: one line, at most a few hundred characters, so that
 * neither a log line nor an audit row can be used to fill a disk or to forge a log line.
 */
public final class LogSafe {

  /** The longest part of an outside value written to a log line. */
  public static final int MAX = 300;

  private LogSafe() {}

  /**
   * The value on one line (control characters replaced by '?'), cut to {@code max} characters with
   * a note of the full length.
   */
  public static String clip(String value, int max) {
    if (value == null) {
      return null;
    }
    int keep = Math.min(value.length(), max);
    StringBuilder out = new StringBuilder(keep + 32);
    for (int i = 0; i < keep; i++) {
      char c = value.charAt(i);
      out.append(Character.isISOControl(c) ? '?' : c);
    }
    if (value.length() > max) {
      out.append("…(").append(value.length()).append(" chars)");
    }
    return out.toString();
  }

  public static String clip(String value) {
    return clip(value, MAX);
  }

  /** An exception as its class and the start of its message: never its whole message. */
  public static String describe(Throwable failure) {
    if (failure == null) {
      return "";
    }
    String message = failure.getMessage();
    return failure.getClass().getName() + (message == null ? "" : ": " + clip(message));
  }
}

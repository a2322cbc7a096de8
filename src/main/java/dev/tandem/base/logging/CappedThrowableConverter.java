package dev.tandem.base.logging;

import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.StackTraceElementProxy;
import dev.tandem.base.LogSafe;
import org.springframework.boot.logging.logback.ExtendedWhitespaceThrowableProxyConverter;

/**
 * Spring Boot's stack trace converter ({@code %wEx}), with every exception message of the chain cut
 * to {@link #MAX_MESSAGE} characters: a driver's message can hold a whole SQL statement with its
 * bind values (issue 9: 53 MB from one request). The depth is limited by the pattern ({@code
 * %cappedEx{40}}: 40 frames per exception).
 */
public class CappedThrowableConverter extends ExtendedWhitespaceThrowableProxyConverter {

  /** The longest exception message written, per exception of the chain. */
  public static final int MAX_MESSAGE = 1000;

  /** The deepest chain of causes written. */
  static final int MAX_CAUSES = 10;

  @Override
  protected String throwableProxyToString(IThrowableProxy tp) {
    return super.throwableProxyToString(Capped.of(tp, 0));
  }

  /** The same exception with a cut message, its causes and suppressed ones cut alike. */
  private record Capped(
      IThrowableProxy original, IThrowableProxy cause, IThrowableProxy[] suppressed)
      implements IThrowableProxy {

    static IThrowableProxy of(IThrowableProxy tp, int depth) {
      if (tp == null || depth > MAX_CAUSES) {
        return null;
      }
      IThrowableProxy[] suppressed = tp.getSuppressed();
      IThrowableProxy[] capped =
          new IThrowableProxy[suppressed == null ? 0 : Math.min(suppressed.length, 5)];
      for (int i = 0; i < capped.length; i++) {
        capped[i] = of(suppressed[i], depth + 1);
      }
      return new Capped(tp, tp.isCyclic() ? null : of(tp.getCause(), depth + 1), capped);
    }

    @Override
    public String getMessage() {
      return LogSafe.clip(original.getMessage(), MAX_MESSAGE);
    }

    @Override
    public String getClassName() {
      return original.getClassName();
    }

    @Override
    public StackTraceElementProxy[] getStackTraceElementProxyArray() {
      return original.getStackTraceElementProxyArray();
    }

    @Override
    public int getCommonFrames() {
      return original.getCommonFrames();
    }

    @Override
    public IThrowableProxy getCause() {
      return cause;
    }

    @Override
    public IThrowableProxy[] getSuppressed() {
      return suppressed;
    }

    @Override
    public boolean isCyclic() {
      return original.isCyclic();
    }
  }
}

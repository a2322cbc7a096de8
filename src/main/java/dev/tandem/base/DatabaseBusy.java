package dev.tandem.base;

import java.sql.SQLTransientConnectionException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;

/**
 * Whether a failure means "no pooled database connection became free in time": the request can be
 * retried shortly, so the API answers {@code 503} with {@code Retry-After} instead of {@code 500}.
 */
public final class DatabaseBusy {

  /** Seconds a client is asked to wait before retrying. */
  public static final int RETRY_AFTER_SECONDS = 2;

  public static final String DETAIL =
      "The database is busy (every connection is in use); retry in a few seconds.";

  private DatabaseBusy() {}

  public static boolean causedBy(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof SQLTransientConnectionException
          || t instanceof CannotGetJdbcConnectionException) {
        return true;
      }
    }
    return false;
  }
}

package dev.tandem.connectors;

/**
 * A vendor request that failed for good: the HTTP status (0 when no answer came) and the vendor's
 * own message, as the admin should see it. Never carries a secret.
 */
public class VendorException extends RuntimeException {

  private final int status;

  VendorException(int status, String message) {
    super(message);
    this.status = status;
  }

  public int status() {
    return status;
  }
}

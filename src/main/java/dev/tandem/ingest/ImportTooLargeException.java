package dev.tandem.ingest;

/** The file is larger than {@code tandem.import.max-size}; nothing was applied. */
public class ImportTooLargeException extends RuntimeException {

  private final long maxBytes;

  public ImportTooLargeException(long maxBytes) {
    super("the file is larger than the limit of " + maxBytes + " bytes (tandem.import.max-size)");
    this.maxBytes = maxBytes;
  }

  public long maxBytes() {
    return maxBytes;
  }
}

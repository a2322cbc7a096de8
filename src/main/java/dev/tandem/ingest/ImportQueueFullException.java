package dev.tandem.ingest;

/** More imports are waiting than {@code tandem.import.queue} allows; nothing was queued. */
public class ImportQueueFullException extends RuntimeException {

  public ImportQueueFullException() {
    super("too many imports are waiting; try again when the queue has room");
  }
}

package dev.tandem.base;

import java.util.function.Supplier;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs the reads of one screen in one read-only snapshot transaction, so that all its figures come
 * from the same state (before or after an import, never a mix). The services it calls join it.
 */
public final class ConsistentRead {

  private final TransactionTemplate template;

  ConsistentRead(TransactionTemplate template) {
    this.template = template;
  }

  public <T> T read(Supplier<T> reads) {
    return template.execute(status -> reads.get());
  }
}

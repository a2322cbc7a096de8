package dev.tandem.base;

import java.util.function.Supplier;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * A value read once per transaction: the first {@link #get} in a transaction reads it and later
 * ones in the same transaction answer from memory; outside a transaction every call reads. The
 * writer of what it holds calls {@link #forget} so the rest of its transaction reads it again.
 */
public final class PerTransaction<T> {

  /** The key the value is bound under in the current transaction. */
  private final Object key = new Object();

  @SuppressWarnings("unchecked")
  public T get(Supplier<T> read) {
    if (!TransactionSynchronizationManager.isSynchronizationActive()) {
      return read.get();
    }
    T held = (T) TransactionSynchronizationManager.getResource(key);
    if (held != null) {
      return held;
    }
    T value = read.get();
    TransactionSynchronizationManager.bindResource(key, value);
    TransactionSynchronizationManager.registerSynchronization(
        new TransactionSynchronization() {
          @Override
          public void afterCompletion(int status) {
            TransactionSynchronizationManager.unbindResourceIfPossible(key);
          }
        });
    return value;
  }

  /** Drops the value of the current transaction after a write of what it holds. */
  public void forget() {
    if (TransactionSynchronizationManager.isSynchronizationActive()) {
      TransactionSynchronizationManager.unbindResourceIfPossible(key);
    }
  }
}

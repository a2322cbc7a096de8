package dev.tandem.rollup;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Answers of {@link RollupQuery} kept under the rollup's state in the current snapshot (see {@link
 * #underState}), by state and key; the most recent {@link #CACHED_READS} are kept.
 */
final class RollupStateCache {

  /** Cached answers kept: a few screens' ranges and scopes between two writes. */
  static final int CACHED_READS = 32;

  private final Map<List<Object>, Object> underState =
      Collections.synchronizedMap(
          new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<List<Object>, Object> e) {
              return size() > CACHED_READS;
            }
          });

  /**
   * Reads of a state and key under way: another snapshot of the same state that asks for the same
   * key waits for that read instead of repeating it (after a restart or a write, the first readers
   * of a costly key — and the start-up warm-up — would otherwise each read it at once).
   */
  private final Map<List<Object>, CompletableFuture<Object>> reading = new ConcurrentHashMap<>();

  /** The rollup's state as the current snapshot sees it ({@link RollupQuery#state}). */
  private final LongSupplier state;

  RollupStateCache(LongSupplier state) {
    this.state = state;
  }

  /**
   * A read whose answer depends only on what the rollup's maintenance tracks (usage, changes,
   * incidents and the roster's headcount, teams and exclusions): inside a snapshot transaction it
   * is kept under the rollup's state in that snapshot (see {@link RollupQuery#state}) and {@code
   * key}, and read again only after a write; outside one it is read every time (two statements need
   * not see one state). {@code key} names the read and its arguments; the answer must not be
   * changed.
   */
  @SuppressWarnings("unchecked")
  <T> T underState(List<Object> key, Supplier<T> read) {
    if (!TransactionSynchronizationManager.isActualTransactionActive()
        || TransactionSynchronizationManager.getCurrentTransactionIsolationLevel() == null
        || TransactionSynchronizationManager.getCurrentTransactionIsolationLevel()
            < TransactionDefinition.ISOLATION_REPEATABLE_READ) {
      return read.get();
    }
    List<Object> stateKey = List.of(state.getAsLong(), key);
    Object cached = underState.get(stateKey);
    if (cached != null) {
      return (T) cached;
    }
    CompletableFuture<Object> mine = new CompletableFuture<>();
    CompletableFuture<Object> other = reading.putIfAbsent(stateKey, mine);
    if (other != null) {
      Object answer = awaitOther(other);
      // The other read failed (and is no longer under way): this snapshot reads again.
      return answer != null ? (T) answer : underState(key, read);
    }
    try {
      // Read outside the map's lock: readers of other keys do not wait for this one.
      cached = read.get();
    } catch (RuntimeException | Error e) {
      reading.remove(stateKey, mine);
      mine.complete(null);
      throw e;
    }
    underState.put(stateKey, cached);
    reading.remove(stateKey, mine);
    mine.complete(cached);
    return (T) cached;
  }

  /** The answer of another snapshot's read of the same state and key; null if it failed. */
  private static Object awaitOther(CompletableFuture<Object> other) {
    try {
      return other.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while another read of the rollup ran", e);
    } catch (ExecutionException e) {
      return null;
    }
  }
}

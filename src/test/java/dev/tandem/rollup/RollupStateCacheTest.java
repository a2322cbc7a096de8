package dev.tandem.rollup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionSynchronizationManager;

class RollupStateCacheTest {

  private final AtomicLong state = new AtomicLong(7);
  private final RollupStateCache cache = new RollupStateCache(state::get);
  private final AtomicInteger reads = new AtomicInteger();

  private Integer read() {
    return cache.underState(List.of("key"), reads::incrementAndGet);
  }

  private static void inTransaction(Integer isolation) {
    TransactionSynchronizationManager.setActualTransactionActive(true);
    TransactionSynchronizationManager.setCurrentTransactionIsolationLevel(isolation);
  }

  @AfterEach
  void outOfTransaction() {
    TransactionSynchronizationManager.setActualTransactionActive(false);
    TransactionSynchronizationManager.setCurrentTransactionIsolationLevel(null);
  }

  @Test
  void outside_a_transaction_every_call_reads_again() {
    read();
    read();

    assertThat(reads).hasValue(2);
  }

  @Test
  void a_transaction_below_repeatable_read_reads_again_since_two_statements_may_see_two_states() {
    inTransaction(TransactionDefinition.ISOLATION_READ_COMMITTED);
    read();
    read();

    assertThat(reads).hasValue(2);
  }

  @Test
  void a_snapshot_reads_once_per_state_and_again_after_a_write() {
    inTransaction(TransactionDefinition.ISOLATION_REPEATABLE_READ);
    assertThat(read()).isEqualTo(1);
    assertThat(read()).isEqualTo(1);

    state.incrementAndGet();

    assertThat(read()).isEqualTo(2);
    assertThat(reads).hasValue(2);
  }

  @Test
  void only_the_most_recent_answers_are_kept() {
    inTransaction(TransactionDefinition.ISOLATION_REPEATABLE_READ);
    read();
    for (int i = 0; i < RollupStateCache.CACHED_READS; i++) {
      cache.underState(List.of("other", i), () -> 0);
    }

    read();

    assertThat(reads).hasValue(2);
  }

  /** Runs {@code read} on another thread inside a snapshot (repeatable-read) transaction. */
  private CompletableFuture<Integer> inSnapshot(java.util.function.Supplier<Integer> read) {
    return CompletableFuture.supplyAsync(
        () -> {
          inTransaction(TransactionDefinition.ISOLATION_REPEATABLE_READ);
          try {
            return read.get();
          } finally {
            outOfTransaction();
          }
        });
  }

  /**
   * A slow read of the key in another snapshot: it signals {@code started} once under way, then
   * blocks until {@code release} and then answers (or fails).
   */
  private CompletableFuture<Integer> slowFirstRead(
      CountDownLatch started, CountDownLatch release, boolean fails) {
    return inSnapshot(
        () ->
            cache.underState(
                List.of("key"),
                () -> {
                  started.countDown();
                  await(release);
                  if (fails) {
                    throw new IllegalStateException("the database went away");
                  }
                  return reads.incrementAndGet();
                }));
  }

  @Test
  void a_second_snapshot_of_the_same_state_waits_for_the_read_under_way_instead_of_repeating_it()
      throws Exception {
    CountDownLatch started = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    CompletableFuture<Integer> first = slowFirstRead(started, release, false);
    assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();
    CompletableFuture<Integer> second = inSnapshot(this::read);
    Thread.sleep(200);
    assertThat(second).isNotDone();
    release.countDown();

    assertThat(first.get(10, TimeUnit.SECONDS)).isEqualTo(1);
    assertThat(second.get(10, TimeUnit.SECONDS)).isEqualTo(1);
    assertThat(reads).hasValue(1);
  }

  @Test
  void when_the_read_under_way_fails_the_waiting_snapshot_reads_for_itself() throws Exception {
    CountDownLatch started = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    CompletableFuture<Integer> first = slowFirstRead(started, release, true);
    assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();
    CompletableFuture<Integer> second = inSnapshot(this::read);
    Thread.sleep(200);
    release.countDown();

    assertThatThrownBy(() -> first.get(10, TimeUnit.SECONDS))
        .hasRootCauseMessage("the database went away");
    assertThat(second.get(10, TimeUnit.SECONDS)).isEqualTo(1);
    assertThat(reads).hasValue(1);
    // Nothing is left under way: the next snapshot reads from the kept answer.
    inTransaction(TransactionDefinition.ISOLATION_REPEATABLE_READ);
    assertThat(read()).isEqualTo(1);
  }

  private static void await(CountDownLatch latch) {
    try {
      if (!latch.await(10, TimeUnit.SECONDS)) {
        throw new IllegalStateException("not released");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}

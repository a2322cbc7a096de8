package dev.tandem.rollup;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
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
}

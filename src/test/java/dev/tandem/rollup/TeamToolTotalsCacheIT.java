package dev.tandem.rollup;

import static dev.tandem.db.Tables.CHANGE_COUNT;
import static dev.tandem.db.Tables.DEVELOPER;
import static dev.tandem.db.Tables.TEAM;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tandem.base.ConsistentRead;
import dev.tandem.base.IsoWeek;
import dev.tandem.base.WeekRange;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * The per-team, per-tool totals of a range are kept under the rollup's state in the reader's
 * snapshot: a repeated read inside snapshots of the same state is answered from memory, a write
 * makes the next snapshot read again, and a snapshot opened before the write keeps its own figures
 * even after a later snapshot has read the new ones.
 *
 * <p>One team (its own, so the shared test database's other teams do not matter), one developer in
 * headcount since 2025, Cursor changes in 2026-W10: 5, then 7 more in W11.
 */
@SpringBootTest
class TeamToolTotalsCacheIT {

  private static final IsoWeek W10 = IsoWeek.parse("2026-W10");
  private static final IsoWeek W11 = IsoWeek.parse("2026-W11");
  private static final WeekRange RANGE = new WeekRange(W10, W11);

  @Autowired RollupQuery query;
  @Autowired ConsistentRead consistent;
  @Autowired DSLContext db;

  @Test
  void a_read_is_kept_until_a_write_and_an_older_snapshot_keeps_its_own_figures() throws Exception {
    long team =
        db.insertInto(TEAM)
            .set(TEAM.TEAM_KEY, "cache-" + System.nanoTime())
            .set(TEAM.NAME, "Cache")
            .returning(TEAM.ID)
            .fetchOne(TEAM.ID);
    long developer =
        db.insertInto(DEVELOPER)
            .set(DEVELOPER.EMAIL, "cache-" + System.nanoTime() + "@example.com")
            .set(DEVELOPER.NAME, "Cache")
            .set(DEVELOPER.TEAM_ID, team)
            .set(DEVELOPER.STARTED_ON, LocalDate.of(2025, 1, 6))
            .returning(DEVELOPER.ID)
            .fetchOne(DEVELOPER.ID);
    changes(developer, W10, 5);
    ScopeIds scope = new ScopeIds(team, Set.of(team));

    List<RollupQuery.TeamToolTotal> first =
        consistent.read(() -> query.teamToolTotals(RANGE, scope));
    assertThat(first).containsExactly(new RollupQuery.TeamToolTotal(team, "cursor", 0, 5));
    // Another snapshot of the same state: the same answer, from memory.
    assertThat(consistent.read(() -> query.teamToolTotals(RANGE, scope))).isSameAs(first);
    // Outside a snapshot transaction two statements need not see one state: read every time.
    assertThat(query.teamToolTotals(RANGE, scope)).isEqualTo(first).isNotSameAs(first);

    // A snapshot opened before the write reads again after it (and after a newer snapshot read).
    CountDownLatch opened = new CountDownLatch(1);
    CountDownLatch written = new CountDownLatch(1);
    CompletableFuture<List<List<RollupQuery.TeamToolTotal>>> older =
        CompletableFuture.supplyAsync(
            () ->
                consistent.read(
                    () -> {
                      var before = query.teamToolTotals(RANGE, scope);
                      opened.countDown();
                      await(written);
                      return List.of(before, query.teamToolTotals(RANGE, scope));
                    }));
    assertThat(opened.await(30, TimeUnit.SECONDS)).isTrue();
    changes(developer, W11, 7);
    var after = consistent.read(() -> query.teamToolTotals(RANGE, scope));
    written.countDown();

    assertThat(after).containsExactly(new RollupQuery.TeamToolTotal(team, "cursor", 0, 12));
    assertThat(older.get(30, TimeUnit.SECONDS))
        .containsOnly(List.of(new RollupQuery.TeamToolTotal(team, "cursor", 0, 5)));
  }

  /** Writes a week's changes and refreshes the rollup in one transaction, as a write does. */
  private void changes(long developer, IsoWeek week, int changes) {
    db.transaction(
        c -> {
          DSLContext tx = c.dsl();
          tx.insertInto(CHANGE_COUNT)
              .set(CHANGE_COUNT.DEVELOPER_ID, developer)
              .set(CHANGE_COUNT.WEEK_START, week.monday())
              .set(CHANGE_COUNT.ATTRIBUTION, "cursor")
              .set(CHANGE_COUNT.CHANGES, changes)
              .execute();
          RollupRepository.on(tx).recompute(new WeekSpan(week.monday(), week.monday()), null);
        });
  }

  private static void await(CountDownLatch latch) {
    try {
      if (!latch.await(30, TimeUnit.SECONDS)) {
        throw new IllegalStateException("the write did not come");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}

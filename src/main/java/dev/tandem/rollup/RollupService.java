package dev.tandem.rollup;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Collection;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Keeps the rollup equal to its definition ({@link RollupRepository}): every write to usage,
 * changes or the roster calls {@link #refresh} inside its own transaction, so readers see the base
 * rows and the rollup change together. Weeks are recomputed in chunks so that memory stays bounded
 * whatever the span.
 */
@Service
public class RollupService {

  /** Weeks ahead of the current one that hold headcount (the roster knows who stays). */
  static final int HORIZON_WEEKS = 104;

  private static final Logger log = LoggerFactory.getLogger(RollupService.class);

  private final RollupRepository repository;
  private final RollupQuery query;
  private final Clock clock;

  RollupService(RollupRepository repository, RollupQuery query, Clock clock) {
    this.repository = repository;
    this.query = query;
    this.clock = clock;
  }

  /** Recomputes every team's slices of the weeks a write touched (null: nothing touched). */
  @Transactional(propagation = Propagation.MANDATORY)
  public void refresh(@Nullable WeekSpan span) {
    refresh(span, null);
  }

  /**
   * Recomputes the slices of the given teams (null: every team) in the weeks a write touched,
   * clamped to the rollup's horizon.
   */
  @Transactional(propagation = Propagation.MANDATORY)
  public void refresh(@Nullable WeekSpan span, @Nullable Collection<Long> teamIds) {
    if (span == null || (teamIds != null && teamIds.isEmpty())) {
      return;
    }
    LocalDate horizon = horizon();
    LocalDate first =
        span.first().isBefore(WeekSpan.ALL.first()) ? WeekSpan.ALL.first() : span.first();
    LocalDate last = span.last().isAfter(horizon) ? horizon : span.last();
    if (!first.isAfter(last)) {
      repository.recomputeInChunks(new WeekSpan(first, last), teamIds);
    }
  }

  /** Recomputes every slice of the given teams (after developers moved between them). */
  @Transactional(propagation = Propagation.MANDATORY)
  public void refreshTeams(Set<Long> teamIds) {
    refresh(dataSpan(), teamIds);
  }

  /**
   * Recomputes the subtree totals of every scope above a team that moved in the tree (its old and
   * new parent and their ancestors): the per-team figures do not change.
   */
  @Transactional(propagation = Propagation.MANDATORY)
  public void teamMoved(@Nullable Long oldParentId, @Nullable Long newParentId) {
    WeekSpan span = dataSpan();
    java.util.List<Long> parents =
        java.util.stream.Stream.of(oldParentId, newParentId)
            .filter(java.util.Objects::nonNull)
            .toList();
    if (span != null && !parents.isEmpty()) {
      repository.recomputeScopesAbove(span, parents);
    }
  }

  /** Recomputes every slice (after a roster undo, or by the rebuild command, admins only). */
  @Transactional
  public void rebuildAll() {
    long start = System.nanoTime();
    repository.rebuild(horizon());
    log.info("Rebuilt the rollup in {} ms", (System.nanoTime() - start) / 1_000_000);
  }

  /** The weeks that can hold figures: from the earliest start, usage or change to the horizon. */
  private WeekSpan dataSpan() {
    LocalDate first = query.earliestWeek();
    return first == null ? null : new WeekSpan(first, horizon());
  }

  private LocalDate horizon() {
    return LocalDate.now(clock).plusWeeks(HORIZON_WEEKS);
  }

  /**
   * Extends the headcount to the horizon as weeks pass (a week that entered the horizon since the
   * last refresh has no slices yet): called in the background at start-up and daily.
   */
  @Transactional
  public void extendHorizon() {
    LocalDate covered = query.latestWeek();
    LocalDate horizon = new WeekSpan(horizon(), horizon()).first();
    if (covered != null && covered.isBefore(horizon)) {
      refresh(new WeekSpan(covered.plusWeeks(1), horizon), null);
    }
  }
}

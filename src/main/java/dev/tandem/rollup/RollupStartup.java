package dev.tandem.rollup;

import dev.tandem.base.ConsistentRead;
import dev.tandem.base.ReportingPeriod;
import dev.tandem.base.WeekRange;
import dev.tandem.settings.SettingsService;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Start-up does no heavy work: the rollup is already there (built by the V12 migration and kept up
 * to date by every write). In the background it is rebuilt when {@code tandem.rollup.rebuild=true}
 * is given, its headcount is extended to the horizon as weeks pass, and the organisation's figures
 * of the dashboards' usual ranges are read once ({@link #warmUp}).
 */
@Component
class RollupStartup {

  private static final Logger log = LoggerFactory.getLogger(RollupStartup.class);

  /** The ranges {@link #warmUp} reads, in weeks: the default one and two years. */
  static final List<Integer> WARM_WEEKS = List.of(ReportingPeriod.DEFAULT_WEEKS, 104);

  private final RollupService rollup;
  private final RollupQuery query;
  private final ConsistentRead consistent;
  private final SettingsService settings;
  private final Clock clock;
  private final boolean rebuild;
  private final boolean warm;

  RollupStartup(
      RollupService rollup,
      RollupQuery query,
      ConsistentRead consistent,
      SettingsService settings,
      Clock clock,
      @Value("${tandem.rollup.rebuild:false}") boolean rebuild,
      @Value("${tandem.rollup.warm-up:true}") boolean warm) {
    this.rollup = rollup;
    this.query = query;
    this.consistent = consistent;
    this.settings = settings;
    this.clock = clock;
    this.rebuild = rebuild;
    this.warm = warm;
  }

  @EventListener(ApplicationReadyEvent.class)
  void inBackground() {
    Thread thread =
        new Thread(
            () -> {
              try {
                if (rebuild) {
                  rollup.rebuildAll();
                }
              } catch (RuntimeException e) {
                log.warn("Could not rebuild the rollup", e);
              }
              extendHorizon();
              if (!warm) {
                return;
              }
              try {
                long start = System.nanoTime();
                warmUp();
                log.info(
                    "Read the organisation's rollup for the usual ranges in {} ms",
                    (System.nanoTime() - start) / 1_000_000);
              } catch (RuntimeException e) {
                log.warn("Could not read the rollup ahead of the first reader", e);
              }
            },
            "rollup-start");
    thread.setDaemon(true);
    thread.start();
  }

  /**
   * The organisation's rollup reads behind Adoption and Reliability for the last 26 and 104
   * complete weeks in the organisation's zone (the ranges the services ask for), once, in a
   * snapshot: the database then holds their pages, the JIT has compiled their grouping, and the
   * per-team totals and tool totals are kept under the rollup's state ({@link
   * RollupQuery#teamTotals}, {@link RollupQuery#teamToolTotals}), so the first reader after a
   * restart does not pay for them (on 20,000 developers the per-team tool totals cost 1.1-1.6 s
   * cold and 48 ms warm). Left out with {@code tandem.rollup.warm-up=false}. Returns what it read,
   * in order.
   */
  List<Object> warmUp() {
    ReportingPeriod period = ReportingPeriod.at(clock, settings.current().zone());
    List<Object> answers = new ArrayList<>();
    for (int weeks : WARM_WEEKS) {
      WeekRange range = WeekRange.ending(period.lastCompleteWeek(), weeks);
      ScopeIds all = ScopeIds.ORGANISATION;
      consistent.read(
          () -> {
            answers.add(query.scopeWeeks(range, all));
            answers.add(query.scopeTools(range, all));
            answers.add(query.teamTotals(range, all));
            answers.add(query.teamToolTotals(range, all));
            return null;
          });
    }
    return answers;
  }

  @Scheduled(cron = "0 17 3 * * *")
  void extendHorizon() {
    try {
      rollup.extendHorizon();
    } catch (RuntimeException e) {
      log.warn("Could not maintain the rollup", e);
    }
  }
}

package dev.tandem.rollup;

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
 * is given, and its headcount is extended to the horizon as weeks pass.
 */
@Component
class RollupStartup {

  private static final Logger log = LoggerFactory.getLogger(RollupStartup.class);

  private final RollupService rollup;
  private final boolean rebuild;

  RollupStartup(RollupService rollup, @Value("${tandem.rollup.rebuild:false}") boolean rebuild) {
    this.rollup = rollup;
    this.rebuild = rebuild;
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
            },
            "rollup-start");
    thread.setDaemon(true);
    thread.start();
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

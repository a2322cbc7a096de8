package dev.tandem.connectors;

import java.time.ZoneOffset;
import java.util.Map;
import java.util.TimeZone;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;
import org.springframework.scheduling.support.CronTrigger;
import org.springframework.stereotype.Component;

/**
 * Runs each enabled connector on its cron (UTC), on every instance; the lock in {@link
 * ConnectorRunner} makes sure only one instance runs a connector at a time.
 */
@Component
class ConnectorScheduler {

  private static final Logger LOG = LoggerFactory.getLogger(ConnectorScheduler.class);

  private final ConnectorConfigRepository configs;
  private final Connectors connectors;
  private final ConnectorRunner runner;
  private final ConnectorMetrics metrics;
  private final ConnectorRunRepository runs;
  private final boolean enabled;
  private final ThreadPoolTaskScheduler scheduler = new ThreadPoolTaskScheduler();
  private final Map<String, ScheduledFuture<?>> scheduled = new ConcurrentHashMap<>();

  ConnectorScheduler(
      ConnectorConfigRepository configs,
      Connectors connectors,
      ConnectorRunner runner,
      ConnectorMetrics metrics,
      ConnectorRunRepository runs,
      @Value("${tandem.connectors.scheduling.enabled:true}") boolean enabled) {
    this.configs = configs;
    this.connectors = connectors;
    this.runner = runner;
    this.metrics = metrics;
    this.runs = runs;
    this.enabled = enabled;
    scheduler.setPoolSize(2);
    scheduler.setThreadNamePrefix("connector-");
    scheduler.setWaitForTasksToCompleteOnShutdown(false);
    scheduler.setDaemon(true);
    scheduler.initialize();
  }

  @jakarta.annotation.PreDestroy
  void stop() {
    scheduler.shutdown();
  }

  @EventListener(ApplicationReadyEvent.class)
  void start() {
    var summaries = runs.summaries();
    for (Connector c : connectors.all()) {
      var s = summaries.get(c.key());
      metrics.register(
          c.key(), s == null || s.lastSuccessAt() == null ? null : s.lastSuccessAt().toInstant());
      reschedule(c.key());
    }
  }

  synchronized void reschedule(String key) {
    ScheduledFuture<?> old = scheduled.remove(key);
    if (old != null) {
      old.cancel(false);
    }
    if (!enabled) {
      return;
    }
    configs
        .find(key)
        .filter(ConnectorConfig::enabled)
        .ifPresent(
            cfg -> {
              String cron =
                  cfg.cron() == null || cfg.cron().isBlank() ? Connectors.DEFAULT_CRON : cfg.cron();
              scheduled.put(
                  key,
                  scheduler.schedule(
                      () -> runScheduled(key),
                      new CronTrigger(cron, TimeZone.getTimeZone(ZoneOffset.UTC))));
            });
  }

  private void runScheduled(String key) {
    try {
      runner.run(key, "schedule", "scheduler");
    } catch (ConnectorBusyException e) {
      LOG.info("scheduled run of connector {} skipped: {}", key, e.getMessage());
    } catch (RuntimeException e) {
      LOG.error("scheduled run of connector {} failed", key, e);
    }
  }
}

package dev.tandem.alerts;

import dev.tandem.base.LogSafe;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Sends one message on one channel with retries (waiting {@code retry-delay} × attempt between
 * tries), then logs the outcome; a failure is logged, never thrown, so one bad channel does not
 * stop the others.
 */
@Component
class Deliveries {

  private static final Logger log = LoggerFactory.getLogger(Deliveries.class);

  /** One try at sending; throws on failure. */
  interface Attempt {
    void run() throws Exception;
  }

  private final AlertsRepository repository;
  private final AlertsProperties properties;
  private final Clock clock;

  Deliveries(AlertsRepository repository, AlertsProperties properties, Clock clock) {
    this.repository = repository;
    this.properties = properties;
    this.clock = clock;
  }

  boolean deliver(String channel, String recipient, String subject, Attempt attempt) {
    String error = null;
    int tries = 0;
    while (tries < properties.retryAttempts()) {
      tries++;
      try {
        attempt.run();
        repository.logDelivery(channel, recipient, subject, tries, true, null, now());
        return true;
      } catch (Exception e) {
        error = e.getClass().getSimpleName() + ": " + e.getMessage();
        if (tries < properties.retryAttempts() && !pause(tries)) {
          break;
        }
      }
    }
    log.warn(
        "alert delivery on {} to {} failed after {} attempts: {}",
        channel,
        LogSafe.clip(recipient, 200),
        tries,
        LogSafe.clip(error, 500));
    repository.logDelivery(channel, recipient, subject, tries, false, error, now());
    return false;
  }

  /** A message that could not be tried at all (the channel is misconfigured): logged as failed. */
  void failed(String channel, String recipient, String subject, String error) {
    log.warn("alert delivery on {} not attempted: {}", channel, LogSafe.clip(error, 500));
    repository.logDelivery(channel, recipient, subject, 0, false, error, now());
  }

  private boolean pause(int tries) {
    try {
      Thread.sleep(properties.retryDelay().multipliedBy(tries).toMillis());
      return true;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  private OffsetDateTime now() {
    return OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
  }
}

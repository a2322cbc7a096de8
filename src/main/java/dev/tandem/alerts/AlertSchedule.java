package dev.tandem.alerts;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Evaluates the rules on {@code tandem.alerts.cron} (default every 15 minutes; "-" switches it off)
 * and sends the week's digest once its moment has passed.
 */
@Component
@EnableConfigurationProperties(AlertsProperties.class)
class AlertSchedule {

  private static final Logger log = LoggerFactory.getLogger(AlertSchedule.class);

  private final AlertService alerts;
  private final AlertChannelService channels;

  AlertSchedule(AlertService alerts, AlertChannelService channels) {
    this.alerts = alerts;
    this.channels = channels;
  }

  /** Webhook secrets stored in plain text before V37 are sealed once TANDEM_SECRET_KEY is set. */
  @EventListener(ApplicationReadyEvent.class)
  void sealPlainSecrets() {
    int sealed = channels.sealPlainSecrets();
    if (sealed > 0) {
      log.info("sealed {} webhook signing secrets stored in plain text", sealed);
    }
  }

  @Scheduled(cron = "${tandem.alerts.cron:0 */15 * * * *}")
  void tick() {
    alerts.evaluate();
    if (alerts.digestDue()) {
      alerts.sendDigest();
    }
  }
}

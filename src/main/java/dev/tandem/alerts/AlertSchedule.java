package dev.tandem.alerts;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Evaluates the rules on {@code tandem.alerts.cron} (default every 15 minutes; "-" switches it off)
 * and sends the week's digest once its moment has passed.
 */
@Component
@EnableConfigurationProperties(AlertsProperties.class)
class AlertSchedule {

  private final AlertService alerts;

  AlertSchedule(AlertService alerts) {
    this.alerts = alerts;
  }

  @Scheduled(cron = "${tandem.alerts.cron:0 */15 * * * *}")
  void tick() {
    alerts.evaluate();
    if (alerts.digestDue()) {
      alerts.sendDigest();
    }
  }
}

package dev.tandem.alerts;

import java.time.DayOfWeek;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code tandem.alerts.*}: when rules are evaluated, when the digest goes out (in the
 * organisation's zone), how deliveries are retried, where links point and who sends the mail.
 */
@ConfigurationProperties("tandem.alerts")
public record AlertsProperties(
    String cron,
    DayOfWeek digestDay,
    Integer digestHour,
    int retryAttempts,
    Duration retryDelay,
    String baseUrl,
    String mailFrom) {

  public AlertsProperties {
    cron = cron == null ? "0 */15 * * * *" : cron;
    digestDay = digestDay == null ? DayOfWeek.MONDAY : digestDay;
    digestHour = digestHour == null ? 7 : digestHour;
    retryAttempts = retryAttempts <= 0 ? 3 : retryAttempts;
    retryDelay = retryDelay == null ? Duration.ofSeconds(5) : retryDelay;
    baseUrl = baseUrl == null ? "http://localhost:8080" : baseUrl.replaceAll("/+$", "");
    mailFrom = mailFrom == null ? "tandem@localhost" : mailFrom;
  }
}

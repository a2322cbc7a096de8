package dev.tandem.connectors;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How connectors talk HTTP ({@code tandem.connectors.http.*}): timeouts, attempts, the first
 * back-off (doubling), the longest wait honoured from Retry-After, and whether plain http is
 * allowed (tests only).
 */
@ConfigurationProperties("tandem.connectors.http")
record HttpSettings(
    Duration connectTimeout,
    Duration readTimeout,
    int maxAttempts,
    Duration backoff,
    Duration maxWait,
    boolean allowHttp) {

  HttpSettings {
    connectTimeout = connectTimeout == null ? Duration.ofSeconds(10) : connectTimeout;
    readTimeout = readTimeout == null ? Duration.ofSeconds(60) : readTimeout;
    maxAttempts = maxAttempts <= 0 ? 4 : maxAttempts;
    backoff = backoff == null ? Duration.ofSeconds(2) : backoff;
    maxWait = maxWait == null ? Duration.ofSeconds(120) : maxWait;
  }
}

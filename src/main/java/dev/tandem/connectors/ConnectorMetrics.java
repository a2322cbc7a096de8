package dev.tandem.connectors;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * tandem_connector_runs_total{connector,outcome} and tandem_connector_last_success_seconds
 * {connector} (epoch seconds of the last successful run, 0 when none yet).
 */
@Component
class ConnectorMetrics {

  private final MeterRegistry registry;
  private final Map<String, Double> lastSuccess = new ConcurrentHashMap<>();

  ConnectorMetrics(MeterRegistry registry) {
    this.registry = registry;
  }

  /** Registers a connector's gauge with what the database says (at start-up). */
  void register(String key, Instant lastSuccessAt) {
    lastSuccess.put(key, lastSuccessAt == null ? 0d : (double) lastSuccessAt.getEpochSecond());
    Gauge.builder(
            "tandem.connector.last.success.seconds", lastSuccess, m -> m.getOrDefault(key, 0d))
        .description("When the connector last succeeded, in seconds since the epoch (0: never)")
        .tag("connector", key)
        .register(registry);
  }

  void ran(String key, String outcome, Instant at) {
    Counter.builder("tandem.connector.runs")
        .description("Connector runs by outcome")
        .tag("connector", key)
        .tag("outcome", outcome)
        .register(registry)
        .increment();
    if ("succeeded".equals(outcome)) {
      lastSuccess.put(key, (double) at.getEpochSecond());
    }
  }
}

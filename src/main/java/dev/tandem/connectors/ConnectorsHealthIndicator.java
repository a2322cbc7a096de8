package dev.tandem.connectors;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.Status;
import org.springframework.stereotype.Component;

/**
 * The {@code connectors} health component: UP, or DEGRADED when an enabled connector's last run
 * failed or it has not succeeded in 2 days. DEGRADED does not take the instance out of a load
 * balancer (it is not part of the aggregate); details show to admins only.
 */
@Component("connectorsHealthIndicator")
class ConnectorsHealthIndicator extends AbstractHealthIndicator {

  static final Status DEGRADED = new Status("DEGRADED");

  private final ConnectorService service;

  ConnectorsHealthIndicator(ConnectorService service) {
    this.service = service;
  }

  @Override
  protected void doHealthCheck(Health.Builder builder) {
    boolean allWell = true;
    Map<String, Object> details = new LinkedHashMap<>();
    for (ConnectorState s : service.states()) {
      if (!s.config().enabled()) {
        continue;
      }
      Map<String, Object> d = new LinkedHashMap<>();
      d.put("lastOutcome", s.lastOutcome());
      d.put("lastSuccessAt", s.lastSuccessAt() == null ? null : s.lastSuccessAt().toString());
      if (s.problem() != null) {
        d.put("problem", s.problem());
        allWell = false;
      }
      details.put(s.key(), d);
    }
    builder.status(allWell ? Status.UP : DEGRADED).withDetails(details);
  }
}

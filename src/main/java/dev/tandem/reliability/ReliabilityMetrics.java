package dev.tandem.reliability;

import dev.tandem.tools.Tool;
import dev.tandem.tools.ToolService;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * A gauge per tool, {@code tandem.reliability.rate.ratio{tool=…}}: the organisation-wide rate ratio
 * against the baseline over the latest 12 complete weeks, with the default exposure (NaN where
 * undefined or infinite). Computed at most once a minute, however often it is scraped. Gauges are
 * registered for the catalogue's tools at start-up (a tool added later gets one at the next start).
 */
@Component
class ReliabilityMetrics {

  static final String NAME = "tandem.reliability.rate.ratio";
  private static final Duration FRESH_FOR = Duration.ofMinutes(1);
  private static final Logger log = LoggerFactory.getLogger(ReliabilityMetrics.class);

  private final ReliabilityService reliability;
  private final ToolService tools;
  private final MeterRegistry registry;
  private final Clock clock;
  private final Set<String> registered = new HashSet<>();
  private Map<String, Double> ratios = Map.of();
  private Instant computedAt = Instant.MIN;

  ReliabilityMetrics(
      ReliabilityService reliability, ToolService tools, MeterRegistry registry, Clock clock) {
    this.reliability = reliability;
    this.tools = tools;
    this.registry = registry;
    this.clock = clock;
  }

  @EventListener(ApplicationReadyEvent.class)
  void registerGauges() {
    for (Tool tool : tools.tools()) {
      register(tool.key());
    }
  }

  synchronized void register(String tool) {
    if (registered.add(tool)) {
      Gauge.builder(NAME, this, m -> m.ratio(tool))
          .tag("tool", tool)
          .description("Rate ratio of incidents against work without AI, latest 12 complete weeks")
          .register(registry);
    }
  }

  synchronized double ratio(String tool) {
    Instant now = clock.instant();
    if (computedAt.plus(FRESH_FOR).isBefore(now)) {
      try {
        ratios = reliability.latestRateRatios();
        computedAt = now;
      } catch (RuntimeException e) {
        log.warn("Could not compute the reliability gauges", e);
        return Double.NaN;
      }
    }
    Double ratio = ratios.get(tool);
    return ratio == null || !Double.isFinite(ratio) ? Double.NaN : ratio;
  }
}

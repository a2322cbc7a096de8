package dev.tandem.reliability;

import dev.tandem.stats.Verdict;
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
import java.util.function.ToDoubleFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Gauges per tool (and {@code tool="all-ai"} for all AI tools together), over the latest 12
 * complete weeks, organisation-wide, with the default exposure: {@code
 * tandem.reliability.rate.ratio} (the rate ratio against the baseline), {@code
 * tandem.reliability.p.adjusted} (Holm-adjusted p over the tools compared) and {@code
 * tandem.reliability.adjusted.verdict} (1 higher, -1 lower, 0 no evidence of a difference, all
 * allowing for the tools compared; NaN where there is nothing to compare). NaN wherever a value is
 * undefined or infinite. Computed at most once a minute, however often they are scraped. Registered
 * for the catalogue's tools at start-up (a tool added later gets them at the next start).
 */
@Component
class ReliabilityMetrics {

  static final String NAME = "tandem.reliability.rate.ratio";
  static final String P_ADJUSTED = "tandem.reliability.p.adjusted";
  static final String ADJUSTED_VERDICT = "tandem.reliability.adjusted.verdict";
  private static final Duration FRESH_FOR = Duration.ofMinutes(1);
  private static final Logger log = LoggerFactory.getLogger(ReliabilityMetrics.class);

  private final ReliabilityService reliability;
  private final ToolService tools;
  private final MeterRegistry registry;
  private final Clock clock;
  private final Set<String> registered = new HashSet<>();
  private Map<String, ToolFigures> latest = Map.of();
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
    register(SafeguardComparison.ALL_AI);
    for (Tool tool : tools.tools()) {
      register(tool.key());
    }
  }

  synchronized void register(String tool) {
    if (registered.add(tool)) {
      gauge(
          NAME,
          tool,
          "Rate ratio of incidents against work without AI, latest 12 complete weeks",
          t -> t.comparison().rateRatio());
      gauge(
          P_ADJUSTED,
          tool,
          "Holm-adjusted p of the rate comparison over the tools compared, latest 12 weeks",
          ToolFigures::pAdjusted);
      gauge(
          ADJUSTED_VERDICT,
          tool,
          "1 higher, -1 lower, 0 no evidence of a difference (allowing for the tools compared)",
          t -> verdictCode(t.adjustedVerdict()));
    }
  }

  private void gauge(
      String name, String tool, String description, ToDoubleFunction<ToolFigures> f) {
    Gauge.builder(name, this, m -> m.value(tool, f))
        .tag("tool", tool)
        .description(description)
        .register(registry);
  }

  static double verdictCode(Verdict v) {
    return switch (v) {
      case HIGHER -> 1;
      case LOWER -> -1;
      case NO_DIFFERENCE -> 0;
      case NO_INCIDENTS, NO_EXPOSURE -> Double.NaN;
    };
  }

  synchronized double value(String tool, ToDoubleFunction<ToolFigures> f) {
    Instant now = clock.instant();
    if (computedAt.plus(FRESH_FOR).isBefore(now)) {
      try {
        latest = reliability.latestToolFigures();
        computedAt = now;
      } catch (RuntimeException e) {
        log.warn("Could not compute the reliability gauges", e);
        return Double.NaN;
      }
    }
    ToolFigures t = latest.get(tool);
    if (t == null || t.suppressed()) {
      return Double.NaN;
    }
    double v = f.applyAsDouble(t);
    return Double.isFinite(v) ? v : Double.NaN;
  }
}

package dev.tandem.ingest;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.springframework.stereotype.Component;

/**
 * {@code tandem.import.rows} (rows imported, rejected and unmatched, by format and outcome) and the
 * {@code tandem.import} timer per import.
 */
@Component
class ImportMetrics {

  private final MeterRegistry registry;

  ImportMetrics(MeterRegistry registry) {
    this.registry = registry;
  }

  Timer.Sample start() {
    return Timer.start(registry);
  }

  void stop(Timer.Sample sample, String format, String outcome) {
    sample.stop(
        Timer.builder("tandem.import")
            .description("Time to read, check and apply one import file")
            .tag("format", format)
            .tag("outcome", outcome)
            .register(registry));
  }

  void record(ImportResult result) {
    if (result.dryRun()) {
      return;
    }
    count(result.format(), "imported", result.rowsApplied());
    count(result.format(), "rejected", result.rowsRejected());
    count(result.format(), "unmatched", result.rowsUnmatched());
  }

  private void count(String format, String outcome, long rows) {
    Counter.builder("tandem.import.rows")
        .description("Rows of import files by what became of them")
        .tag("format", format)
        .tag("outcome", outcome)
        .register(registry)
        .increment(rows);
  }
}

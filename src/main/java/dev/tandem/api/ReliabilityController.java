package dev.tandem.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.tandem.base.WeekRange;
import dev.tandem.reliability.Comparison;
import dev.tandem.reliability.Exposure;
import dev.tandem.reliability.GroupFigures;
import dev.tandem.reliability.ReliabilityService;
import dev.tandem.reliability.ToolFigures;
import dev.tandem.stats.RateComparison;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * DESIGN §5 {@code GET /api/v1/reliability}: each tool's incident rate against the baseline. Values
 * that are undefined or infinite are {@code null}. Without {@code from}/{@code to} the last 26
 * complete weeks are used, as on the Reliability screen.
 */
@RestController
@RequestMapping("/api/v1/reliability")
class ReliabilityController {

  /**
   * Suppressed values (DESIGN §3.4) are null with {@code "suppressed": true}; the flag is omitted
   * otherwise.
   */
  record Baseline(Long incidents, Long exposure, Double rate, Boolean suppressed) {

    /** Present only on suppressed objects (DESIGN §5). */
    @Override
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public Boolean suppressed() {
      return suppressed;
    }
  }

  record ToolRate(
      String tool,
      Long incidents,
      Long exposure,
      Double rate,
      Double rateRatio,
      Double ciLow,
      Double ciHigh,
      Double pValue,
      String verdict,
      Boolean unstable,
      Boolean suppressed) {

    /** Present only on suppressed objects (DESIGN §5). */
    @Override
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public Boolean suppressed() {
      return suppressed;
    }
  }

  record ReliabilityResponse(
      String exposure,
      Baseline baseline,
      List<ToolRate> tools,
      Long unclassifiedIncidents,
      Boolean suppressed) {

    /** Present only on suppressed objects (DESIGN §5). */
    @Override
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public Boolean suppressed() {
      return suppressed;
    }
  }

  private final ReliabilityService reliability;

  ReliabilityController(ReliabilityService reliability) {
    this.reliability = reliability;
  }

  @GetMapping
  ReliabilityResponse reliability(
      @RequestParam(required = false) String from,
      @RequestParam(required = false) String to,
      @RequestParam(required = false) String team,
      @RequestParam(required = false) String exposure) {
    WeekRange range = reliability.period().parse(from, to);
    Comparison c =
        reliability.comparison(
            range,
            team == null || team.isBlank() ? null : team.trim(),
            exposure == null || exposure.isBlank() ? null : Exposure.fromKey(exposure));
    if (c.suppressed()) {
      return new ReliabilityResponse(
          c.exposure().key(), new Baseline(null, null, null, true), List.of(), null, true);
    }
    GroupFigures b = c.baseline();
    return new ReliabilityResponse(
        c.exposure().key(),
        new Baseline(b.incidents(), b.exposure(), finite(b.rate()), null),
        c.tools().stream().map(ReliabilityController::toolRate).toList(),
        c.unclassifiedIncidents(),
        null);
  }

  private static ToolRate toolRate(ToolFigures t) {
    if (t.suppressed()) {
      return new ToolRate(t.tool(), null, null, null, null, null, null, null, null, null, true);
    }
    RateComparison rr = t.comparison();
    return new ToolRate(
        t.tool(),
        t.figures().incidents(),
        t.figures().exposure(),
        finite(t.figures().rate()),
        finite(rr.rateRatio()),
        finite(rr.ciLow()),
        finite(rr.ciHigh()),
        finite(rr.pValue()),
        rr.verdict().label(),
        rr.unstable(),
        null);
  }

  private static Double finite(double value) {
    return Double.isFinite(value) ? value : null;
  }
}

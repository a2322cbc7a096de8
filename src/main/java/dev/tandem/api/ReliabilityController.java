package dev.tandem.api;

import dev.tandem.api.ReliabilityBody.ReliabilityResponse;
import dev.tandem.base.ConsistentRead;
import dev.tandem.base.Scope;
import dev.tandem.base.WeekRange;
import dev.tandem.reliability.CausesAndSafeguards;
import dev.tandem.reliability.Comparison;
import dev.tandem.reliability.Exposure;
import dev.tandem.reliability.ReliabilityService;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.MediaType;
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
@RequestMapping(path = "/api/v1/reliability", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Reliability", description = "Incident rates per tool against the baseline (§3.3).")
class ReliabilityController {

  private final ReliabilityService reliability;
  private final ConsistentRead consistent;

  ReliabilityController(ReliabilityService reliability, ConsistentRead consistent) {
    this.reliability = reliability;
    this.consistent = consistent;
  }

  @GetMapping
  @Operation(
      operationId = "reliability",
      summary = "Incident rate per tool against the baseline",
      description =
          "Without from/to the last 26 complete ISO weeks. Exposure changes (default) gives rates"
              + " per 1,000 changes; developer-weeks per 100 developer-weeks.")
  @ApiResponse(responseCode = "200", description = "The baseline and each tool.")
  ReliabilityResponse reliability(
      WeeksAndTeam query,
      @Parameter(
              description = "What incidents are counted against",
              schema = @Schema(allowableValues = {"changes", "developer-weeks"}))
          @RequestParam(required = false)
          String exposure) {
    WeekRange range = query.range(reliability.period());
    Scope scope = query.scope();
    Exposure requested = exposure == null || exposure.isBlank() ? null : Exposure.fromKey(exposure);
    // The comparison and the safeguards from one snapshot.
    record Read(Comparison comparison, CausesAndSafeguards causes) {}
    Read read =
        consistent.read(
            () -> {
              Comparison comparison = reliability.comparison(range, scope, requested);
              return new Read(
                  comparison,
                  comparison.suppressed() ? null : reliability.causesAndSafeguards(range, scope));
            });
    return ReliabilityBody.of(read.comparison(), read.causes());
  }
}

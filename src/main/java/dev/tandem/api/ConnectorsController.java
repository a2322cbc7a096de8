package dev.tandem.api;

import dev.tandem.connectors.ConnectorConfig;
import dev.tandem.connectors.ConnectorService;
import dev.tandem.connectors.ConnectorState;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The connectors and their state; starting a run (admins), for automation. */
@RestController
@RequestMapping(path = "/api/v1/connectors", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Connectors", description = "Vendors Tandem collects from by itself (admins).")
class ConnectorsController {

  private final ConnectorService connectors;

  ConnectorsController(ConnectorService connectors) {
    this.connectors = connectors;
  }

  /** A connector's secret as a status only: never the secret. */
  record SecretResponse(
      boolean set,
      @Schema(
              nullable = true,
              allowableValues = {"environment", "database"})
          String source,
      @Schema(nullable = true, description = "The last 4 characters.") String last4,
      @Schema(nullable = true) String setBy,
      @Schema(nullable = true) OffsetDateTime setAt) {}

  /** A connector as listed. */
  record ConnectorResponse(
      String key,
      String name,
      @Schema(description = "The import format its files are imported as.") String format,
      boolean enabled,
      @Schema(description = "Where it sends requests (S3 connectors: empty = AWS).") String baseUrl,
      @Schema(description = "Cron (six fields, UTC).") String schedule,
      @Schema(nullable = true) OffsetDateTime nextRunAt,
      @Schema(nullable = true) LocalDate backfillFrom,
      int redoDays,
      @Schema(nullable = true, description = "Days up to this one are fetched.")
          LocalDate lastCompleteDay,
      SecretResponse secret,
      @Schema(
              nullable = true,
              allowableValues = {"succeeded", "failed"})
          String lastOutcome,
      @Schema(nullable = true) OffsetDateTime lastRunAt,
      @Schema(nullable = true) Integer lastRowsApplied,
      @Schema(nullable = true, description = "For a failed run: the day and why.")
          String lastMessage,
      @Schema(nullable = true) OffsetDateTime lastSuccessAt,
      @Schema(
              nullable = true,
              description = "Why it needs a look: failing, or no success in 2 days.")
          String problem) {

    static ConnectorResponse of(ConnectorState s) {
      ConnectorConfig c = s.config();
      var secret = c.secret();
      return new ConnectorResponse(
          s.key(),
          s.name(),
          s.format(),
          c.enabled(),
          s.effectiveBaseUrl(),
          c.cron(),
          s.nextRunAt(),
          c.backfillFrom(),
          c.redoDays(),
          c.lastCompleteDay(),
          new SecretResponse(
              secret.set(),
              secret.set() ? secret.source() : null,
              secret.last4(),
              secret.setBy(),
              secret.setAt()),
          s.lastOutcome(),
          s.lastRunAt(),
          s.lastRowsApplied(),
          s.lastMessage(),
          s.lastSuccessAt(),
          s.problem());
    }
  }

  /** A run that started. */
  record RunStarted(
      long runId, String connector, @Schema(allowableValues = "running") String state) {}

  @GetMapping
  @PreAuthorize("hasRole('ADMIN')")
  @Operation(
      operationId = "connectors",
      summary = "Every connector with its state (admins)",
      description = "Enabled or not, schedule, last and next run, last success, secret status.")
  @ApiResponse(responseCode = "200", description = "The connectors.")
  List<ConnectorResponse> list() {
    return connectors.connectors().stream().map(ConnectorResponse::of).toList();
  }

  @PostMapping("/{key}/runs")
  @PreAuthorize("hasRole('ADMIN')")
  @Operation(
      operationId = "runConnector",
      summary = "Run a connector now (admins)",
      description =
          "Starts a run in the background: from the day after its last complete day minus its redo"
              + " days (the first run: from its backfill date) to yesterday (UTC). Its outcome"
              + " appears in GET /api/v1/connectors and on the Connectors screen.")
  @ApiResponse(
      responseCode = "202",
      description = "The run started.",
      content = @Content(schema = @Schema(implementation = RunStarted.class)))
  @ApiResponse(responseCode = "404", description = "There is no connector with this key.")
  @ApiResponse(
      responseCode = "409",
      description = "The connector is running already (on this or another instance).")
  // ResponseEntity<?>, not <RunStarted>: the OpenAPI document would give 404 and 409 its schema.
  // An unknown key is the shared 404 (NotFoundException), a running connector the shared 409.
  ResponseEntity<?> run(@PathVariable String key) {
    long run = connectors.runNow(key, "api");
    return ResponseEntity.accepted().body(new RunStarted(run, key, "running"));
  }
}

package dev.tandem.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.tandem.adoption.AdoptionReport;
import dev.tandem.adoption.AdoptionService;
import dev.tandem.base.WeekRange;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/v1/adoption} exactly as DESIGN §5 describes it. */
@RestController
@RequestMapping(path = "/api/v1/adoption", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Adoption", description = "Weekly AI use against the goal (DESIGN §3.1).")
class AdoptionController {

  private final AdoptionService adoption;

  AdoptionController(AdoptionService adoption) {
    this.adoption = adoption;
  }

  @Schema(description = "One tool's weekly users, reach and agent users.")
  record ToolReach(
      @Schema(description = "Developers who used the tool that week.") int users,
      @Schema(nullable = true, description = "users / headcount; null when headcount is 0.")
          Double reach,
      @Schema(
              description =
                  "Of them, those who used an agent mode (0 where the tool's data cannot tell).")
          int agentUsers) {}

  /**
   * Suppressed values (DESIGN §3.4) are null with {@code "suppressed": true}; the flag is omitted
   * otherwise.
   */
  @Schema(
      description =
          "One ISO week of the scope; null figures with suppressed=true for a small group.")
  record Week(
      @Schema(description = "ISO week", example = "2026-W47") String week,
      @Schema(nullable = true, description = "Developers on the roster that week.")
          Integer headcount,
      @Schema(nullable = true, description = "Of them, those who used any AI tool.")
          Integer aiUsers,
      @Schema(nullable = true, description = "aiUsers / headcount; null when headcount is 0.")
          Double adoption,
      @Schema(nullable = true, description = "Of them, those who used an agent mode (§3.1).")
          Integer agentUsers,
      @Schema(nullable = true, description = "agentUsers / headcount; null when headcount is 0.")
          Double agentAdoption,
      @Schema(nullable = true, description = "Per tool key, its users, reach and agent users.")
          Map<String, ToolReach> tools,
      @Schema(description = "Present (true) only when the figures are suppressed.")
          @JsonInclude(JsonInclude.Include.NON_NULL)
          Boolean suppressed) {}

  @Schema(description = "The whole range, pooled: AI-user-weeks over developer-weeks.")
  record Period(
      @Schema(nullable = true) Long developerWeeks,
      @Schema(nullable = true) Long aiUserWeeks,
      @Schema(nullable = true, description = "aiUserWeeks / developerWeeks; null when 0 weeks.")
          Double adoption,
      @Schema(nullable = true) Long agentUserWeeks,
      @Schema(nullable = true, description = "agentUserWeeks / developerWeeks; null when 0 weeks.")
          Double agentAdoption,
      @Schema(description = "Present (true) only when the figures are suppressed.")
          @JsonInclude(JsonInclude.Include.NON_NULL)
          Boolean suppressed) {}

  @Schema(description = "When the trend reaches the goal (DESIGN §3.1).")
  record Forecast(
      @Schema(
              nullable = true,
              description = "The ISO week the trend reaches the goal; null if never.")
          String goalWeek,
      @Schema(nullable = true, description = "Whether that is before the goal's deadline.")
          Boolean onTrack,
      @Schema(description = "Present (true) only when the forecast is suppressed.")
          @JsonInclude(JsonInclude.Include.NON_NULL)
          Boolean suppressed) {}

  @Schema(name = "AdoptionResponse", description = "Weekly adoption of a scope over a range.")
  record Response(
      @Schema(description = "The goal, a share of developers (0.8 = 80%).") double goal,
      @Schema(description = "The team key, or organisation.") String scope,
      List<Week> weeks,
      Period period,
      Forecast forecast) {}

  @GetMapping
  @Operation(
      operationId = "adoption",
      summary = "Weekly adoption of the organisation or a team",
      description =
          "Without from/to the last 26 complete ISO weeks. A team scope includes its sub-teams;"
              + " MANAGER and MEMBER tokens see only their own team's scope.")
  @ApiResponse(responseCode = "200", description = "The weeks, the period and the forecast.")
  Response adoption(WeeksAndTeam query) {
    WeekRange range = query.range(adoption.period());
    AdoptionReport report = adoption.weeklyAdoption(query.scope(), range);
    List<Week> weeks = report.weeks().stream().map(AdoptionController::week).toList();
    AdoptionReport.Forecast f = report.forecast();
    Period period =
        report.periodSuppressed()
            ? new Period(null, null, null, null, null, true)
            : new Period(
                report.period().denominator(),
                report.period().numerator(),
                report.period().value(),
                report.agentPeriod().numerator(),
                report.agentPeriod().value(),
                null);
    Forecast forecast =
        f.suppressed()
            ? new Forecast(null, null, true)
            : new Forecast(
                f.goalWeek() == null ? null : f.goalWeek().toString(), f.onTrack(), null);
    return new Response(report.goal(), report.scope(), weeks, period, forecast);
  }

  private static Week week(AdoptionReport.Week w) {
    if (w.suppressed()) {
      return new Week(w.week().toString(), null, null, null, null, null, null, true);
    }
    Map<String, ToolReach> tools = new LinkedHashMap<>();
    w.toolUsers().keySet().stream()
        .sorted()
        .forEach(
            t ->
                tools.put(
                    t,
                    new ToolReach(
                        w.toolUsers().get(t),
                        w.reach(t).value(),
                        w.toolAgentUsers().getOrDefault(t, 0))));
    return new Week(
        w.week().toString(),
        w.headcount(),
        w.aiUsers(),
        w.adoption().value(),
        w.agentUsers(),
        w.agentAdoption().value(),
        tools,
        null);
  }
}

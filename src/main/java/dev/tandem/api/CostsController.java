package dev.tandem.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.tandem.base.Scope;
import dev.tandem.costs.CostFigures;
import dev.tandem.costs.CostReport;
import dev.tandem.costs.CostService;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/v1/costs}: seats and cost of a scope over whole months. */
@RestController
@RequestMapping(path = "/api/v1/costs", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Seats and cost", description = "Paid seats, idle seats and what each tool costs.")
class CostsController {

  private final CostService costs;

  CostsController(CostService costs) {
    this.costs = costs;
  }

  @Schema(
      description =
          "Cost figures of one group; null figures with suppressed=true for a small group.")
  record Figures(
      @Schema(nullable = true, description = "Seats held on seatsOn.") Integer seats,
      @Schema(
              nullable = true,
              description = "Of them, holders with an active day of the tool from activeFrom.")
          Integer activeSeatHolders,
      @Schema(nullable = true, description = "seats - activeSeatHolders.") Integer idleSeats,
      @Schema(
              nullable = true,
              description =
                  "Seats pro rata by day at each day's price; null when the group held no seat in"
                      + " the period (no seats imported: unknown, not 0).")
          BigDecimal seatCost,
      @Schema(
              nullable = true,
              description = "Usage-based spend (credits, requests, estimated cost).")
          BigDecimal usageCost,
      @Schema(nullable = true, description = "seatCost + usageCost; null when seatCost is null.")
          BigDecimal totalCost,
      @Schema(
              nullable = true,
              description = "Developers in headcount with an active day, once per month.")
          Integer activeDeveloperMonths,
      @Schema(nullable = true, description = "Developer-weeks in headcount with an active day.")
          Integer aiUserWeeks,
      @Schema(
              nullable = true,
              description = "totalCost / activeDeveloperMonths (pooled); null when 0.")
          BigDecimal costPerActiveDeveloper,
      @Schema(nullable = true, description = "totalCost / aiUserWeeks; null when 0.")
          BigDecimal costPerAiUserWeek,
      @Schema(nullable = true, description = "Seat-days without a price (not in seatCost).")
          Long unpricedSeatDays,
      @Schema(description = "Present (true) only when the figures are suppressed.")
          @JsonInclude(JsonInclude.Include.NON_NULL)
          Boolean suppressed) {

    static Figures of(CostFigures f) {
      return new Figures(
          f.seats(),
          f.activeSeatHolders(),
          f.idleSeats(),
          f.seatCost(),
          f.usageCost(),
          f.totalCost(),
          f.activeDeveloperMonths(),
          f.aiUserWeeks(),
          f.costPerActiveDeveloper(),
          f.costPerAiUserWeek(),
          f.unpricedSeatDays(),
          f.suppressed() ? Boolean.TRUE : null);
    }
  }

  @Schema(description = "A tool (key), a team (key) or a month (YYYY-MM), with its figures.")
  record Group(String key, String label, Figures figures) {}

  @Schema(name = "CostsResponse", description = "Seats and cost of a scope over whole months.")
  record Response(
      @Schema(description = "The team key, or organisation.") String scope,
      @Schema(description = "ISO 4217 code of every amount.", example = "USD") String currency,
      @Schema(example = "2026-10") String from,
      @Schema(example = "2026-12") String to,
      @Schema(description = "The day seats are counted on.", example = "2026-11-30") String seatsOn,
      @Schema(description = "First day of the 28 days an active seat holder had an active day in.")
          String activeFrom,
      @Schema(
              description =
                  "k: groups of fewer developers are suppressed for viewers who may not see individuals.")
          int minGroupSize,
      Figures total,
      List<Group> tools,
      @Schema(description = "Teams right below the scope, each with its sub-teams.")
          List<Group> teams,
      List<Group> months,
      @Schema(
              nullable = true,
              description = "Seats held today by people who have left; null when suppressed.")
          Integer leaverSeats,
      @Schema(
              nullable = true,
              description =
                  "Developers who used a tool with seats without holding one; null when suppressed.")
          Integer usersWithoutSeat,
      @Schema(description = "Seats of identities not yet mapped (organisation only), in no figure.")
          int heldSeats) {}

  @GetMapping
  @Operation(
      operationId = "costs",
      summary = "Seats and cost of the organisation or a team over whole months",
      description =
          "Without from/to the last complete month. ADMIN and LEADER tokens may ask for any scope;"
              + " MANAGER tokens get their own team's scope (another team: 403); MEMBER tokens: 403.")
  @ApiResponse(responseCode = "200", description = "Totals, per tool, per team and per month.")
  Response costs(
      @Parameter(description = "First month", example = "2026-10") @RequestParam(required = false)
          String from,
      @Parameter(description = "Last month (default: from)", example = "2026-12")
          @RequestParam(required = false)
          String to,
      @Parameter(description = "A team key; the organisation when absent", example = "payments")
          @RequestParam(required = false)
          String team) {
    YearMonth[] period;
    if (from == null || from.isBlank()) {
      YearMonth last = YearMonth.from(costs.today()).minusMonths(1);
      period = new YearMonth[] {last, last};
    } else {
      period = CostService.period(from, to);
    }
    CostReport r = costs.costs(Scope.of(team), period[0], period[1]);
    return new Response(
        r.scope(),
        r.currency(),
        r.from().toString(),
        r.to().toString(),
        r.seatsOn().toString(),
        r.activeFrom().toString(),
        r.minGroupSize(),
        Figures.of(r.total()),
        groups(r.tools()),
        groups(r.teams()),
        groups(r.months()),
        r.leaverSeats(),
        r.usersWithoutSeat(),
        r.heldSeats());
  }

  private static List<Group> groups(List<CostReport.Row> rows) {
    return rows.stream().map(g -> new Group(g.key(), g.label(), Figures.of(g.figures()))).toList();
  }
}

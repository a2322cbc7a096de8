package dev.tandem.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.tandem.adoption.AdoptionReport;
import dev.tandem.adoption.AdoptionService;
import dev.tandem.base.WeekRange;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/v1/adoption} exactly as DESIGN §5 describes it. */
@RestController
@RequestMapping("/api/v1/adoption")
class AdoptionController {

  private final AdoptionService adoption;

  AdoptionController(AdoptionService adoption) {
    this.adoption = adoption;
  }

  record ToolReach(int users, Double reach) {}

  /**
   * Suppressed values (DESIGN §3.4) are null with {@code "suppressed": true}; the flag is omitted
   * otherwise.
   */
  record Week(
      String week,
      Integer headcount,
      Integer aiUsers,
      Double adoption,
      Map<String, ToolReach> tools,
      Boolean suppressed) {

    /** Present only on suppressed objects (DESIGN §5). */
    @Override
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public Boolean suppressed() {
      return suppressed;
    }
  }

  record Period(Long developerWeeks, Long aiUserWeeks, Double adoption, Boolean suppressed) {

    /** Present only on suppressed objects (DESIGN §5). */
    @Override
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public Boolean suppressed() {
      return suppressed;
    }
  }

  record Forecast(String goalWeek, Boolean onTrack, Boolean suppressed) {

    /** Present only on suppressed objects (DESIGN §5). */
    @Override
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public Boolean suppressed() {
      return suppressed;
    }
  }

  record Response(double goal, String scope, List<Week> weeks, Period period, Forecast forecast) {}

  @GetMapping
  Response adoption(
      @RequestParam(required = false) String from,
      @RequestParam(required = false) String to,
      @RequestParam(required = false) String team) {
    WeekRange range = adoption.period().parse(from, to);
    AdoptionReport report =
        adoption.weeklyAdoption(team == null || team.isBlank() ? null : team, range);
    List<Week> weeks = report.weeks().stream().map(AdoptionController::week).toList();
    AdoptionReport.Forecast f = report.forecast();
    Period period =
        report.periodSuppressed()
            ? new Period(null, null, null, true)
            : new Period(
                report.period().denominator(),
                report.period().numerator(),
                report.period().value(),
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
      return new Week(w.week().toString(), null, null, null, null, true);
    }
    Map<String, ToolReach> tools = new LinkedHashMap<>();
    w.toolUsers().keySet().stream()
        .sorted()
        .forEach(t -> tools.put(t, new ToolReach(w.toolUsers().get(t), w.reach(t).value())));
    return new Week(
        w.week().toString(), w.headcount(), w.aiUsers(), w.adoption().value(), tools, null);
  }
}

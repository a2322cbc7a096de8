package dev.tandem.adoption;

import dev.tandem.access.AccessPolicy;
import dev.tandem.access.SmallGroupRule;
import dev.tandem.base.IsoWeek;
import dev.tandem.base.Ratio;
import dev.tandem.base.Scope;
import dev.tandem.base.WeekRange;
import dev.tandem.rollup.ScopeIds;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.stereotype.Component;

/**
 * The weekly adoption report of a scope (DESIGN §3.1) behind {@link AdoptionService}, which checks
 * access and holds the transaction: headcount, AI users and tool reach per week, pooled over the
 * range, small groups hidden, and the forecast.
 */
@Component
class WeeklyReport {

  private final AdoptionQuery query;
  private final AccessPolicy access;

  WeeklyReport(AdoptionQuery query, AccessPolicy access) {
    this.query = query;
    this.access = access;
  }

  /**
   * The report of a scope over the range, its forecast from the weeks ending {@code forecastEnd}.
   */
  AdoptionReport report(
      Scope scope, ScopeIds ids, WeekRange range, double goal, IsoWeek forecastEnd) {
    Map<LocalDate, ScopeWeek> totals = ScopeWeek.byWeek(query.headcountAndAiUsers(range, ids));
    Map<LocalDate, Map<String, Integer>> tools = new HashMap<>();
    Map<LocalDate, Map<String, Integer>> agentTools = new HashMap<>();
    Map<String, Ratio> agentUnknown = new TreeMap<>();
    for (AdoptionQuery.ToolWeek t : query.toolUsersByWeek(range, ids)) {
      tools.computeIfAbsent(t.monday(), k -> new LinkedHashMap<>()).put(t.tool(), t.users());
      agentTools
          .computeIfAbsent(t.monday(), k -> new LinkedHashMap<>())
          .put(t.tool(), t.agentUsers());
      agentUnknown.merge(t.tool(), new Ratio(t.agentUnknownUsers(), t.users()), Ratio::plus);
    }
    agentUnknown.values().removeIf(r -> r.numerator() == 0);
    List<AdoptionReport.Week> weeks = new ArrayList<>();
    Ratio period = Ratio.EMPTY;
    Ratio agentPeriod = Ratio.EMPTY;
    boolean anyHidden = false;
    SmallGroupRule smallGroups = access.smallGroups(scope);
    for (IsoWeek w : range.weeks()) {
      ScopeWeek counts = totals.getOrDefault(w.monday(), ScopeWeek.NONE);
      if (smallGroups.hidden(counts.headcount())) {
        weeks.add(AdoptionReport.Week.suppressed(w));
        anyHidden = true;
        continue;
      }
      AdoptionReport.Week week =
          new AdoptionReport.Week(
              w,
              counts.headcount(),
              counts.aiUsers(),
              counts.agentUsers(),
              tools.getOrDefault(w.monday(), Map.of()),
              agentTools.getOrDefault(w.monday(), Map.of()),
              false);
      weeks.add(week);
      period = period.plus(week.adoption());
      agentPeriod = agentPeriod.plus(week.agentAdoption());
    }
    // A pooled figure or a trend line over partly hidden weeks would let the hidden ones be worked
    // out.
    return new AdoptionReport(
        goal,
        scope.teamKey().orElse("organisation"),
        weeks,
        anyHidden ? Ratio.EMPTY : period,
        anyHidden ? Ratio.EMPTY : agentPeriod,
        anyHidden,
        anyHidden ? AdoptionReport.Forecast.SUPPRESSED : forecast(scope, ids, forecastEnd, goal),
        new AdoptionReport.DataQuality(
            query.unmatchedUsageRows(range), query.usageOutsideHeadcount(range, ids)),
        anyHidden ? Map.of() : agentUnknown);
  }

  /** {@link AdoptionForecast} of the 8 complete weeks ending {@code last}. */
  private AdoptionReport.Forecast forecast(Scope scope, ScopeIds ids, IsoWeek last, double goal) {
    WeekRange window = WeekRange.ending(last, AdoptionService.FORECAST_WEEKS);
    return AdoptionForecast.of(
        window,
        ScopeWeek.byWeek(query.headcountAndAiUsers(window, ids)),
        access.smallGroups(scope)::hidden,
        goal);
  }
}

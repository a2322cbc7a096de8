package dev.tandem.adoption;

import dev.tandem.access.AccessPolicy;
import dev.tandem.access.SmallGroupRule;
import dev.tandem.access.SmallGroups;
import dev.tandem.base.IsoWeek;
import dev.tandem.base.Ratio;
import dev.tandem.base.Scope;
import dev.tandem.base.WeekRange;
import dev.tandem.rollup.ScopeIds;
import dev.tandem.roster.RosterService;
import dev.tandem.roster.Team;
import dev.tandem.roster.TeamTree;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * The Adoption screen's team table (DESIGN §3.1) behind {@link AdoptionService}, which checks
 * access and holds the transaction: per team of the scope, adoption in a week, pooled over the 4
 * weeks ending then, the 12-week trend and the forecast, small teams hidden with their next
 * smallest sibling.
 */
@Component
class TeamTable {

  private final AdoptionQuery query;
  private final RosterService roster;
  private final AccessPolicy access;

  TeamTable(AdoptionQuery query, RosterService roster, AccessPolicy access) {
    this.query = query;
    this.roster = roster;
    this.access = access;
  }

  /**
   * The rows of a scope's table, the lowest adoption first; see {@link AdoptionService.TeamRows}.
   */
  List<TeamAdoption> rows(Scope scope, IsoWeek week, AdoptionService.TeamRows which, double goal) {
    WeekRange trendRange = WeekRange.ending(week, AdoptionService.TREND_WEEKS);
    TeamTree tree = roster.teamTree();
    // Looked up, not resolved: an unknown key lists the organisation's teams, as it always has.
    Optional<Team> top = scope.teamKey().flatMap(k -> tree.team(k));
    ScopeIds ids =
        top.map(t -> new ScopeIds(t.id(), tree.subtree(t.id()))).orElse(ScopeIds.ORGANISATION);
    Set<Long> visible =
        access.teamsWithAggregates().stream().map(Team::id).collect(Collectors.toSet());
    List<Team> rows =
        (which == AdoptionService.TeamRows.LEAVES ? tree.leavesBelow(ids) : tree.childrenBelow(ids))
            .stream().filter(t -> visible.contains(t.id())).toList();
    if (rows.isEmpty()) {
      rows = top.stream().toList();
    }
    List<AdoptionQuery.TeamWeek> counts =
        rows.isEmpty()
            ? List.of()
            : query.headcountAndAiUsersByScope(trendRange, rows.stream().map(Team::id).toList());
    Map<Long, List<AdoptionQuery.TeamWeek>> countsByTeam =
        counts.stream().collect(Collectors.groupingBy(AdoptionQuery.TeamWeek::teamId));
    WeekRange forecastWindow = WeekRange.ending(week, AdoptionService.FORECAST_WEEKS);
    Map<Long, List<TeamAdoption>> byParent = new LinkedHashMap<>();
    for (Team row : rows) {
      Map<LocalDate, ScopeWeek> totals =
          ScopeWeek.byWeek(countsByTeam.getOrDefault(row.id(), List.of()));
      List<Ratio> trend =
          trendRange.weeks().stream()
              .map(w -> totals.getOrDefault(w.monday(), ScopeWeek.NONE).adoption())
              .toList();
      Ratio thisWeek = trend.get(trend.size() - 1);
      Ratio pooled =
          trend.subList(trend.size() - AdoptionService.INACTIVE_WEEKS, trend.size()).stream()
              .reduce(Ratio.EMPTY, Ratio::plus);
      Ratio agentPooled =
          trendRange
              .weeks()
              .subList(trend.size() - AdoptionService.INACTIVE_WEEKS, trend.size())
              .stream()
              .map(w -> totals.getOrDefault(w.monday(), ScopeWeek.NONE).agentAdoption())
              .reduce(Ratio.EMPTY, Ratio::plus);
      byParent
          .computeIfAbsent(row.parentId() == null ? 0L : row.parentId(), k -> new ArrayList<>())
          .add(
              new TeamAdoption(
                  row.key(),
                  row.name(),
                  thisWeek,
                  pooled,
                  agentPooled,
                  trend,
                  TeamAdoption.Status.of(thisWeek, goal),
                  AdoptionForecast.of(
                      trend.subList(trend.size() - AdoptionService.FORECAST_WEEKS, trend.size()),
                      forecastWindow.from(),
                      goal),
                  goal,
                  false));
    }
    // A team is as small as its smallest week in the trend; one hidden sibling (same parent) hides
    // the next smallest one too.
    List<TeamAdoption> result = new ArrayList<>();
    Function<Scope, SmallGroupRule> smallGroups = access.smallGroupsPerRow();
    for (List<TeamAdoption> siblings : byParent.values()) {
      SmallGroups.siblings(
              siblings,
              TeamAdoption::smallestHeadcount,
              t -> smallGroups.apply(Scope.team(t.teamKey())).hidden(t.smallestHeadcount()))
          .forEach(shown -> result.add(shown.suppressed() ? shown.row().hide() : shown.row()));
    }
    result.sort(TeamAdoption.LOWEST_FIRST);
    return result;
  }
}

package dev.tandem.reliability;

import dev.tandem.access.SmallGroupRule;
import dev.tandem.base.AiInvolvement;
import dev.tandem.base.Attribution;
import dev.tandem.rollup.RollupQuery;
import dev.tandem.rollup.ScopeIds;
import dev.tandem.stats.MantelHaenszel;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The per-team figures behind DESIGN §3.3 "within teams", read once per comparison in three grouped
 * reads (teams, teams × tools, incidents by team): each team's incidents and exposure, both
 * exposures, for every tool, all AI tools and the baseline. Teams are the developers' own teams
 * (the rollup's), which for a tree whose developers sit in leaf teams are the leaf teams; an
 * incident counts in the team that owns it.
 */
final class TeamStrata {

  private static final String BASELINE = Attribution.NONE;

  /** Per team: developer-weeks, AI user-weeks, largest weekly headcount. */
  private final Map<Long, long[]> headcount = new HashMap<>();

  /** Per team and tool (or 'none'): user-weeks, changes. */
  private final Map<Long, Map<String, long[]>> tools = new HashMap<>();

  /** Per team (null: no owning team) and group (tool key, 'none', or ALL_AI): incidents. */
  private final Map<Long, Map<String, Long>> incidents = new HashMap<>();

  private final TreeSet<Long> teams = new TreeSet<>();

  TeamStrata(ReliabilityQuery query, List<WeekBounds> weeks, ScopeIds scope) {
    for (RollupQuery.TeamTotal t : query.teamTotals(weeks, scope)) {
      headcount.put(t.teamId(), new long[] {t.developerWeeks(), t.aiUserWeeks(), t.largestWeek()});
      teams.add(t.teamId());
    }
    for (RollupQuery.TeamToolTotal t : query.teamToolTotals(weeks, scope)) {
      tools
          .computeIfAbsent(t.teamId(), x -> new HashMap<>())
          .put(t.tool(), new long[] {t.userWeeks(), t.changes()});
      teams.add(t.teamId());
    }
    for (ReliabilityQuery.TeamIncidentCount c : query.incidentsByTeam(weeks, scope)) {
      Map<String, Long> byGroup = incidents.computeIfAbsent(c.teamId(), x -> new HashMap<>());
      if (c.involvement().aiInvolved()) {
        byGroup.merge(String.valueOf(c.tool()), c.incidents(), Long::sum);
        byGroup.merge(ReliabilityService.ALL_AI, c.incidents(), Long::sum);
      } else if (c.involvement() == AiInvolvement.NONE) {
        byGroup.merge(BASELINE, c.incidents(), Long::sum);
      }
      if (c.teamId() != null) {
        teams.add(c.teamId());
      }
    }
  }

  /**
   * The comparison of {@code group} (a tool key or {@link ReliabilityService#ALL_AI}) with the
   * baseline within teams, in the given exposure. {@code names}: team names by id; {@code
   * smallGroups}: the scope's rule, for naming small teams and for the teams compared together.
   */
  WithinTeams within(
      String group, Exposure exposure, Map<Long, String> names, SmallGroupRule smallGroups) {
    List<MantelHaenszel.Stratum> strata = new ArrayList<>();
    List<WithinTeams.DroppedTeam> dropped = new ArrayList<>();
    int droppedUnnamed = 0;
    int comparedLargestWeeks = 0;
    for (Long team : teams) {
      long t1 = toolExposure(team, group, exposure);
      long t0 = baselineExposure(team, exposure);
      long a = incidents(team, group);
      long b = incidents(team, BASELINE);
      if (t1 == 0 && t0 == 0 && a == 0 && b == 0) {
        continue; // nothing of this comparison happened in the team: not a stratum
      }
      MantelHaenszel.Stratum s = new MantelHaenszel.Stratum(a, t1, b, t0);
      strata.add(s);
      int largestWeek = (int) headcount.getOrDefault(team, new long[3])[2];
      if (s.compares()) {
        comparedLargestWeeks += largestWeek;
      } else if (smallGroups.hidden(largestWeek)) {
        droppedUnnamed++;
      } else {
        dropped.add(
            new WithinTeams.DroppedTeam(
                names.getOrDefault(team, "team " + team),
                t1 == 0 && t0 == 0
                    ? WithinTeams.Reason.NO_EXPOSURE
                    : t1 == 0
                        ? WithinTeams.Reason.NO_TOOL_EXPOSURE
                        : WithinTeams.Reason.NO_BASELINE_EXPOSURE));
      }
    }
    if (smallGroups.hidden(comparedLargestWeeks)) {
      return WithinTeams.hidden();
    }
    long withoutTeam = incidents(null, group) + incidents(null, BASELINE);
    return new WithinTeams(
        MantelHaenszel.rateRatio(strata), dropped, droppedUnnamed, withoutTeam, false);
  }

  private long toolExposure(Long team, String group, Exposure exposure) {
    Map<String, long[]> byTool = tools.getOrDefault(team, Map.of());
    if (ReliabilityService.ALL_AI.equals(group)) {
      if (exposure == Exposure.CHANGES) {
        return byTool.entrySet().stream()
            .filter(e -> !BASELINE.equals(e.getKey()))
            .mapToLong(e -> e.getValue()[1])
            .sum();
      }
      return headcount.getOrDefault(team, new long[3])[1];
    }
    long[] t = byTool.getOrDefault(group, new long[2]);
    return exposure == Exposure.CHANGES ? t[1] : t[0];
  }

  private long baselineExposure(Long team, Exposure exposure) {
    if (exposure == Exposure.CHANGES) {
      return tools.getOrDefault(team, Map.of()).getOrDefault(BASELINE, new long[2])[1];
    }
    long[] h = headcount.getOrDefault(team, new long[3]);
    return h[0] - h[1];
  }

  private long incidents(Long team, String group) {
    return incidents.getOrDefault(team, Map.of()).getOrDefault(group, 0L);
  }
}

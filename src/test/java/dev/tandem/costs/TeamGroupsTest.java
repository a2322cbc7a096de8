package dev.tandem.costs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tandem.rollup.ScopeIds;
import dev.tandem.roster.Team;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TeamGroupsTest {

  // engineering (1) > platform (2) > infra (3); engineering > data (4); sales (5) at the top.
  private static final List<Team> TEAMS =
      List.of(
          team(1, "engineering", null),
          team(2, "platform", 1L),
          team(3, "infra", 2L),
          team(4, "data", 1L),
          team(5, "sales", null));

  private static Team team(long id, String key, Long parent) {
    return new Team(id, key, key.substring(0, 1).toUpperCase() + key.substring(1), parent);
  }

  @Test
  void the_organisation_is_grouped_by_its_top_level_teams_each_with_its_subtree() {
    Map<Long, String> group = new HashMap<>();
    Map<String, String> labels = new HashMap<>();

    Costs.teamGroups(ScopeIds.ORGANISATION, TEAMS, group, labels);

    assertThat(group)
        .containsExactlyInAnyOrderEntriesOf(
            Map.of(
                1L,
                "engineering",
                2L,
                "engineering",
                3L,
                "engineering",
                4L,
                "engineering",
                5L,
                "sales"));
    assertThat(labels).containsOnlyKeys("engineering", "sales");
  }

  @Test
  void a_team_is_grouped_by_the_teams_right_below_it_and_its_own_developers_apart() {
    Map<Long, String> group = new HashMap<>();
    Map<String, String> labels = new HashMap<>();

    Costs.teamGroups(new ScopeIds(1L, Set.of(1L, 2L, 3L, 4L)), TEAMS, group, labels);

    assertThat(group)
        .containsExactlyInAnyOrderEntriesOf(
            Map.of(1L, "engineering", 2L, "platform", 3L, "platform", 4L, "data"));
    assertThat(labels).containsEntry("engineering", "Engineering (directly)");
  }
}

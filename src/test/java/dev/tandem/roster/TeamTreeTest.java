package dev.tandem.roster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tandem.base.Scope;
import dev.tandem.base.ValidationException;
import dev.tandem.rollup.ScopeIds;
import java.util.List;
import org.junit.jupiter.api.Test;

class TeamTreeTest {

  // engineering(1) ─ commerce(2) ─ payments(4), checkout(5); engineering ─ platform(3); sales(6)
  private final TeamTree tree =
      TeamTree.of(
          List.of(
              new Team(1L, "engineering", "Engineering", null),
              new Team(2L, "commerce", "Commerce", 1L),
              new Team(3L, "platform", "Platform", 1L),
              new Team(4L, "payments", "Payments", 2L),
              new Team(5L, "checkout", "Checkout", 2L),
              new Team(6L, "sales", "Sales", null)));

  @Test
  void a_teams_scope_holds_it_and_every_team_below_and_no_key_is_the_organisation() {
    assertThat(tree.scope(Scope.team("commerce")))
        .isEqualTo(new ScopeIds(2L, java.util.Set.of(2L, 4L, 5L)));
    assertThat(tree.scope(Scope.team("engineering")).teams())
        .containsExactlyInAnyOrder(1L, 2L, 3L, 4L, 5L);
    assertThat(tree.scope(Scope.team("payments")).teams()).containsExactly(4L);
    assertThat(tree.scope(Scope.ORGANISATION)).isEqualTo(ScopeIds.ORGANISATION);
    assertThat(tree.scope(Scope.of(" "))).isEqualTo(ScopeIds.ORGANISATION);
  }

  @Test
  void an_unknown_team_key_is_a_400_on_the_field_team() {
    assertThatThrownBy(() -> tree.scope(Scope.team("nope")))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("team")
        .hasMessageContaining("no team with key 'nope'");
  }

  @Test
  void a_team_lies_within_itself_and_its_ancestors_but_not_its_siblings() {
    assertThat(tree.within("payments", "commerce")).isTrue();
    assertThat(tree.within("payments", "engineering")).isTrue();
    assertThat(tree.within("commerce", "commerce")).isTrue();
    assertThat(tree.within("commerce", "payments")).isFalse();
    assertThat(tree.within("platform", "commerce")).isFalse();
    assertThat(tree.within("unknown", "engineering")).isFalse();
  }

  @Test
  void paths_and_labels_name_the_line_from_the_top() {
    assertThat(tree.path(4L)).isEqualTo("engineering/commerce/payments");
    assertThat(tree.path(6L)).isEqualTo("sales");
    assertThat(tree.ancestry(5L))
        .extracting(Team::key)
        .containsExactly("engineering", "commerce", "checkout");
    assertThat(tree.labels())
        .containsEntry(4L, "Payments (Commerce)")
        .containsEntry(2L, "Commerce (Engineering)")
        .containsEntry(1L, "Engineering");
  }

  @Test
  void leaves_are_the_teams_without_sub_teams_strictly_below_the_scope() {
    assertThat(tree.leavesBelow(ScopeIds.ORGANISATION))
        .extracting(Team::key)
        .containsExactly("platform", "payments", "checkout", "sales");
    assertThat(tree.leavesBelow(tree.scope(Scope.team("commerce"))))
        .extracting(Team::key)
        .containsExactly("payments", "checkout");
    assertThat(tree.leavesBelow(tree.scope(Scope.team("payments")))).isEmpty();
  }

  @Test
  void children_below_go_past_a_level_with_one_team_that_has_sub_teams() {
    assertThat(tree.childrenBelow(ScopeIds.ORGANISATION))
        .extracting(Team::key)
        .containsExactly("engineering", "sales");
    TeamTree oneTop =
        TeamTree.of(
            List.of(
                new Team(1L, "acme", "Acme", null),
                new Team(2L, "web", "Web", 1L),
                new Team(3L, "app", "App", 1L)));
    assertThat(oneTop.childrenBelow(ScopeIds.ORGANISATION))
        .extracting(Team::key)
        .containsExactly("web", "app");
    assertThat(tree.childrenBelow(tree.scope(Scope.team("engineering"))))
        .extracting(Team::key)
        .containsExactly("commerce", "platform");
  }

  @Test
  void a_path_must_place_each_team_where_it_sits_in_the_tree_and_earlier_in_the_file() {
    TeamTree.PathCheck check = tree.pathCheck();
    assertThat(check.check(List.of("engineering", "commerce", "payments"))).isEmpty();
    assertThat(check.check(List.of("payments")))
        .contains(
            "team 'payments' sits under 'commerce', not at the top; expected its full path from"
                + " the top");
    assertThat(check.check(List.of("sales", "emea"))).isEmpty();
    assertThat(check.check(List.of("engineering", "emea")))
        .contains(
            "team 'emea' sits under 'sales', not under 'engineering'; expected its full path from"
                + " the top");
    assertThat(check.check(List.of("engineering", "sales")))
        .contains(
            "team 'sales' sits at the top, not under 'engineering'; expected its full path from the top");
  }
}

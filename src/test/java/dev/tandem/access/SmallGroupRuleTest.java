package dev.tandem.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class SmallGroupRuleTest {

  @Test
  void a_group_of_one_to_k_minus_one_developers_is_hidden_from_a_viewer_who_may_not_see_them() {
    SmallGroupRule rule = new SmallGroupRule(5, () -> false);

    assertThat(rule.hidden(0)).isFalse(); // nobody: nothing to reveal
    assertThat(rule.hidden(1)).isTrue();
    assertThat(rule.hidden(4)).isTrue();
    assertThat(rule.hidden(5)).isFalse();
    assertThat(rule.hidden(500)).isFalse();
  }

  @Test
  void a_viewer_who_may_see_the_individuals_sees_small_groups_too() {
    assertThat(new SmallGroupRule(5, () -> true).hidden(2)).isFalse();
  }

  @Test
  void the_viewers_rights_are_looked_up_only_for_a_small_group_and_then_once() {
    AtomicInteger lookups = new AtomicInteger();
    SmallGroupRule rule =
        new SmallGroupRule(
            5,
            () -> {
              lookups.incrementAndGet();
              return false;
            });

    rule.hidden(20);
    rule.hidden(0);
    assertThat(lookups).hasValue(0);
    rule.hidden(3);
    rule.hidden(2);
    assertThat(lookups).hasValue(1);
  }
}

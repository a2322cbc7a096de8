package dev.tandem.roster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tandem.base.ValidationException;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class RosterRulesTest {

  @Test
  void a_team_key_is_trimmed_and_lower_cased_and_its_name_trimmed() {
    Team t = RosterRules.team(new Team(null, " Payments-2 ", " Payments ", 1L), id -> id == 1L);
    assertThat(t).isEqualTo(new Team(null, "payments-2", "Payments", 1L));
  }

  @Test
  void a_team_with_a_bad_key_no_name_and_a_missing_parent_names_all_three_fields() {
    assertThatThrownBy(() -> RosterRules.team(new Team(null, "pay ments", " ", 9L), id -> false))
        .isInstanceOfSatisfying(
            ValidationException.class,
            e ->
                assertThat(e.problems())
                    .extracting(ValidationException.FieldProblem::field)
                    .containsExactly("key", "name", "parent"));
  }

  @Test
  void a_developer_who_left_before_starting_is_refused_on_left_on() {
    Developer d =
        new Developer(
            null,
            "Ana.Silva@Example.com",
            " Ana ",
            1L,
            null,
            LocalDate.of(2026, 3, 2),
            LocalDate.of(2026, 3, 1),
            false);
    assertThatThrownBy(() -> RosterRules.developer(d, id -> true))
        .isInstanceOfSatisfying(
            ValidationException.class,
            e ->
                assertThat(e.problems())
                    .extracting(ValidationException.FieldProblem::field)
                    .containsExactly("leftOn"));
  }

  @Test
  void a_valid_developer_comes_back_trimmed_with_the_team_checked() {
    Developer d =
        new Developer(
            null, "ana@example.com", " Ana ", 1L, null, LocalDate.of(2026, 3, 2), null, false);
    assertThat(RosterRules.developer(d, id -> true).name()).isEqualTo("Ana");
    assertThatThrownBy(() -> RosterRules.developer(d, id -> false))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("team");
  }
}

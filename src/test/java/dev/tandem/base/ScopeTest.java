package dev.tandem.base;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ScopeTest {

  @Test
  void an_absent_or_blank_parameter_is_the_organisation() {
    assertThat(Scope.of(null)).isSameAs(Scope.ORGANISATION);
    assertThat(Scope.of("")).isSameAs(Scope.ORGANISATION);
    assertThat(Scope.of("  \t")).isSameAs(Scope.ORGANISATION);
    assertThat(Scope.ORGANISATION.organisation()).isTrue();
    assertThat(Scope.ORGANISATION.teamKey()).isEmpty();
    assertThat(Scope.ORGANISATION.keyOrNull()).isNull();
  }

  @Test
  void a_parameter_names_the_team_of_its_trimmed_key() {
    Scope payments = Scope.of(" payments ");
    assertThat(payments.organisation()).isFalse();
    assertThat(payments.teamKey()).contains("payments");
    assertThat(payments.keyOrNull()).isEqualTo("payments");
    assertThat(payments)
        .isEqualTo(Scope.team("payments"))
        .hasSameHashCodeAs(Scope.team("payments"));
  }

  @Test
  void a_team_scope_needs_a_key() {
    assertThatThrownBy(() -> Scope.team(" ")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Scope.team(null)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void scopes_are_equal_by_key_only() {
    assertThat(Scope.team("payments")).isNotEqualTo(Scope.team("checkout"));
    assertThat(Scope.team("payments")).isNotEqualTo(Scope.ORGANISATION);
    assertThat(Scope.of(null)).isEqualTo(Scope.ORGANISATION);
  }

  @Test
  void reads_as_what_it_names() {
    assertThat(Scope.ORGANISATION).hasToString("organisation");
    assertThat(Scope.team("payments")).hasToString("team payments");
  }
}

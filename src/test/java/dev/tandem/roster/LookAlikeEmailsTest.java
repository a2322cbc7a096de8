package dev.tandem.roster;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class LookAlikeEmailsTest {

  private static final String CYRILLIC_A = "\u0430";

  @Test
  void a_cyrillic_a_in_place_of_a_latin_one_is_flagged_against_the_roster() {
    List<LookAlikeEmails.LookAlike> found =
        LookAlikeEmails.find(
            Set.of("maria@example.com"),
            List.of(
                new LookAlikeEmails.Candidate(2, "m" + CYRILLIC_A + "ria@example.com"),
                new LookAlikeEmails.Candidate(3, "maria@example.com")));
    assertThat(found).hasSize(1);
    assertThat(found.get(0).line()).isEqualTo(2);
    assertThat(found.get(0).resembles()).isEqualTo("maria@example.com");
    assertThat(found.get(0).message())
        .contains("looks like maria@example.com already on the roster");
  }

  @Test
  void rn_for_m_between_two_rows_of_the_same_file_is_flagged_on_the_later_row() {
    List<LookAlikeEmails.LookAlike> found =
        LookAlikeEmails.find(
            Set.of(),
            List.of(
                new LookAlikeEmails.Candidate(2, "tim@example.com"),
                new LookAlikeEmails.Candidate(5, "tirn@example.com")));
    assertThat(found)
        .containsExactly(
            new LookAlikeEmails.LookAlike(5, "tirn@example.com", "tim@example.com", 2L));
  }

  @Test
  void different_people_and_the_same_address_again_are_not_flagged() {
    assertThat(
            LookAlikeEmails.find(
                Set.of("ana@example.com", "bo@example.com"),
                List.of(
                    new LookAlikeEmails.Candidate(2, "ana@example.com"),
                    new LookAlikeEmails.Candidate(3, "anna@example.com"))))
        .isEmpty();
  }
}

package dev.tandem.adoption;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tandem.base.Ratio;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A scope's weeks by Monday; rows of one week pool (summed, never averaged). */
class ScopeWeekTest {

  private static final LocalDate W1 = LocalDate.of(2026, 1, 5);
  private static final LocalDate W2 = LocalDate.of(2026, 1, 12);

  @Test
  void rows_of_one_week_are_pooled_over_their_developers_not_averaged() {
    // W1: team 1 has 2 of 4 AI users (50%), team 2 has 9 of 10 (90%): pooled 11 / 14 = 78.6%,
    // not the 70% average of the two percentages. Agent users 1 + 3 = 4 of 14.
    Map<LocalDate, ScopeWeek> totals =
        ScopeWeek.byWeek(
            List.of(
                new AdoptionQuery.TeamWeek(W1, 1, 4, 2, 1),
                new AdoptionQuery.TeamWeek(W1, 2, 10, 9, 3),
                new AdoptionQuery.TeamWeek(W2, 1, 5, 0, 0)));

    assertThat(totals.get(W1)).isEqualTo(new ScopeWeek(14, 11, 4));
    assertThat(totals.get(W1).adoption()).isEqualTo(new Ratio(11, 14));
    assertThat(totals.get(W1).adoption().value())
        .isCloseTo(0.786, org.assertj.core.data.Offset.offset(0.001));
    assertThat(totals.get(W1).agentAdoption()).isEqualTo(new Ratio(4, 14));
    // W2: 0 of 5 is 0%, a defined figure.
    assertThat(totals.get(W2).adoption().value()).isZero();
  }

  @Test
  void a_week_without_rows_is_absent_and_none_has_undefined_adoption() {
    assertThat(ScopeWeek.byWeek(List.of())).isEmpty();
    assertThat(ScopeWeek.NONE.adoption().value()).isNull();
    assertThat(ScopeWeek.NONE.adoption()).isEqualTo(Ratio.EMPTY);
  }
}

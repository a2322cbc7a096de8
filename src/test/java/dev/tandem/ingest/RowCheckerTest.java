package dev.tandem.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tandem.ingest.format.RowKind;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The pipeline finds exactly one checker for every kind of row. */
class RowCheckerTest {

  private static RowChecker checker(RowKind first, RowKind... more) {
    Set<RowKind> kinds = EnumSet.of(first, more);
    return new RowChecker() {
      @Override
      public Set<RowKind> kinds() {
        return kinds;
      }

      @Override
      public void check(ImportRun run) {}

      @Override
      public long apply(ImportRun run) {
        return 0;
      }
    };
  }

  private static final RowChecker STAGED =
      checker(RowKind.USAGE_DAY, RowKind.USAGE_WEEK, RowKind.CHANGES);
  private static final RowChecker SMALL =
      checker(RowKind.INCIDENT, RowKind.ROSTER, RowKind.IDENTITY);

  @Test
  void each_kind_goes_to_the_checker_that_names_it() {
    RowChecker seats = checker(RowKind.SEAT);

    var byKind = RowChecker.byKind(List.of(STAGED, SMALL, seats));

    assertThat(byKind.get(RowKind.USAGE_WEEK)).isSameAs(STAGED);
    assertThat(byKind.get(RowKind.ROSTER)).isSameAs(SMALL);
    assertThat(byKind.get(RowKind.SEAT)).isSameAs(seats);
  }

  @Test
  void a_kind_without_a_checker_or_with_two_is_a_wiring_mistake() {
    assertThatThrownBy(() -> RowChecker.byKind(List.of(STAGED, SMALL)))
        .hasMessage("no row checker for SEAT");
    assertThatThrownBy(
            () -> RowChecker.byKind(List.of(STAGED, SMALL, checker(RowKind.SEAT, RowKind.ROSTER))))
        .hasMessage("two row checkers for ROSTER");
  }

  @Test
  void the_application_has_one_checker_per_kind_and_a_repeated_key_is_named_per_kind() {
    StagedRowsChecker staged = new StagedRowsChecker(null, null, null, null);

    assertThat(staged.kinds())
        .containsExactlyInAnyOrder(RowKind.USAGE_DAY, RowKind.USAGE_WEEK, RowKind.CHANGES);
    assertThat(staged.staged()).isTrue();
    assertThat(staged.duplicateWhat(RowKind.CHANGES)).isEqualTo("email, week and tool");
    assertThat(staged.duplicateWhat(RowKind.USAGE_WEEK)).isEqualTo("email, tool and week");
    assertThat(staged.duplicateWhat(RowKind.USAGE_DAY)).isEqualTo("identity, tool and day");
    assertThat(
            RowChecker.byKind(
                    List.of(
                        staged,
                        new IncidentChecker(null, null),
                        new SeatChecker(null),
                        new RosterChecker(null, null, null),
                        new IdentityMapChecker(null, null, null)))
                .keySet())
        .containsExactlyInAnyOrder(RowKind.values());
  }
}

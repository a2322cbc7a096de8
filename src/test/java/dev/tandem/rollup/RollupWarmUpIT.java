package dev.tandem.rollup;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tandem.base.ConsistentRead;
import dev.tandem.base.IsoWeek;
import dev.tandem.base.ReportingPeriod;
import dev.tandem.base.WeekRange;
import dev.tandem.settings.SettingsService;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * After start-up the organisation's rollup reads of the last 26 and 104 complete weeks are read
 * once: the first reader's per-team totals and tool totals then come from memory (the same answer
 * objects), and the figures read are those a reader gets.
 */
@SpringBootTest
class RollupWarmUpIT {

  @Autowired RollupStartup startup;
  @Autowired RollupQuery query;
  @Autowired ConsistentRead consistent;
  @Autowired Clock clock;
  @Autowired SettingsService settings;

  @Test
  void the_first_reader_of_the_usual_ranges_gets_the_answers_read_at_start_up() {
    List<Object> answers = startup.warmUp();

    assertThat(answers).hasSize(4 * RollupStartup.WARM_WEEKS.size());
    IsoWeek last = ReportingPeriod.at(clock, settings.current().zone()).lastCompleteWeek();
    for (int i = 0; i < RollupStartup.WARM_WEEKS.size(); i++) {
      WeekRange range = WeekRange.ending(last, RollupStartup.WARM_WEEKS.get(i));
      List<Object> read =
          consistent.read(
              () ->
                  List.of(
                      query.scopeWeeks(range, ScopeIds.ORGANISATION),
                      query.scopeTools(range, ScopeIds.ORGANISATION),
                      query.teamTotals(range, ScopeIds.ORGANISATION),
                      query.teamToolTotals(range, ScopeIds.ORGANISATION)));
      assertThat(read).isEqualTo(answers.subList(4 * i, 4 * i + 4));
      // The per-team totals and tool totals (the costly grouped reads) are not read again.
      assertThat(read.get(2)).isSameAs(answers.get(4 * i + 2));
      assertThat(read.get(3)).isSameAs(answers.get(4 * i + 3));
    }
  }
}

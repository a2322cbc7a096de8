package dev.tandem.costs.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tandem.costs.CostFigures;
import dev.tandem.costs.CostReport;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class CostFiguresTableTest {

  @Test
  void a_csv_row_holds_each_figure_under_its_header_and_suppressed_ones_say_so() {
    CostFigures shown =
        new CostFigures(10, 7, new BigDecimal("190.00"), new BigDecimal("10.50"), 4, 16, 0L, false);
    CostFigures hidden = new CostFigures(null, null, null, null, null, null, null, true);

    assertThat(CostFiguresTable.HEADER)
        .containsExactly(
            "group",
            "seats",
            "active seat holders",
            "idle seats",
            "seat cost",
            "usage-based cost",
            "total cost",
            "active developer-months",
            "cost per active developer",
            "AI user-weeks",
            "cost per AI user-week");
    // 200.50 / 4 active developer-months; 200.50 / 16 AI user-weeks.
    assertThat(CostFiguresTable.csvRow(new CostReport.Row("cursor", "Cursor", shown)))
        .containsExactly(
            "Cursor", "10", "7", "3", "190.00", "10.50", "200.50", "4", "50.13", "16", "12.53");
    assertThat(CostFiguresTable.csvRow(new CostReport.Row("payments", "Payments", hidden)))
        .hasSize(CostFiguresTable.HEADER.size())
        .startsWith("Payments")
        .containsOnly("Payments", "suppressed");
  }

  @Test
  void a_figure_that_is_unknown_is_an_empty_cell() {
    CostFigures noSeats = new CostFigures(0, 0, null, BigDecimal.ZERO, 0, 0, 0L, false);
    assertThat(CostFiguresTable.csvRow(new CostReport.Row("kiro", "Kiro", noSeats)))
        .containsExactly("Kiro", "0", "0", "0", "", "0", "", "0", "", "0", "");
  }
}

package dev.tandem.base.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class CsvExportTest {

  @Test
  void cells_that_a_spreadsheet_would_evaluate_are_neutralised() {
    String csv =
        CsvExport.toCsv(
            List.of("a", "b", "c", "d"), List.of(List.of("=SUM(A1)", "+1", "@cmd", "plain")));
    assertThat(csv).isEqualTo("a,b,c,d\r\n'=SUM(A1),'+1,'@cmd,plain\r\n");
  }

  @Test
  void commas_and_quotes_are_quoted_per_rfc_4180() {
    String csv = CsvExport.toCsv(List.of("name"), List.of(List.of("Silva, \"Ana\"")));
    assertThat(csv).isEqualTo("name\r\n\"Silva, \"\"Ana\"\"\"\r\n");
  }
}

package dev.tandem.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class RawImportBodyTest {

  @Test
  void
      the_query_string_is_read_as_the_container_reads_it_utf8_plus_as_space_bad_escapes_left_out() {
    Map<String, String[]> p =
        RawImportBody.QueryParametersOnly.parse(
            "format=tandem-usage-csv&tool=k%C3%AFro&note=a+b%2Bc&dryRun&bad=%zz&&tool=kiro");

    assertThat(p.keySet()).containsExactly("format", "tool", "note", "dryRun");
    assertThat(p.get("format")).containsExactly("tandem-usage-csv");
    assertThat(p.get("tool")).containsExactly("kïro", "kiro");
    assertThat(p.get("note")).containsExactly("a b+c");
    assertThat(p.get("dryRun")).containsExactly("");
    assertThat(RawImportBody.QueryParametersOnly.parse(null)).isEmpty();
  }
}

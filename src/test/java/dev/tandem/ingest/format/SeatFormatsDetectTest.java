package dev.tandem.ingest.format;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The upload screen recognises the vendors' seat lists by their layout. */
class SeatFormatsDetectTest {

  static Optional<String> detect(String text) {
    byte[] b = text.getBytes(StandardCharsets.UTF_8);
    return Formats.detect(b, b.length);
  }

  @Test
  void seat_lists_are_detected_by_their_top_level_array() {
    assertThat(detect("{\"total_seats\":1,\"seats\":[{\"assignee\":{\"login\":\"a\"}}]}"))
        .contains("copilot-seats-json");
    assertThat(detect("{\n  \"teamMembers\": [ {\"email\":\"a@example.com\"} ]\n}"))
        .contains("cursor-members-json");
    assertThat(Formats.byKey("cursor-members-json").orElseThrow().seatListIsSnapshot()).isTrue();
    assertThat(Formats.byKey("tandem-seats-csv").orElseThrow().seatListIsSnapshot()).isFalse();
    assertThat(Formats.byKey("kiro-user-report-csv").orElseThrow().tiersAreSeats()).isTrue();
    assertThat(Formats.byKey("claude-code-usage-json").orElseThrow().tiersAreSeats()).isTrue();
    assertThat(Formats.byKey("q-developer-csv").orElseThrow().tiersAreSeats()).isFalse();
  }
}

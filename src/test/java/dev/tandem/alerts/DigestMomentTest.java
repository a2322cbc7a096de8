package dev.tandem.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class DigestMomentTest {

  static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

  /**
   * Monday 16 March 2026, 07:00 in Berlin (UTC+1) is 06:00 UTC: at 05:59 UTC the digest is not due,
   * at 06:00 UTC it is, and it stays due all week (a missed Monday is caught up); the next Sunday
   * 23:59 Berlin is still that week, Monday 00:00 Berlin starts a new one, not yet due.
   */
  @Test
  void the_digest_is_due_from_monday_seven_in_the_organisations_zone_until_the_week_ends() {
    assertThat(due("2026-03-16T05:59:00Z")).isFalse();
    assertThat(due("2026-03-16T06:00:00Z")).isTrue();
    assertThat(due("2026-03-18T12:00:00Z")).isTrue();
    assertThat(due("2026-03-22T22:59:00Z")).isTrue();
    assertThat(due("2026-03-22T23:00:00Z")).isFalse();
  }

  @Test
  void another_day_and_hour_move_the_moment() {
    assertThat(
            AlertService.digestDue(
                Instant.parse("2026-03-17T08:59:00Z"), ZoneId.of("UTC"), DayOfWeek.TUESDAY, 9))
        .isFalse();
    assertThat(
            AlertService.digestDue(
                Instant.parse("2026-03-17T09:00:00Z"), ZoneId.of("UTC"), DayOfWeek.TUESDAY, 9))
        .isTrue();
  }

  private static boolean due(String utc) {
    return AlertService.digestDue(Instant.parse(utc), BERLIN, DayOfWeek.MONDAY, 7);
  }
}

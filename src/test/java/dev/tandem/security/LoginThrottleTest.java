package dev.tandem.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class LoginThrottleTest {

  private final MutableClock clock = new MutableClock(Instant.parse("2026-03-02T09:00:00Z"));
  private final LoginThrottle throttle = new LoginThrottle(clock, event -> {});

  @Test
  void four_failures_are_free_and_the_fifth_locks_the_user_for_30_seconds() {
    failTimes("ana", "10.0.0.1", 4);
    assertThat(throttle.secondsLocked("ana", "10.0.0.9")).isZero();
    throttle.failed("ana", "10.0.0.1");
    assertThat(throttle.secondsLocked("ana", "10.0.0.9")).isEqualTo(31);
    clock.advance(Duration.ofSeconds(29));
    assertThat(throttle.secondsLocked("ana", "10.0.0.9")).isEqualTo(2);
    clock.advance(Duration.ofSeconds(1));
    assertThat(throttle.secondsLocked("ana", "10.0.0.9")).isZero();
  }

  @Test
  void each_further_failure_doubles_the_lock_up_to_15_minutes() {
    failTimes("ana", null, 5);
    long[] expectedSeconds = {60, 120, 240, 480, 900, 900, 900};
    for (long expected : expectedSeconds) {
      clock.advance(Duration.ofMinutes(16));
      throttle.failed("ana", null);
      assertThat(throttle.secondsLocked("ana", null) - 1).isEqualTo(expected);
    }
  }

  @Test
  void the_lock_is_per_user_name_case_insensitively_and_does_not_touch_other_users() {
    failTimes("Ana", "10.0.0.1", 3);
    failTimes("ANA", "10.0.0.2", 2);
    assertThat(throttle.secondsLocked("ana", "10.0.0.3")).isPositive();
    assertThat(throttle.secondsLocked("omar", "10.0.0.3")).isZero();
  }

  @Test
  void five_failures_from_one_address_lock_that_address_for_every_user_name() {
    for (String name : new String[] {"a", "b", "c", "d", "e"}) {
      throttle.failed(name, "10.0.0.7");
    }
    assertThat(throttle.secondsLocked("someone-else", "10.0.0.7")).isEqualTo(31);
    assertThat(throttle.secondsLocked("someone-else", "10.0.0.8")).isZero();
  }

  @Test
  void a_success_resets_the_count_for_the_user_and_the_address() {
    failTimes("ana", "10.0.0.1", 4);
    throttle.succeeded("ana", "10.0.0.1");
    failTimes("ana", "10.0.0.1", 4);
    assertThat(throttle.secondsLocked("ana", "10.0.0.1")).isZero();
  }

  @Test
  void a_success_without_an_address_does_not_fail() {
    failTimes("ana", null, 5);
    assertThatCode(() -> throttle.succeeded("ana", null)).doesNotThrowAnyException();
    assertThat(throttle.secondsLocked("ana", null)).isZero();
  }

  private void failTimes(String user, String address, int times) {
    for (int i = 0; i < times; i++) {
      throttle.failed(user, address);
    }
  }
}

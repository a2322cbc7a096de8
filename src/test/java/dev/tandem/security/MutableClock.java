package dev.tandem.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** A clock the test moves forward by hand. */
public final class MutableClock extends Clock {

  private final Instant[] now;
  private final ZoneId zone;

  public MutableClock(Instant start) {
    this(new Instant[] {start}, ZoneOffset.UTC);
  }

  private MutableClock(Instant[] now, ZoneId zone) {
    this.now = now;
    this.zone = zone;
  }

  public void advance(Duration duration) {
    synchronized (now) {
      now[0] = now[0].plus(duration);
    }
  }

  @Override
  public Instant instant() {
    synchronized (now) {
      return now[0];
    }
  }

  @Override
  public ZoneId getZone() {
    return zone;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    // Shares the time with this clock: advancing one moves both.
    return new MutableClock(now, zone);
  }
}

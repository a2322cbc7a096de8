package dev.tandem.security;

import dev.tandem.base.LogSafe;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;

/**
 * After 5 failed sign-ins for a user name or from an address, further attempts are refused for a
 * growing time (30 s, doubling per further failure, at most 15 minutes). Every lock is logged.
 */
@Component
class LoginThrottle {

  static final int FREE_ATTEMPTS = 5;
  static final Duration FIRST_LOCK = Duration.ofSeconds(30);
  static final Duration LONGEST_LOCK = Duration.ofMinutes(15);
  private static final Logger log = LoggerFactory.getLogger(LoginThrottle.class);

  private record Attempts(int failures, Instant lockedUntil) {}

  private final Map<String, Attempts> attempts = new ConcurrentHashMap<>();
  private final Clock clock;
  private final ApplicationEventPublisher events;

  /** A lock began (written to the audit log by {@link SignInAudit}). */
  record Locked(String key, int failures, Instant until) {}

  LoginThrottle(Clock clock, ApplicationEventPublisher events) {
    this.clock = clock;
    this.events = events;
  }

  /** Seconds until the user or address may try again; 0 when not locked. */
  long secondsLocked(String username, String address) {
    Instant now = clock.instant();
    return Math.max(remaining(key("user", username), now), remaining(key("address", address), now));
  }

  void failed(String username, String address) {
    record(key("user", username));
    record(key("address", address));
  }

  void succeeded(String username, String address) {
    forget(key("user", username));
    forget(key("address", address));
  }

  @EventListener
  void on(AuthenticationFailureBadCredentialsEvent event) {
    failed(event.getAuthentication().getName(), address(event.getAuthentication().getDetails()));
  }

  @EventListener
  void on(AuthenticationSuccessEvent event) {
    succeeded(event.getAuthentication().getName(), address(event.getAuthentication().getDetails()));
  }

  private void record(String key) {
    if (key == null) {
      return;
    }
    Attempts updated =
        attempts.merge(
            key,
            new Attempts(1, null),
            (old, one) -> {
              int failures = old.failures() + 1;
              Instant until = null;
              if (failures >= FREE_ATTEMPTS) {
                long factor = 1L << Math.min(failures - FREE_ATTEMPTS, 10);
                Duration lock = FIRST_LOCK.multipliedBy(factor);
                until =
                    clock.instant().plus(lock.compareTo(LONGEST_LOCK) > 0 ? LONGEST_LOCK : lock);
              }
              return new Attempts(failures, until);
            });
    if (updated.lockedUntil() != null) {
      log.warn(
          "Sign-in locked for {} after {} failed attempts, until {}",
          LogSafe.clip(key, 100),
          updated.failures(),
          updated.lockedUntil());
      events.publishEvent(new Locked(key, updated.failures(), updated.lockedUntil()));
    }
  }

  // A sign-in without web details (no address) must not fail on the map's null key.
  private void forget(String key) {
    if (key != null) {
      attempts.remove(key);
    }
  }

  private long remaining(String key, Instant now) {
    Attempts a = key == null ? null : attempts.get(key);
    if (a == null || a.lockedUntil() == null || !a.lockedUntil().isAfter(now)) {
      return 0;
    }
    return Duration.between(now, a.lockedUntil()).toSeconds() + 1;
  }

  private static String key(String kind, String value) {
    return value == null || value.isBlank() ? null : kind + ":" + value.toLowerCase();
  }

  private static String address(Object details) {
    return details instanceof WebAuthenticationDetails web ? web.getRemoteAddress() : null;
  }
}

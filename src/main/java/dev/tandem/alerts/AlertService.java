package dev.tandem.alerts;

import dev.tandem.base.IsoWeek;
import dev.tandem.base.ValidationException;
import dev.tandem.security.AuditService;
import dev.tandem.settings.SettingsService;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/**
 * Alerts and the weekly digest: evaluates the rules, fires each condition once per ISO week
 * (claimed in the database, audited), and sends what each recipient may see by email and to the
 * webhook channels ({@link Audience}); the admin screen's door for rules and deliveries (channels:
 * {@link AlertChannelService}; subscriptions: {@link AlertSubscriptionService}). Admin-only by
 * default. No class-level transaction: evaluating and sending call mail servers and webhooks (with
 * retries), which must not hold a database transaction open; each repository write commits on its
 * own, as the claims require.
 */
@Service
@PreAuthorize("hasRole('ADMIN')")
public class AlertService {

  private final AlertsRepository repository;
  private final Conditions conditions;
  private final Messages messages;
  private final Digest digest;
  private final EmailChannel email;
  private final WebhookChannel webhooks;
  private final Audience audience;
  private final SettingsService settings;
  private final AuditService audit;
  private final AlertsProperties properties;
  private final Clock clock;

  AlertService(
      AlertsRepository repository,
      Conditions conditions,
      Messages messages,
      Digest digest,
      EmailChannel email,
      WebhookChannel webhooks,
      Audience audience,
      SettingsService settings,
      AuditService audit,
      AlertsProperties properties,
      Clock clock) {
    this.repository = repository;
    this.conditions = conditions;
    this.messages = messages;
    this.digest = digest;
    this.email = email;
    this.webhooks = webhooks;
    this.audience = audience;
    this.settings = settings;
    this.audit = audit;
    this.properties = properties;
    this.clock = clock;
  }

  /**
   * Evaluates every enabled rule now; each condition not yet fired this ISO week fires: audited,
   * then sent to every recipient who may see it. Returns how many fired.
   */
  public int evaluateNow() {
    return evaluate();
  }

  /** The schedule's entry (no user signed in; package-private, so no view or controller can). */
  @PreAuthorize("permitAll()")
  int evaluate() {
    return RunAs.system(
        () -> {
          List<RuleSetting> rules = repository.rules();
          String week = thisWeek().toString();
          List<Condition> fired = new ArrayList<>();
          List<Recipient> recipients = audience.recipients();
          List<String> teamScopes =
              recipients.stream()
                  .filter(Recipient::alerts)
                  .map(Recipient::teamKey)
                  .filter(Objects::nonNull)
                  .toList();
          for (Condition c : conditions.holding(rules, teamScopes)) {
            if (repository.claim(c.rule().key(), c.key(), week, now(), c.summary())) {
              fired.add(c);
              audit.record(
                  "fire",
                  "alert",
                  c.rule().key() + ":" + c.key(),
                  null,
                  Map.of("week", week, "summary", c.summary()));
            }
          }
          if (!fired.isEmpty()) {
            send(fired, rules, week, recipients);
          }
          return fired.size();
        });
  }

  private void send(
      List<Condition> fired, List<RuleSetting> rules, String week, List<Recipient> recipients) {
    for (Recipient to : recipients) {
      messages.alerts(fired, rules, to).forEach(m -> email.send(to.address(), m));
    }
    for (Webhook hook : audience.webhooks()) {
      if (hook.channel().enabled() && hook.channel().alerts()) {
        messages
            .alerts(fired, rules, Audience.asChannel(hook.channel()))
            .forEach(m -> webhooks.send(hook, m, week));
      }
    }
  }

  /**
   * Sends this week's digest to every subscriber who has not had it yet (claimed per user and week,
   * so a second instance or a second call sends nothing). Returns how many were sent.
   */
  public int sendDigestNow() {
    return sendDigest();
  }

  // The schedule calls it without a user; package-private, so no view or controller can.
  @PreAuthorize("permitAll()")
  int sendDigest() {
    return RunAs.system(
        () -> {
          String week = thisWeek().toString();
          int sent = 0;
          for (Recipient to : audience.recipients()) {
            if (!to.digest() || to.address() == null || !email.configured()) {
              continue;
            }
            Optional<Message> m = digest.of(to);
            if (m.isPresent()
                && repository.claim("digest", "user:" + to.username(), week, now(), "digest")) {
              email.send(to.address(), m.get());
              sent++;
            }
          }
          for (Webhook hook : audience.webhooks()) {
            Channel c = hook.channel();
            if (!c.enabled() || !c.digest()) {
              continue;
            }
            Optional<Message> m = digest.of(Audience.asChannel(c));
            if (m.isPresent()
                && repository.claim("digest", "channel:" + c.name(), week, now(), "digest")) {
              webhooks.send(hook, m.get(), week);
              sent++;
            }
          }
          if (sent > 0) {
            audit.record("send", "digest", week, null, Map.of("recipients", sent));
          }
          return sent;
        });
  }

  /** Whether this week's digest moment (day and hour in the organisation's zone) has passed. */
  // The schedule calls it without a user; package-private, so no view or controller can.
  @PreAuthorize("permitAll()")
  boolean digestDue() {
    return digestDue(
        clock.instant(),
        settings.current().zone(),
        properties.digestDay(),
        properties.digestHour());
  }

  /**
   * Whether {@code now} lies at or after the digest moment of its own ISO week in {@code zone}: so
   * a digest missed while no instance ran still goes out later that week, and never twice (the
   * claim per user and week).
   */
  static boolean digestDue(java.time.Instant now, ZoneId zone, java.time.DayOfWeek day, int hour) {
    LocalDateTime local = LocalDateTime.ofInstant(now, zone);
    LocalDateTime moment =
        IsoWeek.of(local.toLocalDate()).monday().plusDays(day.getValue() - 1L).atTime(hour, 0);
    return !local.isBefore(moment);
  }

  // --- admin screen ---

  /** When rules are evaluated and the digest goes out, in words. */
  public String scheduleDescription() {
    String day =
        properties
            .digestDay()
            .getDisplayName(java.time.format.TextStyle.FULL, java.util.Locale.ENGLISH);
    return ("-".equals(properties.cron())
            ? "Rules are evaluated only on demand"
            : "Rules are evaluated on the schedule '" + properties.cron() + "'")
        + "; the weekly digest goes out from "
        + day
        + " "
        + String.format(java.util.Locale.ROOT, "%02d:00", properties.digestHour())
        + " in the organisation's zone ("
        + settings.current().zone().getId()
        + ").";
  }

  public List<RuleSetting> rules() {
    return repository.rules();
  }

  public RuleSetting updateRule(AlertRule rule, boolean enabled, BigDecimal threshold) {
    ValidationException.Collector problems = new ValidationException.Collector();
    problems.check(threshold != null && threshold.signum() >= 0, "threshold", "0 or more");
    problems.check(
        rule != AlertRule.UNREVIEWED_AI_INCIDENTS
            || threshold == null
            || threshold.compareTo(BigDecimal.ONE) <= 0,
        "threshold",
        "a share from 0 to 1, e.g. 0.30");
    problems.throwIfAny();
    RuleSetting before =
        repository.rules().stream().filter(r -> r.rule() == rule).findFirst().orElseThrow();
    repository.updateRule(rule, enabled, threshold);
    RuleSetting after = new RuleSetting(rule, enabled, threshold);
    audit.record("update", "alert-rule", rule.key(), before, after);
    return after;
  }

  public List<Delivery> deliveries(int limit) {
    return repository.deliveries(limit);
  }

  private IsoWeek thisWeek() {
    return IsoWeek.of(
        LocalDateTime.ofInstant(clock.instant(), settings.current().zone()).toLocalDate());
  }

  private OffsetDateTime now() {
    return OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
  }
}

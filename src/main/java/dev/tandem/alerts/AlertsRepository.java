package dev.tandem.alerts;

import static dev.tandem.db.Tables.ALERT_CHANNEL;
import static dev.tandem.db.Tables.ALERT_DELIVERY;
import static dev.tandem.db.Tables.ALERT_FIRED;
import static dev.tandem.db.Tables.ALERT_RULE;
import static dev.tandem.db.Tables.ALERT_SUBSCRIPTION;
import static dev.tandem.db.Tables.ALERT_SUBSCRIPTION_MUTED;

import dev.tandem.base.SecretBox;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Repository;

/** Rules, fired alerts, channels, the delivery log and subscriptions. */
@Repository
class AlertsRepository {

  private final DSLContext db;

  AlertsRepository(DSLContext db) {
    this.db = db;
  }

  List<RuleSetting> rules() {
    return db
        .selectFrom(ALERT_RULE)
        .fetch(r -> new RuleSetting(AlertRule.of(r.getRuleKey()), r.getEnabled(), r.getThreshold()))
        .stream()
        .sorted(java.util.Comparator.comparing(RuleSetting::rule))
        .toList();
  }

  void updateRule(AlertRule rule, boolean enabled, BigDecimal threshold) {
    db.update(ALERT_RULE)
        .set(ALERT_RULE.ENABLED, enabled)
        .set(ALERT_RULE.THRESHOLD, threshold)
        .where(ALERT_RULE.RULE_KEY.eq(rule.key()))
        .execute();
  }

  /**
   * Claims a condition for a week: true for the one caller that inserted the row, false when it was
   * claimed before (here or by another instance; the unique key decides).
   */
  boolean claim(String rule, String condition, String isoWeek, OffsetDateTime at, String summary) {
    try {
      return db.insertInto(ALERT_FIRED)
              .set(ALERT_FIRED.RULE_KEY, rule)
              .set(ALERT_FIRED.CONDITION_KEY, condition)
              .set(ALERT_FIRED.ISO_WEEK, isoWeek)
              .set(ALERT_FIRED.FIRED_AT, at)
              .set(ALERT_FIRED.SUMMARY, clip(summary, 1000))
              .onDuplicateKeyIgnore()
              .execute()
          == 1;
    } catch (DataIntegrityViolationException | org.jooq.exception.DataAccessException e) {
      if (e instanceof org.jooq.exception.DataAccessException j
          && !(j instanceof org.jooq.exception.IntegrityConstraintViolationException)) {
        throw j;
      }
      return false;
    }
  }

  int firedCount(String rule, String condition) {
    return db.fetchCount(
        ALERT_FIRED, ALERT_FIRED.RULE_KEY.eq(rule).and(ALERT_FIRED.CONDITION_KEY.eq(condition)));
  }

  /** A channel row: the channel, and its secret sealed or, stored before V37, plain. */
  record StoredChannel(Channel channel, String plainSecret, SecretBox.Sealed sealed) {}

  List<StoredChannel> channels() {
    return db.selectFrom(ALERT_CHANNEL)
        .orderBy(ALERT_CHANNEL.NAME)
        .fetch(
            r ->
                new StoredChannel(
                    new Channel(
                        r.getId(),
                        r.getName(),
                        r.getKind(),
                        r.getUrl(),
                        r.getAlerts(),
                        r.getDigest(),
                        r.getEnabled(),
                        r.getSecret() != null || r.getSecretCipher() != null),
                    r.getSecret(),
                    r.getSecretCipher() == null
                        ? null
                        : new SecretBox.Sealed(r.getSecretCipher(), r.getSecretSalt())));
  }

  long addChannel(Channel c, SecretBox.Sealed sealed) {
    return db.insertInto(ALERT_CHANNEL)
        .set(ALERT_CHANNEL.NAME, c.name())
        .set(ALERT_CHANNEL.KIND, c.kind())
        .set(ALERT_CHANNEL.URL, c.url())
        .set(ALERT_CHANNEL.SECRET_CIPHER, sealed == null ? null : sealed.cipher())
        .set(ALERT_CHANNEL.SECRET_SALT, sealed == null ? null : sealed.salt())
        .set(ALERT_CHANNEL.ALERTS, c.alerts())
        .set(ALERT_CHANNEL.DIGEST, c.digest())
        .set(ALERT_CHANNEL.ENABLED, c.enabled())
        .returning(ALERT_CHANNEL.ID)
        .fetchOne(ALERT_CHANNEL.ID);
  }

  /** Replaces a plain secret (stored before V37) by its sealed form. */
  void sealSecret(long id, SecretBox.Sealed sealed) {
    db.update(ALERT_CHANNEL)
        .set(ALERT_CHANNEL.SECRET_CIPHER, sealed.cipher())
        .set(ALERT_CHANNEL.SECRET_SALT, sealed.salt())
        .setNull(ALERT_CHANNEL.SECRET)
        .where(ALERT_CHANNEL.ID.eq(id))
        .execute();
  }

  void setChannelReceives(long id, boolean alerts, boolean digest) {
    db.update(ALERT_CHANNEL)
        .set(ALERT_CHANNEL.ALERTS, alerts)
        .set(ALERT_CHANNEL.DIGEST, digest)
        .where(ALERT_CHANNEL.ID.eq(id))
        .execute();
  }

  void setChannelEnabled(long id, boolean enabled) {
    db.update(ALERT_CHANNEL)
        .set(ALERT_CHANNEL.ENABLED, enabled)
        .where(ALERT_CHANNEL.ID.eq(id))
        .execute();
  }

  void removeChannel(long id) {
    db.deleteFrom(ALERT_CHANNEL).where(ALERT_CHANNEL.ID.eq(id)).execute();
  }

  void logDelivery(
      String channel,
      String recipient,
      String subject,
      int attempts,
      boolean sent,
      String error,
      OffsetDateTime at) {
    db.insertInto(ALERT_DELIVERY)
        .set(ALERT_DELIVERY.CHANNEL, clip(channel, 120))
        .set(ALERT_DELIVERY.RECIPIENT, clip(recipient, 1000))
        .set(ALERT_DELIVERY.SUBJECT, clip(subject, 500))
        .set(ALERT_DELIVERY.ATTEMPTS, attempts)
        .set(ALERT_DELIVERY.OUTCOME, sent ? "sent" : "failed")
        .set(ALERT_DELIVERY.ERROR, error == null ? null : clip(error, 1000))
        .set(ALERT_DELIVERY.DELIVERED_AT, at)
        .execute();
  }

  List<Delivery> deliveries(int limit) {
    return db.selectFrom(ALERT_DELIVERY)
        .orderBy(ALERT_DELIVERY.ID.desc())
        .limit(limit)
        .fetch(AlertsRepository::delivery);
  }

  /** Each channel's latest delivery, one statement (the newest id per channel). */
  Map<String, Delivery> latestPerChannel() {
    var latest =
        DSL.select(DSL.max(ALERT_DELIVERY.ID)).from(ALERT_DELIVERY).groupBy(ALERT_DELIVERY.CHANNEL);
    return db.selectFrom(ALERT_DELIVERY)
        .where(ALERT_DELIVERY.ID.in(latest))
        .fetchMap(ALERT_DELIVERY.CHANNEL, AlertsRepository::delivery);
  }

  private static Delivery delivery(dev.tandem.db.tables.records.AlertDeliveryRecord r) {
    return new Delivery(
        r.getId(),
        r.getChannel(),
        r.getRecipient(),
        r.getSubject(),
        r.getAttempts(),
        r.getOutcome(),
        r.getError(),
        r.getDeliveredAt());
  }

  /** Every saved subscription with its muted rules: two statements, whatever the number. */
  Map<Long, Subscription> subscriptions() {
    Map<Long, Set<AlertRule>> muted = new HashMap<>();
    db.selectFrom(ALERT_SUBSCRIPTION_MUTED)
        .forEach(
            r ->
                muted
                    .computeIfAbsent(r.getUserId(), k -> new HashSet<>())
                    .add(AlertRule.of(r.getRuleKey())));
    return db.selectFrom(ALERT_SUBSCRIPTION)
        .fetchMap(
            ALERT_SUBSCRIPTION.USER_ID,
            r ->
                new Subscription(
                    r.getUserId(),
                    r.getEmail(),
                    r.getTeamKey(),
                    r.getAlerts(),
                    r.getDigest(),
                    muted.getOrDefault(r.getUserId(), Set.of())));
  }

  void saveSubscription(Subscription s) {
    int updated =
        db.update(ALERT_SUBSCRIPTION)
            .set(ALERT_SUBSCRIPTION.EMAIL, s.email())
            .set(ALERT_SUBSCRIPTION.TEAM_KEY, s.teamKey())
            .set(ALERT_SUBSCRIPTION.ALERTS, s.alerts())
            .set(ALERT_SUBSCRIPTION.DIGEST, s.digest())
            .where(ALERT_SUBSCRIPTION.USER_ID.eq(s.userId()))
            .execute();
    if (updated == 0) {
      db.insertInto(ALERT_SUBSCRIPTION)
          .set(ALERT_SUBSCRIPTION.USER_ID, s.userId())
          .set(ALERT_SUBSCRIPTION.EMAIL, s.email())
          .set(ALERT_SUBSCRIPTION.TEAM_KEY, s.teamKey())
          .set(ALERT_SUBSCRIPTION.ALERTS, s.alerts())
          .set(ALERT_SUBSCRIPTION.DIGEST, s.digest())
          .execute();
    }
    db.deleteFrom(ALERT_SUBSCRIPTION_MUTED)
        .where(ALERT_SUBSCRIPTION_MUTED.USER_ID.eq(s.userId()))
        .execute();
    if (!s.muted().isEmpty()) {
      var insert =
          db.insertInto(
              ALERT_SUBSCRIPTION_MUTED,
              ALERT_SUBSCRIPTION_MUTED.USER_ID,
              ALERT_SUBSCRIPTION_MUTED.RULE_KEY);
      for (AlertRule r : s.muted()) {
        insert = insert.values(s.userId(), r.key());
      }
      insert.execute();
    }
  }

  private static String clip(String s, int max) {
    return s.length() <= max ? s : s.substring(0, max);
  }
}

package dev.tandem.alerts;

import dev.tandem.access.AccessPolicy;
import dev.tandem.base.Emails;
import dev.tandem.base.IsoWeek;
import dev.tandem.base.SecretBox;
import dev.tandem.base.ValidationException;
import dev.tandem.roster.RosterService;
import dev.tandem.roster.Team;
import dev.tandem.security.AuditService;
import dev.tandem.security.Role;
import dev.tandem.security.UserAccount;
import dev.tandem.security.UserService;
import dev.tandem.settings.SettingsService;
import java.math.BigDecimal;
import java.net.URI;
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
import java.util.Set;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Alerts and the weekly digest: evaluates the rules, fires each condition once per ISO week
 * (claimed in the database, audited), and sends what each recipient may see by email and to the
 * webhook channels; the admin screen's only door. Admin-only by default. No class-level
 * transaction: evaluating and sending call mail servers and webhooks (with retries), which must not
 * hold a database transaction open; each repository write commits on its own, as the claims
 * require.
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
  private final UserService users;
  private final RosterService roster;
  private final SettingsService settings;
  private final AuditService audit;
  private final AlertsProperties properties;
  private final AccessPolicy access;
  private final SecretBox secrets;
  private final Clock clock;

  AlertService(
      AlertsRepository repository,
      Conditions conditions,
      Messages messages,
      Digest digest,
      EmailChannel email,
      WebhookChannel webhooks,
      UserService users,
      RosterService roster,
      SettingsService settings,
      AuditService audit,
      AlertsProperties properties,
      AccessPolicy access,
      SecretBox secrets,
      Clock clock) {
    this.access = access;
    this.secrets = secrets;
    this.repository = repository;
    this.conditions = conditions;
    this.messages = messages;
    this.digest = digest;
    this.email = email;
    this.webhooks = webhooks;
    this.users = users;
    this.roster = roster;
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
          List<Recipient> recipients = recipients();
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
    for (Webhook hook : webhooks()) {
      if (hook.channel().enabled() && hook.channel().alerts()) {
        messages
            .alerts(fired, rules, asChannel(hook.channel()))
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
          for (Recipient to : recipients()) {
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
          for (Webhook hook : webhooks()) {
            Channel c = hook.channel();
            if (!c.enabled() || !c.digest()) {
              continue;
            }
            Optional<Message> m = digest.of(asChannel(c));
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

  /** Enabled users with where and what they receive: their choice, else their role's default. */
  private List<Recipient> recipients() {
    Map<Long, Subscription> chosen = repository.subscriptions();
    Map<Long, String> teamKeys = new java.util.HashMap<>();
    roster.teams().forEach(t -> teamKeys.put(t.id(), t.key()));
    List<Recipient> out = new ArrayList<>();
    for (UserAccount u : users.users()) {
      if (!u.enabled()) {
        continue;
      }
      Subscription s = chosen.getOrDefault(u.id(), defaultFor(u, teamKeys));
      String address = s.email() != null ? s.email() : defaultAddress(u.username());
      if (address != null) {
        out.add(
            new Recipient(
                u.username(),
                u.role(),
                address,
                s.teamKey(),
                s.alerts(),
                s.digest(),
                u.role() == Role.ADMIN,
                s.muted()));
      }
    }
    return out;
  }

  /** Managers get their team, leaders and admins the organisation; members only if they choose. */
  static Subscription defaultFor(UserAccount u, Map<Long, String> teamKeys) {
    return switch (u.role()) {
      case ADMIN, LEADER -> new Subscription(u.id(), null, null, true, true);
      case MANAGER -> new Subscription(u.id(), null, teamKeys.get(u.teamId()), true, true);
      case MEMBER -> new Subscription(u.id(), null, teamKeys.get(u.teamId()), false, false);
    };
  }

  private static String defaultAddress(String username) {
    return Emails.check(username).ok() ? Emails.normalise(username) : null;
  }

  /** A webhook channel reads like a leader of the organisation: aggregates, small groups hidden. */
  private static Recipient asChannel(Channel c) {
    return new Recipient(
        c.logKey(), Role.LEADER, c.url(), null, c.alerts(), c.digest(), true, Set.of());
  }

  /** The channels with their secrets opened (a plain one stored before V37 read as it is). */
  private List<Webhook> webhooks() {
    return repository.channels().stream().map(this::opened).toList();
  }

  private Webhook opened(AlertsRepository.StoredChannel s) {
    if (s.sealed() == null) {
      return new Webhook(s.channel(), s.plainSecret(), null);
    }
    try {
      return new Webhook(s.channel(), secrets.open(s.sealed()), null);
    } catch (RuntimeException e) {
      // Key unset or changed: this channel fails visibly, the others still receive.
      return new Webhook(
          s.channel(),
          null,
          "the signing secret cannot be read: TANDEM_SECRET_KEY is not set or not the key it was"
              + " stored with; remove the channel and add it again");
    }
  }

  /**
   * Seals the signing secrets stored in plain text before V37, once TANDEM_SECRET_KEY is set (at
   * start-up); returns how many. Without the key they stay readable as they are.
   */
  // The schedule calls it without a user; package-private, so no view or controller can.
  @PreAuthorize("permitAll()")
  int sealPlainSecrets() {
    if (!secrets.available()) {
      return 0;
    }
    int sealed = 0;
    for (AlertsRepository.StoredChannel s : repository.channels()) {
      if (s.plainSecret() != null && s.sealed() == null) {
        repository.sealSecret(s.channel().id(), secrets.seal(s.plainSecret()));
        sealed++;
      }
    }
    return sealed;
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

  /** The webhook channels, without their secrets. */
  public List<Channel> channels() {
    return repository.channels().stream().map(AlertsRepository.StoredChannel::channel).toList();
  }

  /** Adds a webhook channel for alerts and the digest. */
  public Channel addWebhook(String name, String kind, String url, String secret) {
    return addWebhook(name, kind, url, secret, true, true);
  }

  /**
   * Adds a webhook channel ({@code kind} "webhook" or "slack") receiving alerts and/or the weekly
   * digest; a signing secret is stored sealed with TANDEM_SECRET_KEY, never audited nor shown.
   */
  public Channel addWebhook(
      String name, String kind, String url, String secret, boolean alerts, boolean digest) {
    ValidationException.Collector problems = new ValidationException.Collector();
    problems.check(
        name != null && !name.isBlank() && name.length() <= 100, "name", "1–100 characters");
    problems.check("webhook".equals(kind) || "slack".equals(kind), "kind", "webhook or slack");
    problems.check(validUrl(url), "url", "an http or https URL");
    problems.check(
        !"webhook".equals(kind) || (secret != null && secret.length() >= 16),
        "secret",
        "at least 16 characters to sign the payload");
    problems.check(
        name == null || channels().stream().noneMatch(c -> c.name().equals(name.trim())),
        "name",
        "a channel of this name exists");
    problems.check(alerts || digest, "receives", "alerts, the digest or both");
    problems.throwIfAny();
    boolean signed = "webhook".equals(kind);
    // Sealed first: without TANDEM_SECRET_KEY this is the validation error connectors give.
    SecretBox.Sealed sealed = signed ? secrets.seal(secret) : null;
    Channel c = new Channel(null, name.trim(), kind, url.trim(), alerts, digest, true, signed);
    long id = repository.addChannel(c, sealed);
    audit.record(
        "create",
        "alert-channel",
        id,
        null,
        Map.of("name", c.name(), "kind", kind, "url", c.url(), "alerts", alerts, "digest", digest));
    return new Channel(id, c.name(), kind, c.url(), alerts, digest, true, signed);
  }

  /** What a webhook channel receives: alerts and/or the weekly digest. */
  public void setChannelReceives(long id, boolean alerts, boolean digest) {
    if (!alerts && !digest) {
      throw ValidationException.of("receives", "alerts, the digest or both");
    }
    repository.setChannelReceives(id, alerts, digest);
    audit.record("update", "alert-channel", id, null, Map.of("alerts", alerts, "digest", digest));
  }

  public void setChannelEnabled(long id, boolean enabled) {
    repository.setChannelEnabled(id, enabled);
    audit.record("update", "alert-channel", id, null, Map.of("enabled", enabled));
  }

  public void removeChannel(long id) {
    repository.removeChannel(id);
    audit.record("delete", "alert-channel", id, null, null);
  }

  /** Email and each webhook: on or off, and the outcome of its latest delivery. */
  public List<ChannelStatus> channelStatuses() {
    Map<String, Delivery> latest = repository.latestPerChannel();
    List<ChannelStatus> out = new ArrayList<>();
    out.add(
        status(
            EmailChannel.LOG_KEY,
            email.configured() ? "SMTP from the environment" : "off: SPRING_MAIL_HOST not set",
            email.configured(),
            latest.get(EmailChannel.LOG_KEY)));
    for (AlertsRepository.StoredChannel s : repository.channels()) {
      Channel c = s.channel();
      String receives =
          c.alerts() && c.digest() ? "alerts and digest" : c.alerts() ? "alerts" : "digest";
      String plain =
          s.plainSecret() != null && s.sealed() == null
              ? "; secret stored unencrypted until TANDEM_SECRET_KEY is set"
              : "";
      out.add(
          status(
              c.logKey(),
              c.kind() + " " + c.url() + " (" + receives + plain + ")",
              c.enabled(),
              latest.get(c.logKey())));
    }
    return out;
  }

  private static ChannelStatus status(String key, String what, boolean on, Delivery d) {
    return new ChannelStatus(
        key,
        what,
        on,
        d == null ? null : d.outcome(),
        d == null ? null : d.error(),
        d == null ? null : d.deliveredAt());
  }

  public List<Delivery> deliveries(int limit) {
    return repository.deliveries(limit);
  }

  /** Sets what a user receives (admins for anyone). */
  @Transactional
  public void subscribe(Subscription s) {
    if (s.email() != null && !Emails.check(s.email()).ok()) {
      throw ValidationException.of("email", Emails.check(s.email()).problem());
    }
    if (s.teamKey() != null && roster.team(s.teamKey()).map(Team::key).isEmpty()) {
      throw ValidationException.of("team", "no such team");
    }
    repository.saveSubscription(s);
    audit.record("update", "alert-subscription", s.userId(), null, s);
  }

  /**
   * What the signed-in user receives: their choice, else their role's default (empty: no account).
   */
  @PreAuthorize("isAuthenticated()")
  public Optional<Subscription> mySubscription() {
    return users
        .current()
        .map(
            u -> {
              Map<Long, String> teamKeys = new java.util.HashMap<>();
              roster.teams().forEach(t -> teamKeys.put(t.id(), t.key()));
              Subscription s =
                  repository.subscriptions().getOrDefault(u.id(), defaultFor(u, teamKeys));
              return s.email() != null ? s : withEmail(s, defaultAddress(u.username()));
            });
  }

  /** The scopes the signed-in user may subscribe to besides the organisation. */
  @PreAuthorize("isAuthenticated()")
  public List<Team> subscribableTeams() {
    return access.teamsWithAggregates();
  }

  /**
   * Saves what the signed-in user receives, for a scope whose figures they may see ({@code teamKey}
   * null: the organisation); audited.
   */
  @PreAuthorize("isAuthenticated()")
  public Subscription subscribeMe(String email, String teamKey, boolean alerts, boolean digest) {
    return subscribeMe(email, teamKey, alerts, digest, Set.of());
  }

  /**
   * Saves what the signed-in user receives, with the rules whose alerts they do not want ({@code
   * muted}); the import rules reach admins only, so muting them matters only to admins.
   */
  @PreAuthorize("isAuthenticated()")
  @Transactional
  public Subscription subscribeMe(
      String email, String teamKey, boolean alerts, boolean digest, Set<AlertRule> muted) {
    UserAccount me =
        users.current().orElseThrow(() -> ValidationException.of("user", "no user account"));
    String key = teamKey == null || teamKey.isBlank() ? null : teamKey;
    Emails.Checked checked =
        email == null || email.isBlank()
            ? new Emails.Checked(null, "an email address is required")
            : Emails.check(email);
    new ValidationException.Collector()
        .check(checked.ok(), "email", checked.problem())
        .check(
            key == null || (roster.team(key).isPresent() && access.mayViewAggregates(key)),
            "team",
            "you may subscribe to the organisation and to your own team's scope only")
        .throwIfAny();
    Subscription s = new Subscription(me.id(), checked.email(), key, alerts, digest, muted);
    repository.saveSubscription(s);
    audit.record("update", "alert-subscription", me.id(), null, s);
    return s;
  }

  private static Subscription withEmail(Subscription s, String email) {
    return new Subscription(s.userId(), email, s.teamKey(), s.alerts(), s.digest(), s.muted());
  }

  /** The rules a person may receive alerts of: the import rules only if they are an admin. */
  @PreAuthorize("isAuthenticated()")
  public List<AlertRule> rulesICanReceive() {
    boolean admin = users.current().map(u -> u.role() == Role.ADMIN).orElse(false);
    return java.util.Arrays.stream(AlertRule.values())
        .filter(r -> admin || !r.adminsOnly())
        .toList();
  }

  private static boolean validUrl(String url) {
    try {
      URI u = URI.create(Objects.requireNonNull(url).trim());
      return ("http".equals(u.getScheme()) || "https".equals(u.getScheme())) && u.getHost() != null;
    } catch (RuntimeException e) {
      return false;
    }
  }

  private IsoWeek thisWeek() {
    return IsoWeek.of(
        LocalDateTime.ofInstant(clock.instant(), settings.current().zone()).toLocalDate());
  }

  private OffsetDateTime now() {
    return OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
  }
}

package dev.tandem.connectors;

import dev.tandem.base.DataSourceAlerts;
import dev.tandem.base.SecretBox;
import dev.tandem.base.ValidationException;
import dev.tandem.security.AuditService;
import dev.tandem.security.CurrentUser;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.scheduling.support.CronExpression;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Connectors: their list and state, configuration and secrets (audited, never shown again), the
 * connection test, "Run now" and the run history. The screen's and the API's only door. Admin-only
 * and read in one transaction by default; the connection test and "Run now" hold no transaction (a
 * vendor call, and a run the background must see committed). Scheduled runs do not come through
 * here: {@link ConnectorScheduler} starts them on {@link ConnectorRunner} without a user.
 */
@Service
@PreAuthorize("hasRole('ADMIN')")
@Transactional(readOnly = true)
public class ConnectorService implements DataSourceAlerts {

  static final Duration STALE_AFTER = Duration.ofDays(2);

  private final Connectors connectors;
  private final ConnectorConfigRepository configs;
  private final ConnectorRunRepository runs;
  private final ConnectorRunner runner;
  private final ConnectorScheduler scheduler;
  private final Secrets secrets;
  private final SecretBox box;
  private final AuditService audit;
  private final Clock clock;

  ConnectorService(
      Connectors connectors,
      ConnectorConfigRepository configs,
      ConnectorRunRepository runs,
      ConnectorRunner runner,
      ConnectorScheduler scheduler,
      Secrets secrets,
      SecretBox box,
      AuditService audit,
      Clock clock) {
    this.connectors = connectors;
    this.configs = configs;
    this.runs = runs;
    this.runner = runner;
    this.scheduler = scheduler;
    this.secrets = secrets;
    this.box = box;
    this.audit = audit;
    this.clock = clock;
  }

  public List<ConnectorState> connectors() {
    return states();
  }

  public ConnectorState connector(String key) {
    connectors.byKey(key);
    return states().stream().filter(s -> s.key().equals(key)).findFirst().orElseThrow();
  }

  /** Every connector's state (no access check: the health check reads it without a user). */
  @PreAuthorize("permitAll()")
  List<ConnectorState> states() {
    Map<String, ConnectorConfig> stored = configs.all();
    Map<String, ConnectorRunRepository.Summary> summaries = runs.summaries();
    OffsetDateTime now = clock.instant().atOffset(ZoneOffset.UTC);
    return connectors.all().stream()
        .map(
            c -> {
              ConnectorConfig cfg =
                  withEnvSecret(stored.getOrDefault(c.key(), Connectors.unconfigured(c)));
              var s = summaries.get(c.key());
              String base =
                  cfg.baseUrl() == null || cfg.baseUrl().isBlank()
                      ? c.baseUrlFor(cfg)
                      : cfg.baseUrl();
              return new ConnectorState(
                  c.key(),
                  c.name(),
                  c.format(),
                  c.secretLabel(),
                  c.settings().stream()
                      .map(x -> new ConnectorState.SettingInfo(x.key(), x.label(), x.help()))
                      .toList(),
                  cfg,
                  base,
                  c.baseUrlFor(cfg),
                  s == null ? null : s.lastOutcome(),
                  s == null ? null : s.lastRunAt(),
                  s == null ? null : s.lastRowsApplied(),
                  s == null ? null : s.lastMessage(),
                  s == null ? null : s.lastSuccessAt(),
                  cfg.enabled() ? nextRun(cfg, now) : null,
                  problem(cfg, s, now));
            })
        .toList();
  }

  private ConnectorConfig withEnvSecret(ConnectorConfig cfg) {
    String env = secrets.fromEnvironment(cfg.key());
    if (env == null) {
      return cfg;
    }
    return new ConnectorConfig(
        cfg.key(),
        cfg.enabled(),
        cfg.baseUrl(),
        cfg.settings(),
        cfg.cron(),
        cfg.backfillFrom(),
        cfg.redoDays(),
        new ConnectorConfig.SecretStatus(true, "environment", Secrets.last4(env), null, null),
        cfg.lastCompleteDay(),
        cfg.updatedBy(),
        cfg.updatedAt());
  }

  static OffsetDateTime nextRun(ConnectorConfig cfg, OffsetDateTime now) {
    String cron = cfg.cron() == null || cfg.cron().isBlank() ? Connectors.DEFAULT_CRON : cfg.cron();
    return CronExpression.parse(cron).next(now);
  }

  /** Why an enabled connector needs a look: its last run failed, or no success in 2 days. */
  static String problem(ConnectorConfig cfg, ConnectorRunRepository.Summary s, OffsetDateTime now) {
    if (!cfg.enabled()) {
      return null;
    }
    if (s != null && "failed".equals(s.lastOutcome())) {
      return "its last run failed: " + s.lastMessage();
    }
    OffsetDateTime since =
        s != null && s.lastSuccessAt() != null ? s.lastSuccessAt() : cfg.updatedAt();
    if (since != null && since.isBefore(now.minus(STALE_AFTER))) {
      return s != null && s.lastSuccessAt() != null
          ? "no successful run since " + s.lastSuccessAt().toLocalDate()
          : "enabled on " + since.toLocalDate() + " and no successful run since";
    }
    return null;
  }

  @Override
  public List<String> alerts() {
    return states().stream()
        .filter(s -> !s.healthy())
        .map(s -> "Connector " + s.name() + ": " + s.problem())
        .toList();
  }

  @Transactional
  public ConnectorState configure(String key, ConnectorChange change) {
    Connector c = connectors.byKey(key);
    ConnectorConfig before = configs.find(key).orElse(null);
    check(c, change);
    Map<String, String> settings = new LinkedHashMap<>();
    c.settings()
        .forEach(
            s -> {
              String v = change.settings() == null ? null : change.settings().get(s.key());
              if (v != null && !v.isBlank()) {
                settings.put(s.key(), v.trim());
              }
            });
    ConnectorConfig next =
        new ConnectorConfig(
            key,
            change.enabled(),
            change.baseUrl() == null || change.baseUrl().isBlank() ? null : change.baseUrl().trim(),
            settings,
            change.cron() == null || change.cron().isBlank()
                ? Connectors.DEFAULT_CRON
                : change.cron().trim(),
            change.backfillFrom(),
            change.redoDays() == null ? 3 : change.redoDays(),
            null,
            null,
            null,
            null);
    configs.save(next, CurrentUser.name(), clock.instant().atOffset(ZoneOffset.UTC));
    ConnectorConfig after = configs.find(key).orElseThrow();
    audit.record("configure", "connector", key, before, after);
    scheduler.reschedule(key);
    return connector(key);
  }

  private static void check(Connector c, ConnectorChange change) {
    String cron = change.cron();
    boolean cronOk = true;
    if (cron != null && !cron.isBlank()) {
      try {
        CronExpression.parse(cron.trim());
      } catch (IllegalArgumentException e) {
        cronOk = false;
      }
    }
    boolean urlOk = true;
    if (change.baseUrl() != null && !change.baseUrl().isBlank()) {
      try {
        URI u = URI.create(change.baseUrl().trim());
        urlOk = u.getHost() != null && u.getScheme() != null && u.getScheme().startsWith("http");
      } catch (IllegalArgumentException e) {
        urlOk = false;
      }
    }
    new ValidationException.Collector()
        .check(
            cronOk,
            "cron",
            "'"
                + cron
                + "' is not a cron expression; expected six fields, e.g. 0 30 3 * * * (03:30 UTC)")
        .check(urlOk, "baseUrl", "expected an absolute URL such as " + c.defaultBaseUrl())
        .check(
            change.redoDays() == null || (change.redoDays() >= 0 && change.redoDays() <= 60),
            "redoDays",
            "expected 0 to 60 days")
        .check(
            change.backfillFrom() == null
                || change.backfillFrom().isAfter(LocalDate.of(2000, 1, 1)),
            "backfillFrom",
            "expected a date after 2000-01-01")
        .throwIfAny();
  }

  /** Stores a secret encrypted; only its last 4 characters and who set it when are kept clear. */
  @Transactional
  public ConnectorConfig.SecretStatus setSecret(String key, String secret) {
    connectors.byKey(key);
    OffsetDateTime now = clock.instant().atOffset(ZoneOffset.UTC);
    boolean clear = secret == null || secret.isBlank();
    SecretBox.Sealed sealed = clear ? null : box.seal(secret.trim());
    String last4 = clear ? null : Secrets.last4(secret.trim());
    ConnectorConfig.SecretStatus before =
        configs.find(key).map(ConnectorConfig::secret).orElse(null);
    configs.saveSecret(key, sealed, last4, clear ? null : CurrentUser.name(), clear ? null : now);
    ConnectorConfig.SecretStatus after = configs.find(key).orElseThrow().secret();
    audit.record(clear ? "clear-secret" : "set-secret", "connector", key, before, after);
    return after;
  }

  /** "OK", or why not in the vendor's own words. */
  @Transactional(propagation = Propagation.NOT_SUPPORTED)
  public TestResult testConnection(String key) {
    try {
      runner.test(key);
      return new TestResult(true, "Connected: the vendor answered.");
    } catch (VendorException e) {
      return new TestResult(false, e.getMessage());
    }
  }

  /** The outcome of a connection test. */
  public record TestResult(boolean ok, String message) {}

  /** Starts a run in the background; throws {@link ConnectorBusyException} while one runs. */
  @Transactional(propagation = Propagation.NOT_SUPPORTED)
  public long runNow(String key, String trigger) {
    return runner.start(key, trigger, CurrentUser.name());
  }

  public List<ConnectorRun> history(String key, int limit) {
    if (key != null) {
      connectors.byKey(key);
    }
    return runs.latest(key, limit);
  }
}

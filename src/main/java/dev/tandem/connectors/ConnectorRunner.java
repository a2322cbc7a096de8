package dev.tandem.connectors;

import dev.tandem.base.ValidationException;
import dev.tandem.ingest.ImportMode;
import dev.tandem.ingest.ImportRequest;
import dev.tandem.ingest.ImportResult;
import dev.tandem.ingest.ImportService;
import java.io.ByteArrayInputStream;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.core.SimpleLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * Runs a connector: under a database lock (ShedLock) so one instance at a time runs it, day by day
 * from its first day to yesterday (UTC), each day's files imported through the import pipeline as
 * batches by "connector:KEY". The first failing day stops the run: nothing of it stays applied, and
 * the run records the day and why.
 */
@Component
class ConnectorRunner {

  private static final Logger LOG = LoggerFactory.getLogger(ConnectorRunner.class);

  /** A run that could not start because another one (here or on another instance) holds it. */
  static final class AlreadyRunning extends ConnectorBusyException {
    AlreadyRunning(String key) {
      super("Connector " + key + " is already running (on this or another instance)");
    }
  }

  private final Connectors connectors;
  private final ConnectorConfigRepository configs;
  private final ConnectorRunRepository runs;
  private final Secrets secrets;
  private final ImportService imports;
  private final LockProvider locks;
  private final ConnectorMetrics metrics;
  private final HttpSettings http;
  private final Clock clock;
  private final Duration lockAtMost;
  private final java.net.http.HttpClient client;
  private final ExecutorService background =
      Executors.newFixedThreadPool(
          2,
          r -> {
            Thread t = new Thread(r, "connector-run");
            t.setDaemon(true);
            return t;
          });
  VendorHttp.Sleeper sleeper = d -> Thread.sleep(d.toMillis());

  ConnectorRunner(
      Connectors connectors,
      ConnectorConfigRepository configs,
      ConnectorRunRepository runs,
      Secrets secrets,
      ImportService imports,
      LockProvider locks,
      ConnectorMetrics metrics,
      HttpSettings http,
      Clock clock,
      @Value("${tandem.connectors.lock-at-most:6h}") Duration lockAtMost) {
    this.connectors = connectors;
    this.configs = configs;
    this.runs = runs;
    this.secrets = secrets;
    this.imports = imports;
    this.locks = locks;
    this.metrics = metrics;
    this.http = http;
    this.clock = clock;
    this.lockAtMost = lockAtMost;
    this.client = VendorHttp.client(http);
  }

  @jakarta.annotation.PreDestroy
  void stop() {
    background.shutdownNow();
  }

  /** Runs now and waits for the end; throws {@link AlreadyRunning} when it holds elsewhere. */
  ConnectorRun run(String key, String trigger, String by) {
    Started s = begin(key, trigger, by);
    try {
      return execute(s);
    } finally {
      s.lock.unlock();
    }
  }

  /** Starts a run in the background; answers at once with its id. */
  long start(String key, String trigger, String by) {
    Started s = begin(key, trigger, by);
    background.submit(
        () -> {
          try {
            execute(s);
          } catch (RuntimeException e) {
            LOG.error("connector {} run {} failed unexpectedly", key, s.runId, e);
          } finally {
            s.lock.unlock();
          }
        });
    return s.runId;
  }

  private record Started(
      long runId,
      Connector connector,
      ConnectorConfig config,
      LocalDate first,
      LocalDate last,
      SimpleLock lock) {}

  private Started begin(String key, String trigger, String by) {
    Connector connector = connectors.byKey(key);
    OffsetDateTime now = clock.instant().atOffset(ZoneOffset.UTC);
    Optional<SimpleLock> lock =
        locks.lock(
            new LockConfiguration(clock.instant(), "connector-" + key, lockAtMost, Duration.ZERO));
    if (lock.isEmpty()) {
      throw new AlreadyRunning(key);
    }
    try {
      ConnectorConfig config = configs.find(key).orElse(Connectors.unconfigured(connector));
      runs.failAbandoned(key, now);
      LocalDate last = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC).minusDays(1);
      LocalDate first = firstDay(config, last);
      long runId = runs.start(key, trigger, by, now, first, last);
      return new Started(runId, connector, config, first, last, lock.get());
    } catch (RuntimeException e) {
      lock.get().unlock();
      throw e;
    }
  }

  /** The first run backfills from the chosen day; later runs go back a few days for revisions. */
  static LocalDate firstDay(ConnectorConfig config, LocalDate last) {
    LocalDate first =
        config.lastCompleteDay() == null
            ? (config.backfillFrom() != null ? config.backfillFrom() : last.minusDays(29))
            : config.lastCompleteDay().minusDays(config.redoDays());
    if (config.backfillFrom() != null && first.isBefore(config.backfillFrom())) {
      first = config.backfillFrom();
    }
    return first.isAfter(last) ? last : first;
  }

  private ConnectorRun execute(Started s) {
    String key = s.connector.key();
    SecurityContext before = SecurityContextHolder.getContext();
    SecurityContext as = SecurityContextHolder.createEmptyContext();
    as.setAuthentication(
        new UsernamePasswordAuthenticationToken(
            "connector:" + key, null, List.of(new SimpleGrantedAuthority("ROLE_ADMIN"))));
    SecurityContextHolder.setContext(as);
    long read = 0;
    long applied = 0;
    long unmatched = 0;
    LocalDate day = s.first;
    String outcome = "failed";
    String message = null;
    LocalDate failedDay = null;
    try {
      Source source = source(s.connector, s.config);
      for (; !day.isAfter(s.last); day = day.plusDays(1)) {
        List<Connector.Payload> files = s.connector.fetch(source, day);
        List<Long> dayBatches = new ArrayList<>();
        for (Connector.Payload file : files) {
          ImportResult r =
              imports.importFile(
                  new ImportRequest(
                      s.connector.format(),
                      ImportMode.ALL_OR_NOTHING,
                      false,
                      file.fileName(),
                      s.connector.tool()),
                  new ByteArrayInputStream(file.body()));
          if (r.batchId() != null) {
            runs.addBatch(s.runId, r.batchId(), day);
          }
          read += r.rowsRead();
          if (r.refused()) {
            undoDay(dayBatches);
            throw new DayFailed(file.fileName() + " was refused: " + firstError(r));
          }
          dayBatches.add(r.batchId());
          applied += r.rowsApplied();
          unmatched += r.rowsUnmatched();
        }
        configs.completeDay(key, day);
      }
      outcome = "succeeded";
    } catch (VendorException | DayFailed | ValidationException e) {
      failedDay = day;
      message = day + ": " + e.getMessage();
    } catch (RuntimeException e) {
      failedDay = day;
      message = day + ": " + e.getClass().getSimpleName() + ": " + e.getMessage();
      LOG.error("connector {} failed on {}", key, day, e);
    } finally {
      SecurityContextHolder.setContext(before);
      runs.finish(
          s.runId,
          clock.instant().atOffset(ZoneOffset.UTC),
          outcome,
          failedDay,
          message,
          read,
          applied,
          unmatched);
      metrics.ran(key, outcome, clock.instant());
    }
    LOG.info(
        "connector {} run {} {}{}",
        key,
        s.runId,
        outcome,
        message == null ? "" : " (" + message + ")");
    return runs.latest(key, 20).stream().filter(r -> r.id() == s.runId).findFirst().orElseThrow();
  }

  /** Tests a connector's configuration with one cheap request. */
  void test(String key) {
    Connector connector = connectors.byKey(key);
    ConnectorConfig config = configs.find(key).orElse(Connectors.unconfigured(connector));
    connector.test(source(connector, config));
  }

  private Source source(Connector connector, ConnectorConfig config) {
    String base =
        config.baseUrl() == null || config.baseUrl().isBlank()
            ? connector.baseUrlFor(config)
            : config.baseUrl();
    return new Source(config, secrets.secret(connector.key()), base, http, client, sleeper, clock);
  }

  private void undoDay(List<Long> batches) {
    for (int i = batches.size() - 1; i >= 0; i--) {
      imports.undo(batches.get(i));
    }
  }

  private static String firstError(ImportResult r) {
    if (r.errors().isEmpty()) {
      return "no error given";
    }
    return r.errors().get(0)
        + (r.errors().size() > 1 ? " (and " + (r.errors().size() - 1) + " more)" : "");
  }

  private static final class DayFailed extends RuntimeException {
    DayFailed(String message) {
      super(message);
    }
  }
}

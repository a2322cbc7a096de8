package dev.tandem.ingest;

import jakarta.annotation.PreDestroy;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Long imports as jobs: the body is spooled to a temporary file so the request can return, the
 * batch is queued, and one import runs at a time on a bounded queue. A restart marks a batch that
 * was queued or running as failed (nothing of it was applied: its rows were only staged).
 */
@Component
@EnableConfigurationProperties(ImportProperties.class)
class ImportJobs implements SmartInitializingSingleton {

  private static final Logger LOG = LoggerFactory.getLogger(ImportJobs.class);
  private static final int KEEP_FINISHED = 200;

  /** A job as this process knows it: rows read so far, and the result once it ended. */
  static final class Job {
    final long batchId;
    final AtomicLong rowsRead = new AtomicLong();
    volatile ImportResult result;
    volatile boolean failed;

    Job(long batchId) {
      this.batchId = batchId;
    }
  }

  private final ImportPipeline pipeline;
  private final BatchRepository batches;
  private final StagingRepository staging;
  private final TransactionTemplate tx;
  private final ExecutorService executor;
  private final Map<Long, Job> jobs = new ConcurrentHashMap<>();

  ImportJobs(
      ImportPipeline pipeline,
      BatchRepository batches,
      StagingRepository staging,
      TransactionTemplate tx,
      ImportProperties properties) {
    this.pipeline = pipeline;
    this.batches = batches;
    this.staging = staging;
    this.tx = tx;
    this.executor =
        new ThreadPoolExecutor(
            1,
            1,
            0,
            TimeUnit.MILLISECONDS,
            new LinkedBlockingQueue<>(properties.queue()),
            r -> {
              Thread t = new Thread(r, "tandem-import");
              t.setDaemon(true);
              return t;
            });
  }

  /** At start-up, before requests: what was queued or running when the process stopped failed. */
  @Override
  public void afterSingletonsInstantiated() {
    recover();
  }

  void recover() {
    var failed = tx.execute(s -> batches.failUnfinished());
    tx.executeWithoutResult(s -> staging.clearFinished(java.util.List.of()));
    if (!failed.isEmpty()) {
      LOG.warn("import batches {} were unfinished at start-up and are marked failed", failed);
    }
  }

  /** Spools {@code body} (at most {@code maxBytes}), queues the import and returns its batch id. */
  long submit(ImportRequest request, String user, InputStream body, long maxBytes) {
    Path spool = spool(body, maxBytes);
    long batchId;
    try {
      batchId = pipeline.queue(request, user);
    } catch (RuntimeException e) {
      delete(spool);
      throw e;
    }
    Job job = new Job(batchId);
    forgetOldJobs();
    jobs.put(batchId, job);
    SecurityContext context = SecurityContextHolder.getContext();
    try {
      executor.execute(() -> run(job, request, user, spool, maxBytes, context));
    } catch (RejectedExecutionException e) {
      delete(spool);
      job.failed = true;
      tx.executeWithoutResult(s -> batches.markFailed(batchId));
      throw new ImportQueueFullException();
    }
    return batchId;
  }

  Optional<Job> job(long batchId) {
    return Optional.ofNullable(jobs.get(batchId));
  }

  private void run(
      Job job,
      ImportRequest request,
      String user,
      Path spool,
      long maxBytes,
      SecurityContext context) {
    SecurityContextHolder.setContext(context);
    try (InputStream in = Files.newInputStream(spool)) {
      job.result = pipeline.run(job.batchId, request, user, in, maxBytes, job.rowsRead::set);
    } catch (IOException | RuntimeException e) {
      job.failed = true;
      LOG.error("import job {} failed; nothing of it was applied", job.batchId, e);
    } finally {
      SecurityContextHolder.clearContext();
      delete(spool);
    }
  }

  private static Path spool(InputStream body, long maxBytes) {
    try {
      Path file = Files.createTempFile("tandem-import-", ".job");
      try (InputStream in = new LimitedInputStream(body, maxBytes);
          OutputStream out = Files.newOutputStream(file)) {
        in.transferTo(out);
      } catch (IOException | RuntimeException e) {
        delete(file);
        throw e;
      }
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void forgetOldJobs() {
    if (jobs.size() >= KEEP_FINISHED) {
      jobs.values().stream()
          .filter(j -> j.result != null || j.failed)
          .map(j -> j.batchId)
          .sorted()
          .limit(jobs.size() - KEEP_FINISHED / 2)
          .toList()
          .forEach(jobs::remove);
    }
  }

  private static void delete(Path file) {
    try {
      Files.deleteIfExists(file);
    } catch (IOException e) {
      LOG.warn("could not delete {}", file, e);
    }
  }

  @PreDestroy
  void stop() {
    executor.shutdownNow();
  }
}

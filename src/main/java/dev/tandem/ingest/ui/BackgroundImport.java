package dev.tandem.ingest.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.UIDetachedException;
import dev.tandem.ingest.ImportRequest;
import dev.tandem.ingest.ImportResult;
import dev.tandem.ingest.ImportService;
import dev.tandem.ingest.ImportStatus;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.concurrent.DelegatingSecurityContextRunnable;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Runs an import of the upload screen off the request thread, as the signed-in user: a preview
 * directly, an apply through the import queue (the same jobs as {@code POST ?async=true}) with its
 * state and rows read shown until it ends. The outcome reaches the screen through the UI.
 */
final class BackgroundImport {

  /** What the screen does when the import ended: a result, or the failure. */
  interface Done {
    void finished(ImportResult result, RuntimeException failure);
  }

  private static final Logger LOG = LoggerFactory.getLogger(BackgroundImport.class);

  private final ImportService imports;
  private final Executor executor;
  private final int pollMs;

  BackgroundImport(ImportService imports, Executor executor, int pollMs) {
    this.imports = imports;
    this.executor = executor;
    this.pollMs = pollMs;
  }

  /** Starts the import of {@code source}; {@code progress} and {@code done} run in the UI. */
  void start(UI ui, ImportRequest request, Path source, Consumer<String> progress, Done done) {
    SecurityContext context = SecurityContextHolder.getContext();
    executor.execute(
        new DelegatingSecurityContextRunnable(
            () -> {
              ImportResult result = null;
              RuntimeException failure = null;
              try (InputStream in = Files.newInputStream(source)) {
                result =
                    request.dryRun()
                        ? imports.importFile(request, in)
                        : runAsJob(ui, request, in, progress);
              } catch (IOException e) {
                failure = new UncheckedIOException(e);
              } catch (RuntimeException e) {
                failure = e;
              }
              ImportResult ended = result;
              RuntimeException failed = failure;
              try {
                ui.access(() -> done.finished(ended, failed));
              } catch (UIDetachedException e) {
                LOG.info("import of {} finished after its screen was closed", request.fileName());
                UploadFiles.deleteQuietly(source);
              }
            },
            context));
  }

  private ImportResult runAsJob(
      UI ui, ImportRequest request, InputStream in, Consumer<String> progress) {
    long batchId = imports.startImport(request, in);
    while (true) {
      ImportStatus status = imports.importStatus(batchId).orElseThrow();
      if (status.finished()) {
        if (status.result() == null) {
          throw new IllegalStateException("import batch " + batchId + " " + status.state());
        }
        return status.result();
      }
      String text =
          String.format("Batch #%d %s: %,d rows read…", batchId, status.state(), status.rowsRead());
      try {
        ui.access(() -> progress.accept(text));
        Thread.sleep(pollMs / 2);
      } catch (UIDetachedException e) {
        return imports.importStatus(batchId).map(ImportStatus::result).orElse(null);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
  }
}

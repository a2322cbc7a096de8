package dev.tandem.ingest.ui;

import dev.tandem.ingest.ImportService;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** An uploaded file spooled to a temporary file within the import limit, and what it looks like. */
final class UploadFiles {

  private static final Logger LOG = LoggerFactory.getLogger(UploadFiles.class);
  private static final int HEAD = 8192;

  /** A spooled upload: its file (null when it was over the limit and is gone) and bytes read. */
  record Spooled(Path file, long size) {}

  private UploadFiles() {}

  /** Copies {@code in} to a temporary file, refusing (deleting) more than {@code maxBytes}. */
  static Spooled spool(InputStream upload, long maxBytes) throws IOException {
    Path tmp = Files.createTempFile("tandem-import-", ".upload");
    long copied;
    try (InputStream in = upload;
        OutputStream out = Files.newOutputStream(tmp)) {
      copied = copyAtMost(in, out, maxBytes + 1);
    } catch (IOException | RuntimeException e) {
      Files.deleteIfExists(tmp);
      throw e;
    }
    if (copied > maxBytes) {
      Files.deleteIfExists(tmp);
      return new Spooled(null, copied);
    }
    return new Spooled(tmp, copied);
  }

  /** The format the start of the file shows, or null. */
  static String detect(Path tmp) {
    try (InputStream in = Files.newInputStream(tmp)) {
      byte[] head = in.readNBytes(HEAD);
      return ImportService.detectFormat(head, head.length).orElse(null);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static void deleteQuietly(Path path) {
    try {
      Files.deleteIfExists(path);
    } catch (IOException e) {
      LOG.warn("could not delete {}", path, e);
    }
  }

  static String megabytes(long bytes) {
    return bytes % (1024 * 1024) == 0
        ? bytes / (1024 * 1024) + " MB"
        : String.format("%,d bytes", bytes);
  }

  private static long copyAtMost(InputStream in, OutputStream out, long limit) throws IOException {
    byte[] buffer = new byte[1 << 16];
    long total = 0;
    int n;
    while (total < limit
        && (n = in.read(buffer, 0, (int) Math.min(buffer.length, limit - total))) > 0) {
      out.write(buffer, 0, n);
      total += n;
    }
    return total;
  }
}

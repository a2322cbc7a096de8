package dev.tandem.ingest;

import dev.tandem.ingest.format.FormatParser;
import dev.tandem.ingest.format.Formats;
import dev.tandem.ingest.format.ParseContext;
import dev.tandem.ingest.format.RowSink;
import java.io.BufferedInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * An import's file as the pipeline reads it: within the size limit, hashed whole (SHA-256), and
 * refused with a file-level error when empty, binary or not UTF-8.
 */
final class ImportFile {

  private static final int HEAD = 8192;

  private ImportFile() {}

  /**
   * Reads {@code body} (at most {@code maxBytes}, else {@link ImportTooLargeException}) through
   * {@code parser} into {@code rows}; returns the SHA-256 of the whole body, in hex.
   */
  static String read(
      FormatParser parser, ParseContext context, InputStream body, long maxBytes, RowSink rows) {
    MessageDigest sha = sha256();
    try (InputStream in =
        new BufferedInputStream(
            new DigestInputStream(new LimitedInputStream(body, maxBytes), sha), 1 << 16)) {
      parse(parser, context, in, rows);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return HexFormat.of().formatHex(sha.digest());
  }

  /** Parses the stream; file-level problems (empty, binary, not UTF-8) are fatal errors. */
  private static void parse(FormatParser parser, ParseContext context, InputStream in, RowSink rows)
      throws IOException {
    in.mark(HEAD);
    byte[] head = in.readNBytes(HEAD);
    in.reset();
    if (head.length == 0
        || new String(head, StandardCharsets.UTF_8).replace("\uFEFF", "").isBlank()) {
      rows.error(0, "file", "the file is empty; expected " + parser.description());
    } else if (Formats.looksBinary(head, head.length)) {
      rows.error(0, "file", "the file is binary, not text; expected " + parser.description());
    } else {
      try {
        // The parser closes its reader; the rest of the stream is still read below.
        parser.parse(Formats.utf8(new KeepOpen(in)), context, rows);
      } catch (CharacterCodingException e) {
        rows.error(
            0, "file", "the file is not UTF-8 text (binary or another encoding); save it as UTF-8");
      }
    }
    // Read what the parser left so the SHA-256 covers the whole file and the size limit holds.
    in.transferTo(OutputStream.nullOutputStream());
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static final class KeepOpen extends FilterInputStream {
    KeepOpen(InputStream in) {
      super(in);
    }

    @Override
    public void close() {}
  }
}

package dev.tandem.ingest;

import dev.tandem.ingest.format.ParsedRow;
import java.time.LocalDate;

/**
 * The keys of a file's usage and change rows seen so far, to find a line that repeats an earlier
 * one while streaming. A key is kept as a 128-bit hash with its first line (20 bytes per row in an
 * open-addressing table at most half full): a million-row file needs about 50 MB, not a map of
 * strings.
 */
final class DuplicateKeys {

  private long[] high = new long[1 << 12];
  private long[] low = new long[1 << 12];
  private long[] lines = new long[1 << 12];
  private int size;

  /** The first line with the same key as {@code row}, or -1 when the key is new (then kept). */
  long firstLineOf(ParsedRow row) {
    String identity;
    String tool;
    LocalDate date;
    String discriminator;
    if (row instanceof ParsedRow.Usage u) {
      identity = u.identity();
      tool = u.tool();
      date = u.day() == null ? u.weekStart() : u.day();
      discriminator = u.discriminator();
    } else if (row instanceof ParsedRow.Change c) {
      identity = c.email();
      tool = c.attribution();
      date = c.weekStart();
      discriminator = "";
    } else {
      return -1;
    }
    long h1 = 0x9E3779B97F4A7C15L;
    long h2 = 0xC2B2AE3D27D4EB4FL;
    for (String part : new String[] {identity, tool, discriminator == null ? "" : discriminator}) {
      for (int i = 0; i < part.length(); i++) {
        char c = part.charAt(i);
        h1 = (h1 ^ c) * 0x100000001B3L;
        h2 = Long.rotateLeft(h2 ^ (c * 0xFF51AFD7ED558CCDL), 31) * 0xC4CEB9FE1A85EC53L;
      }
      h1 = (h1 ^ 0x1F) * 0x100000001B3L;
      h2 = Long.rotateLeft(h2 ^ 0x1F, 31) * 0xC4CEB9FE1A85EC53L;
    }
    long day = date.toEpochDay();
    h1 = mix(h1 ^ day);
    h2 = mix(h2 + day * 0x9E3779B97F4A7C15L);
    return putIfAbsent(h1, h2, row.line());
  }

  private long putIfAbsent(long h1, long h2, long line) {
    if (size * 2 >= high.length) {
      grow();
    }
    int mask = high.length - 1;
    int i = (int) (h1 ^ (h1 >>> 32)) & mask;
    while (lines[i] != 0) {
      if (high[i] == h1 && low[i] == h2) {
        return lines[i];
      }
      i = (i + 1) & mask;
    }
    high[i] = h1;
    low[i] = h2;
    lines[i] = line;
    size++;
    return -1;
  }

  private void grow() {
    long[] oldHigh = high;
    long[] oldLow = low;
    long[] oldLines = lines;
    high = new long[oldHigh.length * 2];
    low = new long[oldHigh.length * 2];
    lines = new long[oldHigh.length * 2];
    size = 0;
    for (int i = 0; i < oldHigh.length; i++) {
      if (oldLines[i] != 0) {
        putIfAbsent(oldHigh[i], oldLow[i], oldLines[i]);
      }
    }
  }

  private static long mix(long z) {
    z = (z ^ (z >>> 33)) * 0xFF51AFD7ED558CCDL;
    z = (z ^ (z >>> 33)) * 0xC4CEB9FE1A85EC53L;
    return z ^ (z >>> 33);
  }
}

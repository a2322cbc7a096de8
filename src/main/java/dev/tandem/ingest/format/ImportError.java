package dev.tandem.ingest.format;

import org.springframework.modulith.NamedInterface;

/**
 * One problem with an imported file: the line (for JSON, the line where the record starts; 0 for
 * the file as a whole), the field, and what was wrong and expected.
 *
 * <p>Part of the import's public results ({@code ImportResult}), so other modules may name it.
 */
@NamedInterface("errors")
public record ImportError(long line, String field, String message) {

  @Override
  public String toString() {
    return (line > 0 ? "line " + line + ", " : "") + "field " + field + ": " + message;
  }
}

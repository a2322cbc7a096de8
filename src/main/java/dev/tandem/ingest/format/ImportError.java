package dev.tandem.ingest.format;

/**
 * One problem with an imported file: the line (for JSON, the line where the record starts; 0 for
 * the file as a whole), the field, and what was wrong and expected.
 */
public record ImportError(long line, String field, String message) {

  @Override
  public String toString() {
    return (line > 0 ? "line " + line + ", " : "") + "field " + field + ": " + message;
  }
}

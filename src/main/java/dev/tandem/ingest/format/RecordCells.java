package dev.tandem.ingest.format;

import dev.tandem.base.Emails;
import dev.tandem.base.Excerpt;
import dev.tandem.base.PlausibleDates;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The cells of one record as far as every value needs: where a problem goes (line, field and a
 * prefix such as "record 3: "), empty and over-long text, emails and plausible dates. {@link Cells}
 * adds the typed values.
 */
abstract class RecordCells {

  private final long line;
  private final String prefix;
  private final RowSink sink;
  private boolean ok = true;

  /** {@code prefix} starts every message, e.g. "record 3: " for JSON arrays. */
  RecordCells(long line, String prefix, RowSink sink) {
    this.line = line;
    this.prefix = prefix;
    this.sink = sink;
  }

  boolean ok() {
    return ok;
  }

  long line() {
    return line;
  }

  void error(String field, String message) {
    ok = false;
    sink.error(line, field, prefix + message);
  }

  static boolean blank(String value) {
    return value == null || value.isBlank();
  }

  /** The trimmed value, or an error when it is empty or longer than {@code max}. */
  String required(String field, String value, int max) {
    if (blank(value)) {
      error(field, "is empty; a value is required");
      return null;
    }
    return limited(field, value.trim(), max);
  }

  /** The trimmed value, null when empty, or an error when longer than {@code max}. */
  String optional(String field, String value, int max) {
    return blank(value) ? null : limited(field, value.trim(), max);
  }

  /** {@code value}, or null with an error when it is longer than {@code max} characters. */
  String limited(String field, String value, int max) {
    if (value != null && value.length() > max) {
      error(field, "is " + value.length() + " characters long; at most " + max + " are allowed");
      return null;
    }
    return value;
  }

  /** An email, normalised and checked by the one rule of {@link Emails}. */
  String email(String field, String value) {
    if (blank(value)) {
      error(field, "is empty; a value is required");
      return null;
    }
    Emails.Checked checked = Emails.check(value);
    if (!checked.ok()) {
      error(field, checked.problem());
      return null;
    }
    return checked.email();
  }

  /** A short scalar cell (number, date, boolean, keyword): null with an error when too long. */
  String scalar(String field, String value) {
    return limited(field, value.trim(), FieldLimits.SCALAR);
  }

  /** {@code date}, or null with an error when its year is implausible ({@link PlausibleDates}). */
  LocalDate plausible(String field, LocalDate date) {
    return unless(field, date, PlausibleDates.problem(date));
  }

  OffsetDateTime plausible(String field, OffsetDateTime time) {
    return unless(field, time, PlausibleDates.problem(time));
  }

  private <T> T unless(String field, T value, Optional<String> problem) {
    problem.ifPresent(p -> error(field, p));
    return problem.isPresent() ? null : value;
  }

  /** Whether the cell is empty; an error ("is empty; expected ...") when it is required. */
  boolean empty(String field, String value, boolean required, Supplier<String> expected) {
    if (required && blank(value)) {
      error(field, "is empty; expected " + expected.get());
    }
    return blank(value);
  }

  static String quote(String value) {
    return Excerpt.quote(value);
  }
}

package dev.tandem.ingest.format;

import dev.tandem.base.Emails;
import dev.tandem.base.Excerpt;
import dev.tandem.base.PlausibleDates;
import dev.tandem.base.Vocabulary;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the cells of one record, reporting each problem with line and field instead of guessing: a
 * value that is not what the field needs is an error, never a zero.
 */
final class Cells {

  private static final Pattern DIGITS = Pattern.compile("\\d{1,18}");
  private static final Pattern ISO_DATE = Pattern.compile("(\\d{4})[-/](\\d{1,2})[-/](\\d{1,2})");
  private static final Pattern US_DATE = Pattern.compile("(\\d{1,2})[-/](\\d{1,2})[-/](\\d{4})");

  private final long line;
  private final String prefix;
  private final RowSink sink;
  private boolean ok = true;

  Cells(long line, RowSink sink) {
    this(line, "", sink);
  }

  /** {@code prefix} starts every message, e.g. "record 3: " for JSON arrays. */
  Cells(long line, String prefix, RowSink sink) {
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
  private String scalar(String field, String value) {
    return limited(field, value.trim(), FieldLimits.SCALAR);
  }

  /** {@code date}, or null with an error when its year is implausible ({@link PlausibleDates}). */
  LocalDate plausible(String field, LocalDate date) {
    var problem = PlausibleDates.problem(date);
    if (problem.isPresent()) {
      error(field, problem.get());
      return null;
    }
    return date;
  }

  OffsetDateTime plausible(String field, OffsetDateTime time) {
    var problem = PlausibleDates.problem(time);
    if (problem.isPresent()) {
      error(field, problem.get());
      return null;
    }
    return time;
  }

  static String quote(String value) {
    return Excerpt.quote(value);
  }

  /** A non-negative whole number; null when empty and not required. */
  Long count(String field, String value, boolean required) {
    if (blank(value)) {
      if (required) {
        error(field, "is empty; expected a whole number of 0 or more");
      }
      return null;
    }
    String v = value.trim();
    if (!DIGITS.matcher(v).matches()) {
      error(field, quote(v) + " is not a whole number of 0 or more");
      return null;
    }
    return Long.parseLong(v);
  }

  /** A non-negative decimal number (Kiro credits); null when empty. */
  BigDecimal decimal(String field, String value) {
    if (blank(value)) {
      return null;
    }
    if (scalar(field, value) == null) {
      return null;
    }
    try {
      BigDecimal d = new BigDecimal(value.trim());
      if (d.signum() < 0) {
        error(field, quote(value.trim()) + " is negative; expected a number of 0 or more");
        return null;
      }
      return d;
    } catch (NumberFormatException e) {
      error(field, quote(value.trim()) + " is not a number; expected e.g. 12.5");
      return null;
    }
  }

  /** {@code a + b}, or null with an error naming {@code field} when the sum is too large. */
  Long total(String field, long a, long b) {
    try {
      return Math.addExact(a, b);
    } catch (ArithmeticException e) {
      error(field, "adds up to more than " + Long.MAX_VALUE + "; expected a smaller count");
      return null;
    }
  }

  /**
   * A money or credit amount as stored (at most 14 whole digits, 4 decimals, rounded half up); null
   * stays null.
   */
  BigDecimal amount(String field, BigDecimal value) {
    if (value == null) {
      return null;
    }
    if (value.precision() - value.scale() > 14) {
      error(
          field, quote(value.toPlainString()) + " is too large; expected at most 14 whole digits");
      return null;
    }
    return value.setScale(4, java.math.RoundingMode.HALF_UP);
  }

  Boolean bool(String field, String value) {
    if (blank(value)) {
      return null;
    }
    switch (value.trim().toLowerCase(Locale.ROOT)) {
      case "true", "yes", "1":
        return true;
      case "false", "no", "0":
        return false;
      default:
        error(field, quote(value.trim()) + " is not a boolean; expected true/false, yes/no or 1/0");
        return null;
    }
  }

  /** {@code YYYY-MM-DD}. */
  LocalDate isoDate(String field, String value, boolean required) {
    if (blank(value)) {
      if (required) {
        error(field, "is empty; expected a date as YYYY-MM-DD");
      }
      return null;
    }
    if (scalar(field, value) == null) {
      return null;
    }
    try {
      return plausible(field, LocalDate.parse(value.trim()));
    } catch (DateTimeParseException e) {
      error(field, quote(value.trim()) + " is not a date; expected YYYY-MM-DD");
      return null;
    }
  }

  /**
   * Vendor dates: {@code YYYY-MM-DD}, {@code YYYY/MM/DD}, {@code MM-DD-YYYY}, {@code MM/DD/YYYY}.
   */
  LocalDate vendorDate(String field, String value) {
    String v = required(field, value, FieldLimits.SCALAR);
    if (v == null) {
      return null;
    }
    try {
      Matcher iso = ISO_DATE.matcher(v);
      if (iso.matches()) {
        return plausible(
            field,
            LocalDate.of(
                Integer.parseInt(iso.group(1)),
                Integer.parseInt(iso.group(2)),
                Integer.parseInt(iso.group(3))));
      }
      Matcher us = US_DATE.matcher(v);
      if (us.matches()) {
        return plausible(
            field,
            LocalDate.of(
                Integer.parseInt(us.group(3)),
                Integer.parseInt(us.group(1)),
                Integer.parseInt(us.group(2))));
      }
    } catch (java.time.DateTimeException e) {
      // falls through to the error below: the numbers do not form a real date
    }
    error(field, quote(v) + " is not a date; expected YYYY-MM-DD, YYYY/MM/DD or MM/DD/YYYY");
    return null;
  }

  OffsetDateTime timestamp(String field, String value, boolean required) {
    if (blank(value)) {
      if (required) {
        error(field, "is empty; expected an ISO-8601 time such as 2025-12-03T09:12:00Z");
      }
      return null;
    }
    if (scalar(field, value) == null) {
      return null;
    }
    try {
      return plausible(field, OffsetDateTime.parse(value.trim()));
    } catch (DateTimeParseException e) {
      error(
          field,
          quote(value.trim())
              + " is not an ISO-8601 time with offset; expected e.g. 2025-12-03T09:12:00Z");
      return null;
    }
  }

  /** One of {@code allowed}; null when empty and not required. */
  /** A word of a closed vocabulary in any case; null (and a line error) when not one of them. */
  <E extends Enum<E> & Vocabulary> E oneOf(
      String field, String value, Class<E> type, boolean required) {
    if (blank(value)) {
      if (required) {
        error(field, "is empty; expected one of " + Vocabulary.expected(type));
      }
      return null;
    }
    try {
      return Vocabulary.parse(type, value);
    } catch (IllegalArgumentException notOne) {
      error(field, notOne.getMessage());
      return null;
    }
  }

  String tool(String field, String value, Set<String> tools, boolean required) {
    if (blank(value)) {
      if (required) {
        error(field, "is empty; expected a tool key: " + String.join(", ", sorted(tools)));
      }
      return null;
    }
    String v = value.trim().toLowerCase(Locale.ROOT);
    if (!tools.contains(v)) {
      error(
          field,
          "unknown tool "
              + quote(value.trim())
              + "; expected one of "
              + String.join(", ", sorted(tools))
              + " (add it on the Tools screen first)");
      return null;
    }
    return v;
  }

  private static java.util.List<String> sorted(Set<String> values) {
    return values.stream().sorted().toList();
  }
}

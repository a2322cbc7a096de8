package dev.tandem.ingest.format;

import dev.tandem.base.Vocabulary;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the cells of one record, reporting each problem with line and field instead of guessing: a
 * value that is not what the field needs is an error, never a zero.
 */
final class Cells extends RecordCells {

  private static final Pattern DIGITS = Pattern.compile("\\d{1,18}");
  private static final Pattern ISO_DATE = Pattern.compile("(\\d{4})[-/](\\d{1,2})[-/](\\d{1,2})");
  private static final Pattern US_DATE = Pattern.compile("(\\d{1,2})[-/](\\d{1,2})[-/](\\d{4})");

  Cells(long line, RowSink sink) {
    this(line, "", sink);
  }

  /** {@code prefix} starts every message, e.g. "record 3: " for JSON arrays. */
  Cells(long line, String prefix, RowSink sink) {
    super(line, prefix, sink);
  }

  /** A non-negative whole number; null when empty and not required. */
  Long count(String field, String value, boolean required) {
    if (empty(field, value, required, () -> "a whole number of 0 or more")) {
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
    if (blank(value) || scalar(field, value) == null) {
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
    return temporal(
        field,
        value,
        required,
        () -> "a date as YYYY-MM-DD",
        " is not a date; expected YYYY-MM-DD",
        v -> plausible(field, LocalDate.parse(v)));
  }

  /** A date or time: null when empty, else {@code parse} of it, or an error ending in notIt. */
  private <T> T temporal(
      String field,
      String value,
      boolean required,
      Supplier<String> expected,
      String notIt,
      Function<String, T> parse) {
    if (empty(field, value, required, expected) || scalar(field, value) == null) {
      return null;
    }
    try {
      return parse.apply(value.trim());
    } catch (DateTimeParseException e) {
      error(field, quote(value.trim()) + notIt);
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
        return plausible(field, date(iso, 1, 2, 3));
      }
      Matcher us = US_DATE.matcher(v);
      if (us.matches()) {
        return plausible(field, date(us, 3, 1, 2));
      }
    } catch (java.time.DateTimeException e) {
      // falls through to the error below: the numbers do not form a real date
    }
    error(field, quote(v) + " is not a date; expected YYYY-MM-DD, YYYY/MM/DD or MM/DD/YYYY");
    return null;
  }

  /** The date of a matched pattern's groups for year, month and day. */
  private static LocalDate date(Matcher m, int year, int month, int day) {
    return LocalDate.of(
        Integer.parseInt(m.group(year)),
        Integer.parseInt(m.group(month)),
        Integer.parseInt(m.group(day)));
  }

  OffsetDateTime timestamp(String field, String value, boolean required) {
    return temporal(
        field,
        value,
        required,
        () -> "an ISO-8601 time such as 2025-12-03T09:12:00Z",
        " is not an ISO-8601 time with offset; expected e.g. 2025-12-03T09:12:00Z",
        v -> plausible(field, OffsetDateTime.parse(v)));
  }

  /** A word of a closed vocabulary in any case; null (and a line error) when not one of them. */
  <E extends Enum<E> & Vocabulary> E oneOf(
      String field, String value, Class<E> type, boolean required) {
    if (empty(field, value, required, () -> "one of " + Vocabulary.expected(type))) {
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
    if (empty(field, value, required, () -> "a tool key: " + String.join(", ", sorted(tools)))) {
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

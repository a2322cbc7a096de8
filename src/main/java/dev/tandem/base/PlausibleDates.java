package dev.tandem.base;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Optional;

/**
 * The one rule for dates a person or a file may give: years from {@value #MIN_YEAR} to {@value
 * #MAX_YEAR}. Anything else ({@code 0000-01-01}, {@code +99999-01-01}, {@code 0000-W01}) is a typo
 * or an attack, never a real roster date, usage day or incident time.
 */
public final class PlausibleDates {

  public static final int MIN_YEAR = 1970;
  public static final int MAX_YEAR = 2100;

  private PlausibleDates() {}

  public static boolean plausible(int year) {
    return year >= MIN_YEAR && year <= MAX_YEAR;
  }

  /** What is wrong with the year, or empty when it is plausible. */
  public static Optional<String> problem(int year) {
    return plausible(year)
        ? Optional.empty()
        : Optional.of(
            "year "
                + year
                + " is outside "
                + MIN_YEAR
                + "–"
                + MAX_YEAR
                + "; expected a date from "
                + MIN_YEAR
                + " to "
                + MAX_YEAR);
  }

  public static Optional<String> problem(LocalDate date) {
    return date == null ? Optional.empty() : problem(date.getYear());
  }

  public static Optional<String> problem(OffsetDateTime time) {
    return time == null ? Optional.empty() : problem(time.getYear());
  }

  /** Throws a {@link ValidationException} naming {@code field} when the date is implausible. */
  public static void check(String field, LocalDate date) {
    problem(date).ifPresent(p -> fail(field, p));
  }

  /** Throws a {@link ValidationException} naming {@code field} when the time is implausible. */
  public static void check(String field, OffsetDateTime time) {
    problem(time).ifPresent(p -> fail(field, p));
  }

  private static void fail(String field, String problem) {
    throw ValidationException.of(field, problem);
  }
}

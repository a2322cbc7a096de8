package dev.tandem.base;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.time.temporal.IsoFields;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** An ISO-8601 week (Monday to Sunday), written {@code 2026-W48}. */
public record IsoWeek(int year, int week) implements Comparable<IsoWeek> {

  private static final Pattern FORMAT = Pattern.compile("(\\d{4})-W(\\d{2})");

  public IsoWeek {
    if (week < 1 || week > weeksIn(year)) {
      throw new IllegalArgumentException(
          "week " + week + " does not exist in ISO year " + year + " (1–" + weeksIn(year) + ")");
    }
  }

  /** The week that contains the given day. */
  public static IsoWeek of(LocalDate day) {
    return new IsoWeek(
        day.get(IsoFields.WEEK_BASED_YEAR), day.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
  }

  /** The week that starts on the given Monday. */
  public static IsoWeek starting(LocalDate monday) {
    if (monday.getDayOfWeek() != DayOfWeek.MONDAY) {
      throw new IllegalArgumentException(monday + " is not a Monday");
    }
    return of(monday);
  }

  /**
   * Parses {@code YYYY-Www} with a plausible year ({@link PlausibleDates}); throws {@link
   * DateTimeParseException} with the expected form.
   */
  public static IsoWeek parse(String text) {
    Matcher m = FORMAT.matcher(text == null ? "" : text.trim());
    if (!m.matches()) {
      throw new DateTimeParseException(
          "expected a week as YYYY-Www, e.g. 2026-W48", String.valueOf(text), 0);
    }
    int year = Integer.parseInt(m.group(1));
    int week = Integer.parseInt(m.group(2));
    java.util.Optional<String> implausible = PlausibleDates.problem(year);
    if (implausible.isPresent()) {
      throw new DateTimeParseException(implausible.get(), text, 0);
    }
    if (week < 1 || week > weeksIn(year)) {
      throw new DateTimeParseException(
          "week " + week + " does not exist in " + year + " (it has " + weeksIn(year) + " weeks)",
          text,
          0);
    }
    return new IsoWeek(year, week);
  }

  /** 52 or 53: a year has 53 ISO weeks when 28 December falls in week 53. */
  public static int weeksIn(int year) {
    return LocalDate.of(year, 12, 28).get(IsoFields.WEEK_OF_WEEK_BASED_YEAR);
  }

  public LocalDate monday() {
    return LocalDate.of(year, 1, 4)
        .with(IsoFields.WEEK_OF_WEEK_BASED_YEAR, week)
        .with(DayOfWeek.MONDAY);
  }

  public LocalDate sunday() {
    return monday().plusDays(6);
  }

  public IsoWeek plus(long weeks) {
    return of(monday().plusWeeks(weeks));
  }

  public IsoWeek minus(long weeks) {
    return plus(-weeks);
  }

  /** Number of weeks from this week to {@code other} (positive when other is later). */
  public long weeksUntil(IsoWeek other) {
    return ChronoUnit.WEEKS.between(monday(), other.monday());
  }

  @Override
  public int compareTo(IsoWeek o) {
    return monday().compareTo(o.monday());
  }

  @Override
  public String toString() {
    return String.format("%04d-W%02d", year, week);
  }
}

package dev.tandem.base;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * The one definition of the weeks a report may cover, for both APIs and every screen: the last
 * complete week (from the clock, in the organisation's zone), the default range (the last {@value
 * #DEFAULT_WEEKS} complete weeks), how {@code from}/{@code to} are read, and the cap of {@value
 * #MAX_WEEKS} weeks, so that no request builds work that grows with a range someone typed.
 */
public final class ReportingPeriod {

  /** Weeks shown when no range is asked for. */
  public static final int DEFAULT_WEEKS = 26;

  /** The longest range anything may ask for (five years). */
  public static final int MAX_WEEKS = 260;

  private final IsoWeek lastComplete;

  private ReportingPeriod(IsoWeek lastComplete) {
    this.lastComplete = lastComplete;
  }

  /** The period as of now: the last complete week is the one before today's in {@code zone}. */
  public static ReportingPeriod at(Clock clock, ZoneId zone) {
    return new ReportingPeriod(IsoWeek.of(LocalDate.now(clock.withZone(zone))).minus(1));
  }

  /** A period whose last complete week is given (for tests and fixed screens). */
  public static ReportingPeriod endingWith(IsoWeek lastComplete) {
    return new ReportingPeriod(lastComplete);
  }

  /** The most recent week that has ended. */
  public IsoWeek lastCompleteWeek() {
    return lastComplete;
  }

  /** The last {@value #DEFAULT_WEEKS} complete weeks. */
  public WeekRange defaultRange() {
    return WeekRange.ending(lastComplete, DEFAULT_WEEKS);
  }

  /** The weeks a picker offers: the last {@value #MAX_WEEKS} complete weeks, newest first. */
  public java.util.List<IsoWeek> choosableWeeks() {
    java.util.List<IsoWeek> weeks =
        new java.util.ArrayList<>(WeekRange.ending(lastComplete, MAX_WEEKS).weeks());
    java.util.Collections.reverse(weeks);
    return weeks;
  }

  /**
   * Reads {@code from}/{@code to} of a request ({@code YYYY-Www}): neither given → the default
   * range; {@code to} alone → the {@value #DEFAULT_WEEKS} weeks ending there; {@code from} alone is
   * an error on {@code to}. Every problem names its field; a range longer than {@value #MAX_WEEKS}
   * weeks is refused. Throws {@link ValidationException}.
   */
  public WeekRange parse(String from, String to) {
    boolean hasFrom = !blank(from);
    boolean hasTo = !blank(to);
    if (!hasFrom && !hasTo) {
      return defaultRange();
    }
    ValidationException.Collector problems = new ValidationException.Collector();
    IsoWeek first = hasFrom ? week("from", from, problems) : null;
    IsoWeek last = hasTo ? week("to", to, problems) : null;
    problems.check(
        hasTo || !hasFrom, "to", "is missing; expected a week as YYYY-Www to go with 'from'");
    problems.throwIfAny();
    if (first == null) {
      first = last.minus(DEFAULT_WEEKS - 1L);
    }
    if (first.compareTo(last) > 0) {
      throw ValidationException.of(
          "from", "the range starts (" + first + ") after it ends (" + last + ")");
    }
    WeekRange range = new WeekRange(first, last);
    check(range);
    return range;
  }

  /**
   * Reads {@code from}/{@code to} of a screen's URL, never failing: a missing, malformed or
   * implausible week, or one after the last complete week, falls back to the default, a range that
   * starts after it ends becomes the default range, and one longer than the cap keeps its end and
   * starts {@value #MAX_WEEKS} weeks before.
   */
  public WeekRange parseLeniently(String from, String to) {
    IsoWeek last = lenient(to).orElse(defaultRange().to());
    IsoWeek first = lenient(from).orElse(last.minus(DEFAULT_WEEKS - 1L));
    if (first.compareTo(last) > 0) {
      return defaultRange();
    }
    if (first.weeksUntil(last) >= MAX_WEEKS) {
      first = last.minus(MAX_WEEKS - 1L);
    }
    return new WeekRange(first, last);
  }

  /** Refuses (400) a range longer than {@value #MAX_WEEKS} weeks: the one cap. */
  public static void check(WeekRange range) {
    long weeks = range.from().weeksUntil(range.to()) + 1;
    if (weeks > MAX_WEEKS) {
      throw ValidationException.of(
          "from/to",
          "a range may span at most "
              + MAX_WEEKS
              + " weeks; "
              + range.from()
              + " to "
              + range.to()
              + " spans "
              + weeks);
    }
  }

  private static IsoWeek week(String field, String text, ValidationException.Collector problems) {
    try {
      return IsoWeek.parse(text);
    } catch (DateTimeParseException e) {
      problems.check(false, field, e.getMessage());
      return null;
    }
  }

  private Optional<IsoWeek> lenient(String text) {
    if (blank(text)) {
      return Optional.empty();
    }
    try {
      return Optional.of(IsoWeek.parse(text)).filter(w -> w.compareTo(lastComplete) <= 0);
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }

  private static boolean blank(String text) {
    return text == null || text.isBlank();
  }
}

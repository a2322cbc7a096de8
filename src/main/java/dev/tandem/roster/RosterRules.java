package dev.tandem.roster;

import dev.tandem.base.ValidationException;
import java.util.Locale;
import java.util.function.LongPredicate;
import java.util.regex.Pattern;

/** What a developer or team must hold to be saved: trimmed fields checked, every problem named. */
final class RosterRules {

  /** developer.name and team.name. */
  static final int MAX_NAME = 200;

  private static final Pattern TEAM_KEY = Pattern.compile("[a-z0-9][a-z0-9-]{0,99}");

  private RosterRules() {}

  /** The developer to save (email normalised, name trimmed); throws ValidationException. */
  static Developer developer(Developer input, LongPredicate teamExists) {
    dev.tandem.base.Emails.Checked email =
        input.email() == null || input.email().isBlank()
            ? new dev.tandem.base.Emails.Checked(
                null, "expected an email such as ana.silva@example.com")
            : dev.tandem.base.Emails.check(input.email());
    Developer d =
        new Developer(
            input.id(),
            email.email(),
            input.name() == null ? null : input.name().trim(),
            input.teamId(),
            input.teamKey(),
            input.startedOn(),
            input.leftOn(),
            input.excluded());
    new ValidationException.Collector()
        .check(email.ok(), "email", String.valueOf(email.problem()))
        .check(d.name() != null && !d.name().isEmpty(), "name", "a display name is required")
        .check(
            d.name() == null || d.name().length() <= MAX_NAME,
            "name",
            "at most " + MAX_NAME + " characters")
        .check(
            dev.tandem.base.PlausibleDates.problem(d.startedOn()).isEmpty(),
            "startedOn",
            dev.tandem.base.PlausibleDates.problem(d.startedOn()).orElse(""))
        .check(
            dev.tandem.base.PlausibleDates.problem(d.leftOn()).isEmpty(),
            "leftOn",
            dev.tandem.base.PlausibleDates.problem(d.leftOn()).orElse(""))
        .check(teamExists.test(d.teamId()), "team", "choose an existing team")
        .check(d.startedOn() != null, "startedOn", "a start date is required")
        .check(
            d.leftOn() == null || d.startedOn() == null || !d.leftOn().isBefore(d.startedOn()),
            "leftOn",
            "the last day cannot be before the first day")
        .throwIfAny();
    return d;
  }

  /** The team to save (key trimmed and lower-cased, name trimmed); throws ValidationException. */
  static Team team(Team input, LongPredicate teamExists) {
    String key = input.key() == null ? null : input.key().trim().toLowerCase(Locale.ROOT);
    Team t =
        new Team(
            input.id(), key, input.name() == null ? null : input.name().trim(), input.parentId());
    new ValidationException.Collector()
        .check(
            key != null && TEAM_KEY.matcher(key).matches(),
            "key",
            "expected lower-case letters, digits and '-', e.g. payments")
        .check(t.name() != null && !t.name().isEmpty(), "name", "a name is required")
        .check(
            t.name() == null || t.name().length() <= MAX_NAME,
            "name",
            "at most " + MAX_NAME + " characters")
        .check(
            t.parentId() == null || teamExists.test(t.parentId()),
            "parent",
            "choose an existing team")
        .throwIfAny();
    return t;
  }
}

package dev.tandem.adoption;

import java.time.LocalDate;

/**
 * A developer in headcount with no AI use in the last 4 complete weeks; {@code lastAiWeek} null =
 * never.
 */
public record InactiveDeveloper(
    long id, String name, String email, String teamKey, LocalDate lastAiWeek) {}

package dev.tandem.costs;

/** A developer with active weeks of a tool in the period and no seat of it on any of its days. */
public record UserWithoutSeat(
    String name, String email, String team, String tool, int activeWeeks) {}

package dev.tandem.ingest;

import java.time.LocalDate;

/** A vendor identity not on the roster, with the rows held for it until it is mapped. */
public record UnmatchedIdentity(
    String source, String externalId, int rows, LocalDate firstDay, LocalDate lastDay) {}

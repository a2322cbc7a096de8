package dev.tandem.adoption;

import java.util.List;

/** Some of the developers without AI use (a page), and how many there are in all. */
public record InactiveDevelopers(List<InactiveDeveloper> rows, int total) {}

package dev.tandem.alerts;

/** An alert or digest as one recipient may read it: a subject, plain text, and a link. */
public record Message(String kind, String subject, String text, String link) {}

package dev.tandem.ingest;

/** What to import: the format key, mode, dry run, the file's name and an optional tool key. */
public record ImportRequest(
    String format, ImportMode mode, boolean dryRun, String fileName, String tool) {}

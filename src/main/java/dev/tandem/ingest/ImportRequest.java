package dev.tandem.ingest;

import dev.tandem.base.Excerpt;
import dev.tandem.base.ValidationException;

/**
 * What to import: the format key, mode, dry run, the file's name and an optional tool key. Values
 * longer than their columns (import_batch.format and tool_key 50, file_name 500) are refused here,
 * before anything is written, naming the parameter.
 */
public record ImportRequest(
    String format, ImportMode mode, boolean dryRun, String fileName, String tool) {

  public ImportRequest {
    new ValidationException.Collector()
        .check(
            format == null || format.length() <= 50,
            "format",
            "unknown format " + Excerpt.quote(format))
        .check(
            tool == null || tool.trim().length() <= 50,
            "tool",
            "unknown tool " + Excerpt.quote(tool) + "; a tool key has at most 50 characters")
        .check(
            fileName == null || fileName.length() <= 500,
            "fileName",
            "the file name has "
                + (fileName == null ? 0 : fileName.length())
                + " characters; at most 500 are allowed")
        .throwIfAny();
  }
}

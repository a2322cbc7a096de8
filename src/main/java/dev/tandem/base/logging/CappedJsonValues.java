package dev.tandem.base.logging;

import org.springframework.boot.json.JsonWriter;
import org.springframework.boot.logging.structured.StructuredLoggingJsonMembersCustomizer;

/**
 * Structured (JSON) logs: every string value, the message included, is cut to {@link #MAX}
 * characters, as the text pattern's {@code %.-2000msg} does (set by {@code
 * logging.structured.json.customizer}; the stack trace is limited by {@code
 * logging.structured.json.stacktrace.*}).
 */
public class CappedJsonValues implements StructuredLoggingJsonMembersCustomizer<Object> {

  static final int MAX = 4000;

  @Override
  public void customize(JsonWriter.Members<Object> members) {
    members.applyingValueProcessor(
        JsonWriter.ValueProcessor.of(
            String.class,
            value ->
                value.length() <= MAX
                    ? value
                    : value.substring(0, MAX) + "…(" + value.length() + " chars)"));
  }
}

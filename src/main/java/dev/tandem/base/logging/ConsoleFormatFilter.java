package dev.tandem.base.logging;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.filter.Filter;
import ch.qos.logback.core.spi.FilterReply;

/**
 * Lets {@code logback-spring.xml} keep one console appender for text and one for Spring Boot's
 * structured formats ({@code LOGGING_STRUCTURED_FORMAT_CONSOLE}) without Janino conditionals: each
 * appender passes events only when the format setting is (or is not) given.
 */
public class ConsoleFormatFilter extends Filter<ILoggingEvent> {

  private String format = "";
  private boolean structured;

  public void setFormat(String format) {
    this.format = format == null ? "" : format.trim();
  }

  /** true: this appender writes only when a structured format is set; false: only when not. */
  public void setStructured(boolean structured) {
    this.structured = structured;
  }

  @Override
  public FilterReply decide(ILoggingEvent event) {
    return format.isEmpty() != structured ? FilterReply.NEUTRAL : FilterReply.DENY;
  }
}

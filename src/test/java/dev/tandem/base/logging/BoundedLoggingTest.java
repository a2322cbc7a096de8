package dev.tandem.base.logging;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.LoggerFactory;
import org.springframework.boot.logging.LoggingInitializationContext;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.core.io.support.ResourcePropertySource;
import org.springframework.jdbc.BadSqlGrammarException;
import org.springframework.mock.env.MockEnvironment;

/**
 * logback-spring.xml as Spring Boot loads it, with and without {@code
 * LOGGING_STRUCTURED_FORMAT_CONSOLE}: a log line holding a 1 MB value and a failure whose SQL holds
 * it twice stay a few kilobytes, in text and in JSON.
 */
@ExtendWith(OutputCaptureExtension.class)
class BoundedLoggingTest {

  private static final String MARKER = "bind-value-";
  private final LoggingSystem logging = LoggingSystem.get(getClass().getClassLoader());

  @AfterEach
  void backToTheDefault() {
    start(environment());
  }

  /** The application's own settings (application.properties), as Spring Boot would load them. */
  private static MockEnvironment environment() {
    MockEnvironment environment = new MockEnvironment();
    try {
      environment
          .getPropertySources()
          .addLast(new ResourcePropertySource("classpath:application.properties"));
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    return environment;
  }

  @Test
  void text_lines_cut_the_message_and_each_exception_message_and_keep_the_exception_class(
      CapturedOutput output) {
    start(environment());
    String logged = logHugeFailure(output);
    assertThat(logged.length()).isLessThan(20_000); // of 2.2 MB logged
    assertThat(logged)
        .contains("BadSqlGrammarException", "Caused by: java.sql.SQLException", "chars)")
        .doesNotContain(MARKER.repeat(200))
        .doesNotStartWith("{");
  }

  @Test
  void structured_json_lines_stay_json_and_cut_every_value(CapturedOutput output) throws Exception {
    start(environment().withProperty("logging.structured.format.console", "ecs"));
    String logged = logHugeFailure(output);
    List<String> lines = logged.lines().filter(l -> !l.isBlank()).toList();
    assertThat(lines).hasSize(1);
    JsonNode json = new ObjectMapper().readTree(lines.get(0));
    assertThat(json.get("message").asText())
        .startsWith("search failed for " + MARKER)
        .hasSizeLessThan(4_100);
    assertThat(json.at("/error/type").asText()).contains("BadSqlGrammarException");
    assertThat(logged.length()).isLessThan(25_000);
    assertThat(logged).doesNotContain(MARKER.repeat(500));
  }

  private String logHugeFailure(CapturedOutput output) {
    String value = MARKER.repeat(100_000);
    String sql = "select id from developer where email in (" + value + ")";
    int before = output.getOut().length();
    LoggerFactory.getLogger(BoundedLoggingTest.class)
        .error(
            "search failed for {}",
            value,
            new BadSqlGrammarException("search", sql, new SQLException("Syntax error in " + sql)));
    return output.getOut().substring(before);
  }

  private void start(MockEnvironment environment) {
    logging.cleanUp();
    logging.beforeInitialize();
    logging.initialize(
        new LoggingInitializationContext(environment), "classpath:logback-spring.xml", null);
  }
}

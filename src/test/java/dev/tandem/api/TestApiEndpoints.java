package dev.tandem.api;

import dev.tandem.security.FailingEndpoints;
import java.sql.SQLException;
import org.springframework.boot.test.context.TestComponent;
import org.springframework.jdbc.BadSqlGrammarException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Test-only endpoints inside {@code dev.tandem.api} that fail as a broken statement does, for the
 * error-answer and log-size tests ({@link ErrorResponsesIT}, {@link LogBoundsIT}). Imported by
 * {@link dev.tandem.ApiServerTest}; never scanned.
 */
@TestComponent
@RestController
public class TestApiEndpoints {

  @GetMapping("/api/v1/test-failure")
  String fail() {
    throw new BadSqlGrammarException(
        "lookup",
        FailingEndpoints.SQL,
        new SQLException("Syntax error in " + FailingEndpoints.SQL));
  }

  /** Fails with the request body inside the SQL of the exception, twice (message and cause). */
  @PostMapping("/api/v1/test-echoing-failure")
  String echoingFailure(@RequestBody String value) {
    String sql = "select id from developer where email in (" + value + ")";
    throw new BadSqlGrammarException(
        "search", sql, new SQLException("Syntax error in SQL statement \"" + sql + "\""));
  }
}

package dev.tandem.security;

import java.sql.SQLException;
import org.springframework.boot.test.context.TestComponent;
import org.springframework.jdbc.BadSqlGrammarException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * A test-only endpoint under /api but outside {@code dev.tandem.api}: its failure is answered by
 * the API's exception handler all the same. Imported explicitly; never scanned.
 */
@TestComponent
@RestController
public class FailingEndpoints {

  public static final String SQL = "SELECT password_hash FROM app_user WHERE username = 'admin'";

  @GetMapping("/api/v1/test-failure-outside-api")
  String fail() {
    throw new BadSqlGrammarException("lookup", SQL, new SQLException("Syntax error in " + SQL));
  }
}

package dev.tandem.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLTransientConnectionException;
import org.jooq.exception.DataAccessException;
import org.junit.jupiter.api.Test;

class ApiExceptionHandlerTest {

  private final ApiExceptionHandler handler = new ApiExceptionHandler();

  @Test
  void a_pool_timeout_wrapped_by_jooq_is_a_503_with_retry_after() {
    var wrapped =
        new DataAccessException(
            "SQL [select 1]; Connection is not available",
            new SQLTransientConnectionException("HikariPool-1 - Connection is not available"));

    var response = handler.unexpected(wrapped);

    assertThat(response.getStatusCode().value()).isEqualTo(503);
    assertThat(response.getHeaders().getFirst("Retry-After")).isEqualTo("2");
    assertThat(response.getBody().getDetail()).contains("retry in a few seconds");
  }

  @Test
  void any_other_failure_stays_a_500_with_an_error_id() {
    var response = handler.unexpected(new IllegalStateException("boom"));

    assertThat(response.getStatusCode().value()).isEqualTo(500);
    assertThat(response.getHeaders().getFirst("Retry-After")).isNull();
    assertThat(response.getBody().getProperties()).containsKey("errorId");
  }
}

package dev.tandem.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * When every pooled connection is taken (a long import, a burst of readers), an API request waits
 * for the pool's timeout and then answers 503 with Retry-After, never 500 and never 30 s.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "TANDEM_BOOTSTRAP_TOKEN=it-bootstrap-token",
      "TANDEM_ADMIN_PASSWORD=it-admin-password",
      "spring.datasource.hikari.maximum-pool-size=3",
      "spring.datasource.hikari.minimum-idle=3",
      "spring.datasource.hikari.connection-timeout=300"
    })
class DatabaseBusyIT {

  @LocalServerPort int port;
  @Autowired DataSource dataSource;
  private final HttpClient http = HttpClient.newHttpClient();

  @Test
  void an_exhausted_pool_answers_503_with_retry_after_and_a_problem_then_recovers()
      throws Exception {
    assertThat(get("/api/v1/adoption").statusCode()).isEqualTo(200);

    List<Connection> held = new ArrayList<>();
    try {
      for (int i = 0; i < 3; i++) {
        held.add(dataSource.getConnection());
      }
      HttpResponse<String> busy = get("/api/v1/adoption");
      assertThat(busy.statusCode()).isEqualTo(503);
      assertThat(busy.headers().firstValue("Retry-After")).hasValue("2");
      assertThat(busy.headers().firstValue("Content-Type"))
          .hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
      assertThat(busy.body())
          .contains("\"status\":503", "retry in a few seconds")
          .doesNotContain("SQL", "Exception", "Hikari");
    } finally {
      for (Connection c : held) {
        c.close();
      }
    }

    assertThat(get("/api/v1/adoption").statusCode()).isEqualTo(200);
  }

  private HttpResponse<String> get(String path) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
            .header("Authorization", "Bearer it-bootstrap-token")
            .GET()
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }
}

package dev.tandem.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tandem.ApiServerTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Failures never reach the client as a stack trace, an exception name or SQL. */
@ApiServerTest
class ErrorResponsesIT {

  @LocalServerPort int port;
  private final HttpClient http = HttpClient.newHttpClient();

  @Test
  void an_unexpected_api_failure_is_a_generic_500_problem_without_sql_or_trace() throws Exception {
    HttpResponse<String> response = get("/api/v1/test-failure", "application/json");
    assertThat(response.statusCode()).isEqualTo(500);
    assertThat(response.headers().firstValue("Content-Type"))
        .hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
    assertThat(response.body()).contains("\"status\":500", "it has been logged");
    assertNothingLeaks(response.body());
  }

  @Test
  void a_failure_in_a_controller_outside_the_api_package_is_still_a_problem_without_details()
      throws Exception {
    for (String accept : new String[] {"application/json", "text/html"}) {
      HttpResponse<String> response = get("/api/v1/test-failure-outside-api", accept);
      assertThat(response.statusCode()).as(accept).isEqualTo(500);
      assertThat(response.headers().firstValue("Content-Type"))
          .as(accept)
          .hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
      assertNothingLeaks(response.body());
    }
  }

  @Test
  void a_malformed_request_is_a_400_problem_without_parser_internals() throws Exception {
    HttpResponse<String> response =
        http.send(
            HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/tokens"))
                .header("Authorization", "Bearer " + ApiServerTest.TOKEN)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"name\": [unclosed"))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).isEqualTo(400);
    assertNothingLeaks(response.body());
    assertThat(response.body()).doesNotContain("jackson", "JsonParse", "line: 1");
  }

  private static void assertNothingLeaks(String body) {
    assertThat(body)
        .doesNotContain("SELECT", "password_hash", "app_user")
        .doesNotContain("Exception", "\tat ", "at dev.tandem", "trace");
  }

  private HttpResponse<String> get(String path, String accept) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
            .header("Authorization", "Bearer " + ApiServerTest.TOKEN)
            .header("Accept", accept)
            .GET()
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }
}

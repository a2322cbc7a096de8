package dev.tandem.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tandem.ApiServerTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

@ApiServerTest
class ApiSecurityIT {

  @LocalServerPort int port;
  private final HttpClient http = HttpClient.newHttpClient();

  @Test
  void the_api_refuses_requests_without_a_token_with_a_problem_response() throws Exception {
    HttpResponse<String> response = get("/api/v1/tools", null);
    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(response.headers().firstValue("Content-Type"))
        .hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
    assertThat(response.body()).contains("\"status\":401");
  }

  @Test
  void an_unknown_token_is_refused() throws Exception {
    assertThat(get("/api/v1/tools", "not-a-token").statusCode()).isEqualTo(401);
  }

  @Test
  void the_bootstrap_token_lists_the_five_well_known_tools() throws Exception {
    HttpResponse<String> response = get("/api/v1/tools", "it-bootstrap-token");
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body())
        .contains(
            "\"key\":\"copilot\"",
            "\"key\":\"q-developer\"",
            "\"key\":\"kiro\"",
            "\"key\":\"cursor\"",
            "\"key\":\"claude-code\"");
  }

  @Test
  void health_is_public_without_details_and_other_actuator_endpoints_need_an_admin()
      throws Exception {
    HttpResponse<String> health = get("/actuator/health", null);
    assertThat(health.statusCode()).isEqualTo(200);
    assertThat(health.body()).contains("\"status\":\"UP\"").doesNotContain("components");
    assertThat(get("/actuator/prometheus", null).statusCode()).isEqualTo(401);
    HttpResponse<String> metrics = get("/actuator/prometheus", "it-bootstrap-token");
    assertThat(metrics.statusCode()).isEqualTo(200);
    assertThat(metrics.body()).contains("jvm_memory_used_bytes");
  }

  @Test
  void the_ui_sends_security_headers_and_redirects_anonymous_users_to_login() throws Exception {
    HttpResponse<String> response = get("/roster", null);
    assertThat(response.statusCode()).isIn(200, 302);
    assertThat(response.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
    assertThat(response.headers().firstValue("X-Frame-Options")).hasValue("DENY");
    assertThat(response.headers().firstValue("Referrer-Policy")).isPresent();
  }

  @Test
  void the_openapi_description_and_swagger_ui_are_public_and_list_every_endpoint()
      throws Exception {
    HttpResponse<String> openapi = get("/api/v1/openapi.json", null);
    assertThat(openapi.statusCode()).isEqualTo(200);
    assertThat(openapi.headers().firstValue("Content-Type"))
        .hasValueSatisfying(t -> assertThat(t).startsWith("application/json"));
    assertThat(openapi.body())
        .contains(
            "\"/api/v1/adoption\"",
            "\"/api/v1/reliability\"",
            "\"/api/v1/imports\"",
            "\"/api/v1/imports/{batchId}\"",
            "\"/api/v1/tokens\"",
            "\"/api/v1/tokens/{id}\"",
            "\"/api/v1/tools\"",
            "\"bearer\"");
    HttpResponse<String> ui = get("/api/v1/swagger-ui/index.html", null);
    assertThat(ui.statusCode()).isEqualTo(200);
    assertThat(ui.body()).contains("Swagger UI");
  }

  private HttpResponse<String> get(String path, String token) throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).GET();
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }
}

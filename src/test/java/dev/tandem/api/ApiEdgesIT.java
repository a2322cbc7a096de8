package dev.tandem.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tandem.ApiServerTest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Everything under /api and /actuator is answered by the API's own error handling: problem JSON
 * with a detail a person can act on, never the UI's HTML page.
 */
@ApiServerTest
class ApiEdgesIT {

  private static final String TOKEN = ApiServerTest.TOKEN;

  @LocalServerPort int port;

  @Test
  void unknown_paths_are_404_problems_naming_the_path() throws Exception {
    for (String path :
        new String[] {"/api/v1/nope", "/api/v2/adoption", "/actuator/nope", "/api/v1/tools/x/y"}) {
      HttpResponse<String> response = send("GET", path, TOKEN, null, null, null);
      assertProblem(response, 404, path);
      assertThat(response.body()).as(path).contains("There is no resource at '" + path + "'");
    }
  }

  @Test
  void an_unknown_actuator_metric_is_a_404_problem_too() throws Exception {
    HttpResponse<String> response =
        send("GET", "/actuator/metrics/no.such.metric", TOKEN, null, null, null);
    assertProblem(response, 404, "metric");
  }

  @Test
  void without_a_token_the_same_paths_are_401_problems_not_html() throws Exception {
    for (String path :
        new String[] {"/api/v1/nope", "/api/v2/adoption", "/actuator/nope", "/api/v1/tools"}) {
      HttpResponse<String> response = send("GET", path, null, null, null, null);
      assertProblem(response, 401, path);
    }
    assertProblem(send("DELETE", "/api/v1/tools", null, null, null, null), 401, "DELETE tools");
  }

  @Test
  void a_method_a_path_does_not_take_is_a_405_problem_with_allow() throws Exception {
    record Case(String method, String path, String allow) {}
    for (Case c :
        new Case[] {
          new Case("DELETE", "/api/v1/tools", "GET"),
          new Case("PUT", "/api/v1/adoption", "GET"),
          new Case("GET", "/api/v1/tokens", "POST"),
          new Case("POST", "/api/v1/reliability", "GET")
        }) {
      HttpResponse<String> response = send(c.method(), c.path(), TOKEN, null, null, null);
      assertProblem(response, 405, c.method() + " " + c.path());
      assertThat(response.headers().firstValue("Allow")).as(c.path()).hasValue(c.allow());
      assertThat(response.body())
          .contains(c.method() + " is not supported here; this path takes " + c.allow());
    }
  }

  @Test
  void a_body_type_a_path_does_not_read_is_a_415_problem_naming_what_it_reads() throws Exception {
    for (String type : new String[] {"text/plain", "application/xml"}) {
      HttpResponse<String> response =
          send("POST", "/api/v1/tokens", TOKEN, type, null, "name=x&role=ADMIN");
      assertProblem(response, 415, type);
      assertThat(response.body())
          .contains("Content-Type '" + type + "' is not one this path reads")
          .contains("application/json");
    }
  }

  @Test
  void an_accept_header_the_api_cannot_answer_is_a_406_problem() throws Exception {
    for (String path : new String[] {"/api/v1/tools", "/api/v1/adoption"}) {
      for (String accept : new String[] {"text/html", "application/xml"}) {
        HttpResponse<String> response = send("GET", path, TOKEN, null, accept, null);
        assertProblem(response, 406, path + " " + accept);
        assertThat(response.body()).contains("application/json");
      }
    }
  }

  @Test
  void the_api_document_and_its_swagger_page_are_still_served() throws Exception {
    HttpResponse<String> document = send("GET", "/api/v1/openapi.json", null, null, null, null);
    assertThat(document.statusCode()).isEqualTo(200);
    assertThat(document.body()).contains("\"openapi\":\"3.0.1\"", "\"operationId\":\"adoption\"");
    HttpResponse<String> page =
        send("GET", "/api/v1/swagger-ui/index.html", null, null, "text/html", null);
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body()).contains("swagger-ui");
  }

  @Test
  void the_ui_still_answers_its_own_paths() throws Exception {
    HttpResponse<String> response = send("GET", "/login", null, null, "text/html", null);
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type"))
        .hasValueSatisfying(t -> assertThat(t).startsWith("text/html"));
  }

  private static void assertProblem(HttpResponse<String> response, int status, String what) {
    assertThat(response.statusCode()).as(what).isEqualTo(status);
    assertThat(response.headers().firstValue("Content-Type"))
        .as(what)
        .hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
    assertThat(response.body())
        .as(what)
        .contains("\"status\":" + status, "\"detail\":\"")
        .doesNotContainIgnoringCase("<html")
        .doesNotContainIgnoringCase("<!doctype")
        .doesNotContain("Exception", "\tat ");
  }

  private HttpResponse<String> send(
      String method, String path, String token, String contentType, String accept, String body)
      throws Exception {
    return new ApiCalls(port).send(method, path, token, contentType, accept, body);
  }
}

package dev.tandem.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {"TANDEM_BOOTSTRAP_TOKEN=imports-token", "tandem.import.max-size=2KB"})
class ImportsApiIT {

  @LocalServerPort int port;
  private final HttpClient http = HttpClient.newHttpClient();

  @Test
  void imports_take_a_raw_body_or_multipart_and_answer_per_design_section_5() throws Exception {
    HttpResponse<String> roster =
        post(
            "format=tandem-roster-csv",
            "text/csv",
            "email,name,team_path,started_on\nana.silva@example.com,Ana,eng/payments,2024-03-01\n");
    assertThat(roster.statusCode()).isEqualTo(200);
    assertThat(roster.body()).contains("\"rowsApplied\":1", "\"format\":\"tandem-roster-csv\"");

    String usage = "week,email,tool,active_days\n2026-W47,ana.silva@example.com,kiro,3\n";
    HttpResponse<String> dry =
        post("format=tandem-usage-csv&dryRun=true", "application/octet-stream", usage);
    assertThat(dry.statusCode()).isEqualTo(200);
    assertThat(dry.body()).contains("\"batchId\":null", "\"rowsApplied\":1");

    String boundary = "tandem-boundary";
    String multipart =
        "--"
            + boundary
            + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"usage.csv\"\r\n"
            + "Content-Type: text/csv\r\n\r\n"
            + usage
            + "\r\n--"
            + boundary
            + "--\r\n";
    HttpResponse<String> applied =
        post("format=tandem-usage-csv", "multipart/form-data; boundary=" + boundary, multipart);
    assertThat(applied.statusCode()).isEqualTo(200);
    assertThat(applied.body()).contains("\"rowsRead\":1", "\"rowsApplied\":1", "\"errors\":[]");
    String batchId = applied.body().replaceAll(".*\"batchId\":(\\d+).*", "$1");

    HttpResponse<String> refused =
        post(
            "format=tandem-usage-csv",
            "text/csv",
            "week,email,tool,active_days\n2026-W47,ana.silva@example.com,kiro,8\n");
    assertThat(refused.statusCode()).isEqualTo(422);
    assertThat(refused.body())
        .contains(
            "\"rowsApplied\":0", "\"line\":2", "\"field\":\"active_days\"", "\"rowsRejected\":1");

    HttpResponse<String> undo =
        http.send(
            authorized("/api/v1/imports/" + batchId).DELETE().build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(undo.statusCode()).isEqualTo(204);
    HttpResponse<String> again =
        http.send(
            authorized("/api/v1/imports/" + batchId).DELETE().build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(again.statusCode()).isEqualTo(400);
  }

  @Test
  void an_unknown_format_is_400_and_a_file_over_the_limit_is_413() throws Exception {
    HttpResponse<String> unknown = post("format=excel", "text/csv", "a,b\n1,2\n");
    assertThat(unknown.statusCode()).isEqualTo(400);
    assertThat(unknown.body()).contains("unknown format");

    String big =
        "week,email,tool,active_days\n" + "2026-W47,someone@example.com,kiro,3\n".repeat(100);
    HttpResponse<String> tooLarge = post("format=tandem-usage-csv", "text/csv", big);
    assertThat(tooLarge.statusCode()).isEqualTo(413);
    assertThat(tooLarge.headers().firstValue("Content-Type"))
        .hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));

    String boundary = "b";
    String multipart =
        "--"
            + boundary
            + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"big.csv\"\r\n\r\n"
            + big
            + "\r\n--"
            + boundary
            + "--\r\n";
    assertThat(
            post("format=tandem-usage-csv", "multipart/form-data; boundary=b", multipart)
                .statusCode())
        .isEqualTo(413);
  }

  private HttpRequest.Builder authorized(String path) {
    return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
        .header("Authorization", "Bearer imports-token");
  }

  private HttpResponse<String> post(String query, String contentType, String body)
      throws Exception {
    return http.send(
        authorized("/api/v1/imports?" + query)
            .header("Content-Type", contentType)
            .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }
}

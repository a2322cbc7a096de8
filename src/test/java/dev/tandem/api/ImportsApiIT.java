package dev.tandem.api;

import static dev.tandem.db.Tables.DEVELOPER;
import static dev.tandem.db.Tables.IMPORT_BATCH;
import static dev.tandem.db.Tables.USAGE_DAY;
import static dev.tandem.db.Tables.USAGE_WEEK;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {"TANDEM_BOOTSTRAP_TOKEN=imports-token", "tandem.import.max-size=2KB"})
class ImportsApiIT {

  @LocalServerPort int port;
  @Autowired DSLContext db;
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
    HttpResponse<String> unknown =
        http.send(
            authorized("/api/v1/imports/987654321").DELETE().build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(unknown.statusCode()).isEqualTo(404);
    assertThat(unknown.body()).contains("There is no import batch 987654321.");
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

  @Test
  void an_async_import_answers_202_with_a_location_that_is_polled_until_applied() throws Exception {
    post(
        "format=tandem-roster-csv",
        "text/csv",
        "email,name,team_path,started_on\nomar.haddad@example.com,Omar,eng/core,2024-03-01\n");
    int before = db.fetchCount(USAGE_WEEK);

    HttpResponse<String> accepted =
        post(
            "format=tandem-usage-csv&async=true",
            "text/csv",
            "week,email,tool,active_days\n2026-W40,omar.haddad@example.com,copilot,4\n"
                + "2026-W41,omar.haddad@example.com,copilot,2\n"
                + "2026-W41,nobody@example.com,copilot,1\n");

    assertThat(accepted.statusCode()).isEqualTo(202);
    String location = accepted.headers().firstValue("Location").orElseThrow();
    assertThat(location).matches("/api/v1/imports/\\d+");
    assertThat(accepted.body()).contains("\"state\":\"queued\"");
    String done = pollUntilFinished(location);
    assertThat(done)
        .contains(
            "\"state\":\"applied\"",
            "\"rowsRead\":3",
            "\"rowsApplied\":2",
            "\"rowsUnmatched\":1",
            "\"undoable\":true");
    assertThat(db.fetchCount(USAGE_WEEK)).isEqualTo(before + 2);
  }

  @Test
  void an_async_import_with_a_bad_line_ends_refused_with_that_line_and_applies_nothing()
      throws Exception {
    int before = db.fetchCount(USAGE_WEEK);
    HttpResponse<String> accepted =
        post(
            "format=tandem-usage-csv&async=true",
            "text/csv",
            "week,email,tool,active_days\n2026-W40,ana.silva@example.com,copilot,4\n"
                + "2026-W41,ana.silva@example.com,copilot,nine\n");
    assertThat(accepted.statusCode()).isEqualTo(202);

    String done = pollUntilFinished(accepted.headers().firstValue("Location").orElseThrow());

    assertThat(done)
        .contains(
            "\"state\":\"refused\"",
            "\"rowsApplied\":0",
            "\"line\":3",
            "\"field\":\"active_days\"",
            "\"undoable\":false");
    assertThat(db.fetchCount(USAGE_WEEK)).isEqualTo(before);
  }

  @Test
  void an_unknown_batch_is_404_and_an_async_dry_run_is_400() throws Exception {
    HttpResponse<String> missing =
        http.send(
            authorized("/api/v1/imports/987654").GET().build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(missing.statusCode()).isEqualTo(404);
    HttpResponse<String> dry =
        post("format=tandem-usage-csv&async=true&dryRun=true", "text/csv", "week\n");
    assertThat(dry.statusCode()).isEqualTo(400);
    assertThat(dry.body()).contains("use it without async=true");
  }

  @Test
  void multipart_with_two_file_parts_is_400_one_file_per_request_and_applies_nothing()
      throws Exception {
    int batches = db.fetchCount(IMPORT_BATCH);
    int weeks = db.fetchCount(USAGE_WEEK);
    String usage = "week,email,tool,active_days\n2026-W47,ana.silva@example.com,kiro,3\n";
    String part =
        "Content-Disposition: form-data; name=\"file\"; filename=\"usage.csv\"\r\n"
            + "Content-Type: text/csv\r\n\r\n"
            + usage
            + "\r\n";
    String multipart = "--b\r\n" + part + "--b\r\n" + part + "--b--\r\n";

    HttpResponse<String> two =
        post("format=tandem-usage-csv", "multipart/form-data; boundary=b", multipart);

    assertThat(two.statusCode()).isEqualTo(400);
    assertThat(two.body())
        .contains("\"field\":\"file\"", "one file per request: the body has 2 parts named file");
    assertThat(db.fetchCount(IMPORT_BATCH)).isEqualTo(batches);
    assertThat(db.fetchCount(USAGE_WEEK)).isEqualTo(weeks);
  }

  @Test
  void multipart_without_a_boundary_is_a_400_problem_not_a_500() throws Exception {
    int batches = db.fetchCount(IMPORT_BATCH);

    HttpResponse<String> noBoundary =
        post(
            "format=tandem-usage-csv",
            "multipart/form-data",
            "week,email,tool,active_days\n2026-W47,ana.silva@example.com,kiro,3\n");

    assertThat(noBoundary.statusCode()).isEqualTo(400);
    assertThat(noBoundary.headers().firstValue("Content-Type"))
        .hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
    assertThat(noBoundary.body()).contains("multipart body could not be read");
    assertThat(db.fetchCount(IMPORT_BATCH)).isEqualTo(batches);
  }

  @Test
  void a_form_encoded_body_is_the_file_and_never_read_as_parameters() throws Exception {
    post(
        "format=tandem-roster-csv",
        "application/x-www-form-urlencoded",
        "email,name,team_path,started_on\nfern.form@example.com,Fern & Co=1,eng/forms,2024-03-01\n");
    int batches = db.fetchCount(IMPORT_BATCH);
    // The body looks like form fields naming another format and no dry run: the query decides.
    String body =
        "week,email,tool,active_days\n2026-W45,fern.form@example.com,kiro,2\n"
            + "format=tandem-roster-csv&dryRun=false&mode=skip-invalid\n";

    HttpResponse<String> dry =
        post(
            "format=tandem-usage-csv&dryRun=true",
            "application/x-www-form-urlencoded; charset=UTF-8",
            body);

    assertThat(dry.statusCode()).isEqualTo(422);
    assertThat(dry.body())
        .contains(
            "\"batchId\":null", "\"format\":\"tandem-usage-csv\"", "\"rowsRead\":2", "\"line\":3");
    assertThat(db.fetchCount(IMPORT_BATCH)).isEqualTo(batches);

    HttpResponse<String> skip =
        post(
            "format=tandem-usage-csv&mode=skip-invalid", "application/x-www-form-urlencoded", body);
    assertThat(skip.statusCode()).isEqualTo(200);
    assertThat(skip.body()).contains("\"rowsApplied\":1", "\"rowsRejected\":1");

    HttpResponse<String> noFormat =
        post("", "application/x-www-form-urlencoded", "format=tandem-usage-csv\n");
    assertThat(noFormat.statusCode()).isEqualTo(400);
    assertThat(noFormat.body()).contains("format");
    assertThat(db.fetchCount(IMPORT_BATCH)).isEqualTo(batches + 1);
  }

  @Test
  void a_form_encoded_body_is_queued_with_async_and_read_as_the_tool_the_query_names()
      throws Exception {
    post(
        "format=tandem-roster-csv",
        "application/x-www-form-urlencoded",
        "email,name,team_path,started_on\nkim.kiro@example.com,Kim,eng/forms,2024-03-01\n");
    post(
        "format=identity-map-csv",
        "application/x-www-form-urlencoded",
        "source,external_id,email\nkiro,kim-id-1,kim.kiro@example.com\n");

    HttpResponse<String> accepted =
        post(
            "format=q-developer-csv&tool=kiro&async=true",
            "application/x-www-form-urlencoded",
            "UserId,Date,Chat_MessagesSent\nkim-id-1,2026-11-17,8\n");

    assertThat(accepted.statusCode()).isEqualTo(202);
    String done = pollUntilFinished(accepted.headers().firstValue("Location").orElseThrow());
    assertThat(done).contains("\"state\":\"applied\"", "\"rowsApplied\":1");
    assertThat(
            db.fetchCount(
                USAGE_DAY.join(DEVELOPER).on(DEVELOPER.ID.eq(USAGE_DAY.DEVELOPER_ID)),
                DEVELOPER.EMAIL.eq("kim.kiro@example.com"),
                USAGE_DAY.TOOL_KEY.eq("kiro")))
        .isEqualTo(1);
  }

  @Test
  void an_empty_body_is_refused_as_an_empty_file_and_records_no_batch() throws Exception {
    int batches = db.fetchCount(IMPORT_BATCH);

    for (String type : new String[] {"application/x-www-form-urlencoded", "text/csv"}) {
      HttpResponse<String> empty = post("format=tandem-usage-csv", type, "");
      assertThat(empty.statusCode()).isEqualTo(422);
      assertThat(empty.body())
          .contains(
              "\"batchId\":null",
              "\"line\":0",
              "\"field\":\"file\"",
              "the file is empty (the request had no body)");
    }
    String emptyPart =
        "--b\r\nContent-Disposition: form-data; name=\"file\"; filename=\"e.csv\"\r\n\r\n"
            + "\r\n--b--\r\n";
    HttpResponse<String> multipart =
        post("format=tandem-usage-csv", "multipart/form-data; boundary=b", emptyPart);
    assertThat(multipart.statusCode()).isEqualTo(422);
    assertThat(multipart.body()).contains("\"batchId\":null", "the file is empty");
    HttpResponse<String> queued = post("format=tandem-usage-csv&async=true", "text/csv", "");
    assertThat(queued.statusCode()).isEqualTo(400);
    assertThat(queued.body()).contains("\"field\":\"file\"", "the file is empty");

    assertThat(db.fetchCount(IMPORT_BATCH)).isEqualTo(batches);
  }

  private String pollUntilFinished(String location) throws Exception {
    long deadline = System.nanoTime() + 60_000_000_000L;
    while (true) {
      HttpResponse<String> status =
          http.send(authorized(location).GET().build(), HttpResponse.BodyHandlers.ofString());
      assertThat(status.statusCode()).isEqualTo(200);
      if (!status.body().contains("\"state\":\"queued\"")
          && !status.body().contains("\"state\":\"running\"")) {
        return status.body();
      }
      assertThat(System.nanoTime()).as("the job ended in time").isLessThan(deadline);
      Thread.sleep(100);
    }
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

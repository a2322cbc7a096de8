package dev.tandem.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.server.ErrorEvent;
import dev.tandem.ApiServerTest;
import dev.tandem.security.ui.UiErrorHandler;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.LoggerFactory;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Issue 9 item 4: the log is not a disk-filling channel. A request whose failure carries a huge
 * client value inside the exception message (as a failed statement carries its SQL and every bind
 * value) writes a bounded log, with the error id, the exception class and only the start of the
 * message.
 */
@ApiServerTest
@ExtendWith(OutputCaptureExtension.class)
class LogBoundsIT {

  private static final String MARKER = "bind-value-";

  @LocalServerPort int port;

  @Test
  void a_failing_request_with_a_two_megabyte_value_writes_a_few_kilobytes_of_log(
      CapturedOutput output) throws Exception {
    String value = MARKER.repeat(200_000); // 2.2 MB
    int before = output.getOut().length();
    HttpResponse<String> response =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + "/api/v1/test-echoing-failure"))
                    .header("Authorization", "Bearer " + ApiServerTest.TOKEN)
                    .header("Content-Type", "text/plain")
                    .POST(HttpRequest.BodyPublishers.ofString(value))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    String logged = output.getOut().substring(before);

    assertThat(response.statusCode()).isEqualTo(500);
    String errorId = response.body().replaceAll(".*\"errorId\":\"([0-9a-f]+)\".*", "$1");
    assertThat(errorId).hasSize(8);
    assertThat(logged.length()).isLessThan(40_000);
    assertThat(logged)
        .contains("error " + errorId, "BadSqlGrammarException")
        .doesNotContain(MARKER.repeat(200));
    assertThat(response.body()).doesNotContain(MARKER);
  }

  @Test
  void an_unexpected_ui_failure_with_a_huge_message_is_logged_in_a_few_kilobytes(
      CapturedOutput output) {
    String value = MARKER.repeat(100_000);
    int before = output.getOut().length();
    new UiErrorHandler().error(new ErrorEvent(new IllegalStateException("bad value " + value)));
    String logged = output.getOut().substring(before);
    assertThat(logged.length()).isLessThan(20_000);
    assertThat(logged)
        .contains("UI error", "IllegalStateException")
        .doesNotContain(MARKER.repeat(200));
  }

  @Test
  void any_log_line_with_a_huge_value_is_cut_to_two_thousand_characters(CapturedOutput output) {
    int before = output.getOut().length();
    LoggerFactory.getLogger("dev.tandem.somewhere").warn("value was {}", MARKER.repeat(100_000));
    String logged = output.getOut().substring(before);
    assertThat(logged.length()).isBetween(2_000, 2_400);
  }
}

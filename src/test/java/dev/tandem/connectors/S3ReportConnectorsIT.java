package dev.tandem.connectors;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.stubbing.Scenario;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Amazon Q Developer and Kiro user activity reports from an S3 bucket (the AWS SDK with a
 * path-style endpoint override against WireMock answering S3's XML).
 */
class S3ReportConnectorsIT extends ConnectorsTestBase {

  static final String BUCKET = "/tandem-reports";
  static final String ANA = "90676bc2-70f1-7017-e1a4-2f1a7d3e5b11";
  static final Map<String, String> SETTINGS =
      Map.of(
          "bucket", "tandem-reports",
          "prefix", "usage",
          "account-id", "123456789012",
          "region", "us-east-1",
          "access-key-id", "AKIATESTTESTTEST");

  static String prefix(String logs, String day) {
    return "usage/AWSLogs/123456789012/"
        + logs
        + "/by_user_analytic/us-east-1/"
        + day.replace('-', '/')
        + "/";
  }

  static String listing(String prefix, String token, String next, String... keys) {
    StringBuilder b =
        new StringBuilder(
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<ListBucketResult xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\">"
                + "<Name>tandem-reports</Name><Prefix>"
                + prefix
                + "</Prefix><KeyCount>"
                + keys.length
                + "</KeyCount><MaxKeys>1000</MaxKeys><IsTruncated>"
                + (next != null)
                + "</IsTruncated>");
    if (token != null) {
      b.append("<ContinuationToken>").append(token).append("</ContinuationToken>");
    }
    if (next != null) {
      b.append("<NextContinuationToken>").append(next).append("</NextContinuationToken>");
    }
    for (String k : keys) {
      b.append("<Contents><Key>")
          .append(k)
          .append("</Key><LastModified>2026-11-17T00:05:00.000Z</LastModified>")
          .append(
              "<ETag>&quot;e1&quot;</ETag><Size>120</Size><StorageClass>STANDARD</StorageClass>")
          .append("</Contents>");
    }
    return b.append("</ListBucketResult>").toString();
  }

  void stubList(String logs, String day, String body) {
    vendor.stubFor(
        get(urlPathEqualTo(BUCKET))
            .withQueryParam("list-type", equalTo("2"))
            .withQueryParam("prefix", equalTo(prefix(logs, day)))
            .atPriority(5)
            .willReturn(aResponse().withHeader("Content-Type", "application/xml").withBody(body)));
  }

  void stubObject(String key, String csv) {
    vendor.stubFor(get(urlPathEqualTo(BUCKET + "/" + key)).willReturn(aResponse().withBody(csv)));
  }

  static final String HEADER =
      "UserId,Date,Chat_AICodeLines,Chat_MessagesInteracted,Chat_MessagesSent,"
          + "Inline_AICodeLines,Inline_AcceptanceCount,Inline_SuggestionsCount\n";

  @Test
  void q_developer_lists_each_days_prefix_across_pages_and_imports_every_part_as_a_batch() {
    configure("q-developer", "s3-secret-key-test-abcd", SETTINGS);
    String p16 = prefix("QDeveloperLogs", "2026-11-16");
    // Two listing pages for the 16th: part_1 (ana) and part_2 (an unmapped user).
    stubList(
        "QDeveloperLogs",
        "2026-11-16",
        listing(p16, null, "tok-2", p16 + "00/123_by_user_analytic_1_part_1.csv"));
    vendor.stubFor(
        get(urlPathEqualTo(BUCKET))
            .withQueryParam("continuation-token", equalTo("tok-2"))
            .atPriority(1)
            .willReturn(
                aResponse()
                    .withBody(
                        listing(
                            p16, "tok-2", null, p16 + "00/123_by_user_analytic_1_part_2.csv"))));
    stubObject(
        p16 + "00/123_by_user_analytic_1_part_1.csv",
        HEADER + ANA + ",2026-11-16,12,3,8,40,11,57\n");
    stubObject(
        p16 + "00/123_by_user_analytic_1_part_2.csv",
        HEADER + "ffffffff-0000-0000-0000-000000000001,2026-11-16,1,1,1,1,1,1\n");
    String p17 = prefix("QDeveloperLogs", "2026-11-17");
    vendor.stubFor(
        get(urlPathEqualTo(BUCKET))
            .withQueryParam("prefix", equalTo(p17))
            .inScenario("17")
            .whenScenarioStateIs(Scenario.STARTED)
            .willReturn(
                aResponse()
                    .withStatus(500)
                    .withBody(
                        "<Error><Code>InternalError</Code><Message>We encountered an internal error.</Message></Error>"))
            .willSetStateTo("ok"));
    vendor.stubFor(
        get(urlPathEqualTo(BUCKET))
            .withQueryParam("prefix", equalTo(p17))
            .inScenario("17")
            .whenScenarioStateIs("ok")
            .willReturn(
                aResponse()
                    .withBody(listing(p17, null, null, p17 + "00/123_by_user_analytic_2.csv"))));
    stubObject(p17 + "00/123_by_user_analytic_2.csv", HEADER + ANA + ",11/17/2026,0,0,2,0,1,5\n");
    stubList(
        "QDeveloperLogs",
        "2026-11-18",
        listing(prefix("QDeveloperLogs", "2026-11-18"), null, null));
    stubList(
        "QDeveloperLogs",
        "2026-11-19",
        listing(prefix("QDeveloperLogs", "2026-11-19"), null, null));

    ConnectorRun run = runner.run("q-developer", "manual", "it-admin");

    assertThat(run.outcome()).as(run.message()).isEqualTo("succeeded");
    // ana: 16th 8 sent + 11 accepted = 19, 12 + 40 lines; 17th 2 + 1 = 3, 0 lines.
    assertThat(week("ana.silva@example.com", "q-developer")).containsExactly(2L, 22L, 52L);
    assertThat(run.rowsUnmatched()).isEqualTo(1);
    assertThat(batches("q-developer"))
        .containsExactly(
            "123_by_user_analytic_1_part_1.csv applied",
            "123_by_user_analytic_1_part_2.csv applied",
            "123_by_user_analytic_2.csv applied");
  }

  @Test
  void a_bad_cell_refuses_the_day_naming_line_and_column_and_undoes_its_other_parts() {
    configure("q-developer", "s3-secret-key-test-abcd", SETTINGS);
    String p16 = prefix("QDeveloperLogs", "2026-11-16");
    stubList(
        "QDeveloperLogs",
        "2026-11-16",
        listing(p16, null, null, p16 + "00/a_part_1.csv", p16 + "00/a_part_2.csv"));
    stubObject(
        p16 + "00/a_part_1.csv",
        HEADER + "eeeeeeee-0000-0000-0000-000000000009,2026-11-16,1,1,1,1,1,1\n");
    stubObject(p16 + "00/a_part_2.csv", HEADER + ANA + ",2026-11-16,abc,3,8,40,11,57\n");
    var before = week("ana.silva@example.com", "q-developer");

    ConnectorRun run = runner.run("q-developer", "manual", "it-admin");

    assertThat(run.outcome()).isEqualTo("failed");
    assertThat(run.failedDay()).isEqualTo(LocalDate.parse("2026-11-16"));
    assertThat(run.message()).contains("a_part_2.csv was refused: line 2, field Chat_AICodeLines");
    var made = batches("q-developer");
    assertThat(made.subList(made.size() - 2, made.size()))
        .containsExactly("a_part_1.csv undone", "a_part_2.csv refused");
    assertThat(week("ana.silva@example.com", "q-developer")).isEqualTo(before);
  }

  @Test
  void kiro_reads_its_own_logs_folder_as_the_kiro_tool_and_access_denied_applies_nothing() {
    configure("kiro", "s3-secret-key-test-abcd", SETTINGS);
    String p16 = prefix("KiroLogs", "2026-11-16");
    stubList("KiroLogs", "2026-11-16", listing(p16, null, null, p16 + "00/kiro_1.csv"));
    stubObject(p16 + "00/kiro_1.csv", HEADER + ANA + ",2026-11-16,5,1,4,0,0,0\n");
    for (String d : new String[] {"2026-11-17", "2026-11-18", "2026-11-19"}) {
      stubList("KiroLogs", d, listing(prefix("KiroLogs", d), null, null));
    }

    ConnectorRun run = runner.run("kiro", "manual", "it-admin");

    assertThat(run.outcome()).as(run.message()).isEqualTo("succeeded");
    assertThat(week("ana.silva@example.com", "kiro")).containsExactly(1L, 4L, 5L);

    vendor.resetAll();
    vendor.stubFor(
        get(urlPathEqualTo(BUCKET))
            .willReturn(
                aResponse()
                    .withStatus(403)
                    .withBody(
                        "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Error><Code>AccessDenied</Code>"
                            + "<Message>Access Denied</Message></Error>")));
    int before = batches("kiro").size();
    ConnectorRun denied = runner.run("kiro", "manual", "it-admin");
    assertThat(denied.outcome()).isEqualTo("failed");
    assertThat(denied.message()).contains("S3 403: AccessDenied: Access Denied");
    assertThat(batches("kiro")).hasSize(before);
    assertThat(service.testConnection("kiro").message()).contains("Access Denied");
  }
}

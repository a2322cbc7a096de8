package dev.tandem.api;

import static dev.tandem.db.Tables.DEVELOPER;
import static dev.tandem.db.Tables.IMPORT_BATCH;
import static dev.tandem.db.Tables.USAGE_DAY;
import static dev.tandem.db.Tables.USAGE_WEEK;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The README's import examples, taken from README.md as written and run with the real {@code curl}
 * in a shell against the running app: a raw body without a Content-Type ({@code -T}), {@code
 * --data-binary} (which curl sends as application/x-www-form-urlencoded) and a multipart {@code -F
 * file=@…}. Only the host and port are replaced (and the example batch id by a real one), so the
 * README and this test cannot drift apart.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {"TANDEM_BOOTSTRAP_TOKEN=imports-token", "tandem.import.max-size=2KB"})
class ReadmeCurlExamplesIT {

  private static final String README_HOST = "http://localhost:8080";
  private static final Pattern BATCH_PATH = Pattern.compile("/api/v1/imports/(\\d+)");

  @LocalServerPort int port;
  @Autowired DSLContext db;
  @TempDir Path dir;

  @Test
  void the_readme_curl_examples_import_as_written_raw_form_encoded_and_multipart()
      throws Exception {
    assumeTrue(
        Files.isExecutable(Paths.get("/usr/bin/curl")) || System.getenv("CI") != null,
        "curl is not installed (on Debian: apt-get install -y curl)");
    List<String> commands = readmeImportExamples();
    assertThat(commands)
        .as("the README's import examples")
        .hasSize(7)
        .allSatisfy(c -> assertThat(c).startsWith("curl ").contains(README_HOST));
    assertThat(commands.get(0)).contains("-T roster.csv").doesNotContain("Content-Type");
    assertThat(commands.get(1)).contains("--data-binary @usage.csv", "dryRun=true");
    assertThat(commands.get(4)).contains("-F file=@users-1-day.ndjson");

    write(
        "roster.csv",
        "email,name,team_path,started_on\n"
            + "rosa.curl@example.com,Rosa Curl,eng/readme,2024-03-01\n"
            + "tom.wget@example.com,Tom Wget & Sons = 2,eng/readme,2024-03-01\n");
    // '&' and '=' in a form-encoded body would split it into parameters if it were read as a form.
    write(
        "usage.csv",
        "week,email,tool,active_days,interactions\n"
            + "2026-W40,rosa.curl@example.com,kiro,3,41\n"
            + "2026-W40,tom.wget@example.com,copilot,5,130\n");
    write("identities.csv", "source,external_id,email\ncopilot,rcurl,rosa.curl@example.com\n");
    write(
        "users-1-day.ndjson",
        "{\"day\":\"2026-09-29\",\"user_login\":\"rcurl\",\"user_initiated_interaction_count\":7,"
            + "\"code_generation_activity_count\":22,\"code_acceptance_activity_count\":9,"
            + "\"loc_added_sum\":54,\"used_agent\":false,\"used_chat\":true,\"used_cli\":false}\n");
    int batches = db.fetchCount(IMPORT_BATCH);
    int weeks = db.fetchCount(USAGE_WEEK);

    assertThat(run(commands.get(0)))
        .contains("\"format\":\"tandem-roster-csv\"", "\"rowsRead\":2", "\"rowsApplied\":2");
    assertThat(db.fetchCount(DEVELOPER, DEVELOPER.EMAIL.like("%@example.com")))
        .isGreaterThanOrEqualTo(2);
    assertThat(
            db.select(DEVELOPER.NAME)
                .from(DEVELOPER)
                .where(DEVELOPER.EMAIL.eq("tom.wget@example.com"))
                .fetchOne(DEVELOPER.NAME))
        .isEqualTo("Tom Wget & Sons = 2");

    assertThat(run(commands.get(1)))
        .contains("\"batchId\":null", "\"rowsRead\":2", "\"rowsApplied\":2", "\"errors\":[]");
    assertThat(db.fetchCount(USAGE_WEEK)).isEqualTo(weeks);

    assertThat(run(commands.get(2)))
        .contains("\"format\":\"tandem-usage-csv\"", "\"rowsRead\":2", "\"rowsApplied\":2");
    assertThat(db.fetchCount(USAGE_WEEK)).isEqualTo(weeks + 2);
    assertThat(
            db.select(USAGE_WEEK.ACTIVE_DAYS, USAGE_WEEK.INTERACTIONS)
                .from(USAGE_WEEK)
                .join(DEVELOPER)
                .on(DEVELOPER.ID.eq(USAGE_WEEK.DEVELOPER_ID))
                .where(DEVELOPER.EMAIL.eq("tom.wget@example.com"))
                .fetchOne()
                .intoList())
        .containsExactly((short) 5, 130L);

    assertThat(run(commands.get(3)))
        .contains("\"format\":\"identity-map-csv\"", "\"rowsApplied\":1");

    String copilot = run(commands.get(4));
    assertThat(copilot)
        .contains(
            "\"format\":\"copilot-user-metrics-ndjson\"",
            "\"rowsRead\":1",
            "\"rowsApplied\":1",
            "\"rowsUnmatched\":0");
    long batchId = Long.parseLong(copilot.replaceAll(".*\"batchId\":(\\d+).*", "$1"));
    assertThat(copilotDaysOfRosa()).isEqualTo(1);
    // roster, usage, identity map, Copilot: four batches; the dry run recorded none.
    assertThat(db.fetchCount(IMPORT_BATCH)).isEqualTo(batches + 4);

    assertThat(run(withBatch(commands.get(5), batchId)))
        .contains("\"batchId\":" + batchId, "\"state\":\"applied\"", "\"undoable\":true");
    assertThat(run(withBatch(commands.get(6), batchId))).isEmpty();
    assertThat(copilotDaysOfRosa()).isZero();
    assertThat(
            db.select(IMPORT_BATCH.OUTCOME)
                .from(IMPORT_BATCH)
                .where(IMPORT_BATCH.ID.eq(batchId))
                .fetchOne(IMPORT_BATCH.OUTCOME))
        .isEqualTo("undone");
  }

  private int copilotDaysOfRosa() {
    return db.fetchCount(
        USAGE_DAY.join(DEVELOPER).on(DEVELOPER.ID.eq(USAGE_DAY.DEVELOPER_ID)),
        DEVELOPER.EMAIL.eq("rosa.curl@example.com"),
        USAGE_DAY.TOOL_KEY.eq("copilot"));
  }

  /** The example's batch number (42) becomes the batch the examples created. */
  private static String withBatch(String command, long batchId) {
    Matcher m = BATCH_PATH.matcher(command);
    assertThat(m.find()).as("an example batch path in %s", command).isTrue();
    return m.replaceAll("/api/v1/imports/" + batchId);
  }

  /** Runs one README line in bash (as a user would paste it): its standard output, exit 0. */
  private String run(String command) throws IOException, InterruptedException {
    ProcessBuilder shell =
        new ProcessBuilder("bash", "-c", command.replace(README_HOST, "http://localhost:" + port))
            .directory(dir.toFile())
            .redirectError(dir.resolve("curl.err").toFile());
    shell.environment().put("TOKEN", "imports-token");
    Process curl = shell.start();
    String out = new String(curl.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(curl.waitFor(60, TimeUnit.SECONDS)).as("curl ended").isTrue();
    assertThat(curl.exitValue())
        .as("curl exit of %s; stderr: %s", command, Files.readString(dir.resolve("curl.err")))
        .isZero();
    return out;
  }

  /**
   * The curl lines of README.md's code block that shows {@code POST /api/v1/imports}, with
   * continuation lines joined and comments left out.
   */
  static List<String> readmeImportExamples() throws IOException {
    String readme = Files.readString(Path.of("README.md"));
    Matcher blocks = Pattern.compile("(?ms)^```\\s*\\n(.*?)^```").matcher(readme);
    while (blocks.find()) {
      String block = blocks.group(1);
      if (!block.contains("curl") || !block.contains("/api/v1/imports?format=")) {
        continue;
      }
      List<String> commands = new ArrayList<>();
      for (String line : block.replace("\\\n", " ").split("\n")) {
        String command = line.strip();
        if (!command.isEmpty() && !command.startsWith("#")) {
          commands.add(command);
        }
      }
      return commands;
    }
    throw new AssertionError("README.md has no code block with the import examples");
  }

  private void write(String name, String content) throws IOException {
    Files.writeString(dir.resolve(name), content, StandardCharsets.UTF_8);
  }
}

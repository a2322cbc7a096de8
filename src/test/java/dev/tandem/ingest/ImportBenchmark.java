package dev.tandem.ingest;

import dev.tandem.Application;
import dev.tandem.base.IsoWeek;
import java.io.BufferedWriter;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Generates a tandem-usage-csv of N rows (default 1,000,000: 2,000 developers × 5 tools × 100
 * weeks) and, in one H2 file database: loads it with H2's own CSVREAD (the anchor), imports it
 * through the real pipeline, then imports it again (every row replaced). Prints time, rows/s, the
 * ratio to CSVREAD, the peak used heap and the load average. Not a test: run it as the README says.
 */
public final class ImportBenchmark {

  private static final List<String> TOOLS =
      List.of("copilot", "q-developer", "kiro", "cursor", "claude-code");

  /** Imports the file once, printing time, rows/s, the ratio to CSVREAD and the peak used heap. */
  private static ImportResult timed(String what, ImportService imports, Path usage, double anchor)
      throws Exception {
    System.gc();
    MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    long baseline = memory.getHeapMemoryUsage().getUsed();
    AtomicLong peak = new AtomicLong(baseline);
    Thread sampler =
        new Thread(
            () -> {
              while (!Thread.currentThread().isInterrupted()) {
                peak.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
                try {
                  Thread.sleep(20);
                } catch (InterruptedException e) {
                  return;
                }
              }
            });
    sampler.setDaemon(true);
    sampler.start();
    long start = System.nanoTime();
    ImportResult result;
    try (InputStream in = Files.newInputStream(usage)) {
      result =
          imports.importFile(
              new ImportRequest(
                  "tandem-usage-csv", ImportMode.ALL_OR_NOTHING, false, "usage.csv", null),
              in);
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    sampler.interrupt();
    System.out.printf(
        "%s: %,d rows (%s, %,d applied, %d errors) in %.1f s: %,.0f rows/s, %.2f× CSVREAD's time;"
            + " peak used heap %,d MB (sampled every 20 ms; %,d MB before; max %,d MB)%n",
        what,
        result.rowsRead(),
        result.outcome(),
        result.rowsApplied(),
        result.errors().size(),
        seconds,
        result.rowsRead() / seconds,
        seconds / anchor,
        peak.get() / (1 << 20),
        baseline / (1 << 20),
        Runtime.getRuntime().maxMemory() / (1 << 20));
    return result;
  }

  public static void main(String[] args) throws Exception {
    int rows = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
    int developers = 2_000;
    int weeks = Math.max(1, rows / (developers * TOOLS.size()));
    Path roster = Files.createTempFile("tandem-roster", ".csv");
    Path usage = Files.createTempFile("tandem-usage", ".csv");
    try (BufferedWriter w = Files.newBufferedWriter(roster, StandardCharsets.UTF_8)) {
      w.write("email,name,team_path,started_on\n");
      for (int d = 0; d < developers; d++) {
        w.write(
            "dev"
                + d
                + "@example.com,Developer "
                + d
                + ",engineering/team-"
                + d % 40
                + ",2020-01-06\n");
      }
    }
    long written = 0;
    IsoWeek first = IsoWeek.parse("2024-W01");
    try (BufferedWriter w = Files.newBufferedWriter(usage, StandardCharsets.UTF_8)) {
      w.write("week,email,tool,active_days,interactions,accepted_lines\n");
      outer:
      for (int week = 0; week < weeks; week++) {
        String weekText = first.plus(week).toString();
        for (int d = 0; d < developers; d++) {
          for (int t = 0; t < TOOLS.size(); t++) {
            if (written == rows) {
              break outer;
            }
            int days = (d + week + t) % 8;
            w.write(
                weekText
                    + ",dev"
                    + d
                    + "@example.com,"
                    + TOOLS.get(t)
                    + ","
                    + days
                    + ","
                    + days * 7
                    + ","
                    + days * 31
                    + "\n");
            written++;
          }
        }
      }
    }
    System.out.printf("generated %,d rows (%,d bytes)%n", written, Files.size(usage));

    // System properties outrank application.properties.
    // A file database, as in production, so the heap figure is the pipeline's and not the data's.
    Path database = Files.createTempDirectory("tandem-benchmark");
    System.setProperty("spring.datasource.url", "jdbc:h2:file:" + database.resolve("db"));
    System.setProperty("tandem.import.max-size", "500MB");
    System.setProperty("server.port", "0");
    System.setProperty("spring.main.banner-mode", "off");
    System.setProperty("logging.level.root", "warn");
    System.setProperty("logging.level.dev.tandem.ingest", "info");
    try (ConfigurableApplicationContext context =
        new SpringApplicationBuilder(Application.class).run()) {
      IngestFixtures.signInAsAdmin();
      ImportService imports = context.getBean(ImportService.class);
      try (InputStream in = Files.newInputStream(roster)) {
        imports.importFile(
            new ImportRequest(
                "tandem-roster-csv", ImportMode.ALL_OR_NOTHING, false, "roster.csv", null),
            in);
      }
      javax.sql.DataSource dataSource = context.getBean(javax.sql.DataSource.class);
      double load = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
      // The anchor: H2 itself loading the same file into a plain table, in the same run.
      long anchorStart = System.nanoTime();
      try (java.sql.Connection c = dataSource.getConnection();
          java.sql.Statement st = c.createStatement()) {
        st.execute(
            "CREATE TABLE benchmark_csvread AS SELECT * FROM CSVREAD('"
                + usage.toAbsolutePath().toString().replace("'", "''")
                + "')");
        st.execute("DROP TABLE benchmark_csvread");
      }
      double anchor = (System.nanoTime() - anchorStart) / 1e9;
      System.out.printf(
          "H2 CSVREAD of the same file (CREATE TABLE AS SELECT): %.1f s: %,.0f rows/s%n",
          anchor, written / anchor);
      ImportResult imported = timed("import", imports, usage, anchor);
      ImportResult again = timed("re-import replacing every row", imports, usage, anchor);
      System.out.printf(
          "load average at the start %.2f, at the end %.2f (%d processors); %s, %s%n",
          load,
          ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
          Runtime.getRuntime().availableProcessors(),
          imported.outcome(),
          again.outcome());
    } finally {
      Files.deleteIfExists(roster);
      Files.deleteIfExists(usage);
    }
  }
}

package dev.tandem.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tandem.base.IsoWeek;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.Reader;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.springframework.util.FileSystemUtils;

/**
 * The scale benchmark of issue 10 (not a test; README "Benchmark" says how to run it). For each
 * organisation size: generates the organisation, imports it through the real import API, loads the
 * same usage files with the database's own bulk loader as the anchor, runs 20 API readers during a
 * 1,000,000-row import, restarts Tandem as its own JVM to time start-up and cold reads, then times
 * warm reads (median of 10), the Adoption and Reliability screens in headless Chromium, and the
 * heap per UI session. Prints one table.
 *
 * <p>Arguments: {@code --developers=2000,20000} {@code --weeks=104} {@code --incidents=3000} {@code
 * --db=h2|postgres} {@code --out=target/benchmark} {@code --browser=false}.
 */
public final class OrgBenchmark {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final Map<String, String> options;
  private final Measurements table = new Measurements();
  private final boolean postgres;
  private final Path out;
  private final boolean bulk;

  /** Measure the database a previous run left behind: no generation, no loading. */
  private final boolean existing;

  private OrgBenchmark(Map<String, String> options) {
    this.options = options;
    this.postgres = options.getOrDefault("db", "h2").equals("postgres");
    this.out = Path.of(options.getOrDefault("out", "target/benchmark")).toAbsolutePath();
    this.bulk = options.getOrDefault("load", "api").equals("bulk");
    this.existing = options.getOrDefault("load", "api").equals("existing");
  }

  public static void main(String[] args) throws Exception {
    Map<String, String> options = new LinkedHashMap<>();
    for (String arg : args) {
      String[] kv = arg.replaceFirst("^--", "").split("=", 2);
      options.put(kv[0], kv.length > 1 ? kv[1] : "true");
    }
    new OrgBenchmark(options).run();
    System.exit(0);
  }

  private void run() throws Exception {
    int weeks = Integer.parseInt(options.getOrDefault("weeks", "104"));
    int incidents = Integer.parseInt(options.getOrDefault("incidents", "3000"));
    IsoWeek lastWeek = IsoWeek.of(LocalDate.now().minusWeeks(1));
    System.out.printf(
        "Tandem benchmark on %s, %d cores, max heap %,d MB, %s%n",
        postgres ? "PostgreSQL (embedded)" : "H2 file database",
        Runtime.getRuntime().availableProcessors(),
        Runtime.getRuntime().maxMemory() >> 20,
        System.getProperty("java.vm.name") + " " + System.getProperty("java.version"));
    for (String size : options.getOrDefault("developers", "2000,20000").split(",")) {
      int developers = Integer.parseInt(size.trim());
      Path dir = out.resolve((postgres ? "pg-" : "h2-") + developers);
      System.out.printf("%n== %,d developers × %d weeks ==%n", developers, weeks);
      BenchmarkOrganisation org =
          new BenchmarkOrganisation(developers, weeks, lastWeek, incidents, dir.resolve("files"));
      if (existing) {
        System.out.printf("measuring the database a previous run left in %s%n", dir);
      } else {
        FileSystemUtils.deleteRecursively(dir);
        org.write();
        System.out.printf(
            "generated %,d usage rows, %,d change rows, %,d incidents in %s%n",
            org.usageRows, org.changeRows, incidents, org.dir);
      }
      // PostgreSQL keeps its data under the run's directory, so that --load=existing measures it
      // again (a new run deleted the directory above; the server initialises an empty one).
      EmbeddedPostgres pg =
          postgres
              ? EmbeddedPostgres.builder()
                  .setDataDirectory(dir.resolve("pgdata"))
                  .setCleanDataDirectory(false)
                  .start()
              : null;
      try {
        String url =
            pg != null
                ? pg.getJdbcUrl("postgres", "postgres")
                : "jdbc:h2:file:" + dir.resolve("db/tandem");
        String user = pg != null ? "postgres" : "sa";
        String password = pg != null ? "postgres" : "";
        measure(org, url, user, password);
      } finally {
        if (pg != null) {
          pg.close();
        }
      }
    }
    String result = table.table();
    System.out.println();
    System.out.println(result);
    Files.createDirectories(out);
    Files.writeString(out.resolve(postgres ? "table-postgres.md" : "table-h2.md"), result);
  }

  private Map<String, String> reads(BenchmarkOrganisation org) {
    String all = "from=" + org.firstWeek() + "&to=" + org.lastWeek;
    String last26 = "from=" + org.lastWeek.minus(25) + "&to=" + org.lastWeek;
    Map<String, String> reads = new LinkedHashMap<>();
    reads.put("adoption, default (26 weeks, organisation)", "/api/v1/adoption");
    reads.put("adoption, 104 weeks", "/api/v1/adoption?" + all);
    reads.put("adoption, area (1/8 of the organisation)", "/api/v1/adoption?team=area-0");
    reads.put("adoption, leaf team", "/api/v1/adoption?team=team-1");
    for (String exposure : List.of("changes", "developer-weeks")) {
      reads.put(
          "reliability, 26 weeks, " + exposure,
          "/api/v1/reliability?" + last26 + "&exposure=" + exposure);
      reads.put(
          "reliability, 104 weeks, " + exposure,
          "/api/v1/reliability?" + all + "&exposure=" + exposure);
    }
    // Seats and cost (issue 15): the month of the last week, and the year up to it.
    java.time.YearMonth month = java.time.YearMonth.from(org.lastWeek.monday());
    reads.put("costs, one month", "/api/v1/costs?from=" + month + "&to=" + month);
    reads.put("costs, 12 months", "/api/v1/costs?from=" + month.minusMonths(11) + "&to=" + month);
    return reads;
  }

  private void measure(BenchmarkOrganisation org, String url, String user, String password)
      throws Exception {
    int n = org.developers;
    if (!existing) {
      load(org, url, user, password);
    } else if ("true".equals(options.get("readers"))) {
      // Asked for explicitly: the replacement import changes the database an existing run keeps.
      org.useWrittenReplacement();
      try (TandemServer server = TandemServer.inProcess(url, user, password)) {
        readersDuringImport(server, org);
      }
    }
    measureReads(org, url, user, password);
  }

  /** Loads the organisation through the real pipeline (or bulk), timing the imports. */
  private void load(BenchmarkOrganisation org, String url, String user, String password)
      throws Exception {
    int n = org.developers;
    try (TandemServer server = TandemServer.inProcess(url, user, password)) {
      server.importFile("tandem-roster-csv", org.roster);
      server.importFile("tandem-incidents-csv", org.incidentFile);
      if (bulk) {
        // Reads only: usage and changes go straight into the base tables with the database's bulk
        // path, then the rollup is rebuilt; the import figures then come from a run without it.
        bulkInsertBaseTables(server.context.getBean(DataSource.class), org);
        HttpResponse<String> rebuilt = server.post("/api/v1/admin/rollup/rebuild");
        if (rebuilt.statusCode() / 100 != 2) {
          throw new IllegalStateException("rollup rebuild answered " + rebuilt.statusCode());
        }
      } else {
        double usageSeconds = importAll(server, "tandem-usage-csv", org.usageFiles);
        table.add("usage import (rows/s)", n, org.usageRows / usageSeconds, "rows/s", "≥ 50,000");
        double changeSeconds = importAll(server, "tandem-changes-csv", org.changeFiles);
        table.add(
            "changes import (rows/s)", n, org.changeRows / changeSeconds, "rows/s", "≥ 50,000");
        long firstFileRows = lines(org.usageFiles.get(0)) - 1;
        double reimport = importAll(server, "tandem-usage-csv", org.usageFiles.subList(0, 1));
        table.add(
            "usage re-import replacing every row (rows/s)",
            n,
            firstFileRows / reimport,
            "rows/s",
            "≥ 50,000");
        double anchor = bulkLoad(server.context.getBean(DataSource.class), org.usageFiles);
        table.add(
            postgres
                ? "same usage files by COPY (rows/s)"
                : "same usage files by H2 CSVREAD (rows/s)",
            n,
            org.usageRows / anchor,
            "rows/s",
            "anchor");
        table.add("usage import time ÷ bulk-load time", n, usageSeconds / anchor, "×", "≤ 2");
      }
      if (!options.getOrDefault("readers", "true").equals("false")) {
        readersDuringImport(server, org);
      }
    }
  }

  /** Start-up, cold and warm API reads, screens and heap per session. */
  private void measureReads(BenchmarkOrganisation org, String url, String user, String password)
      throws Exception {
    int n = org.developers;
    double[] start = new double[1];
    Path log = org.dir.getParent().resolve("tandem.log");
    Path app = options.containsKey("app") ? Path.of(options.get("app")) : null;
    if (app != null) {
      try (TandemServer server =
          TandemServer.process(url, user, password, 18_095, log, start, app, false)) {
        table.add("start-up to healthy (production jar)", n, start[0], "ms", "≤ 15,000 ms");
      }
    }
    try (TandemServer server =
        TandemServer.process(url, user, password, 18_095, log, start, app, app != null)) {
      table.add(
          app != null
              ? "start-up to healthy (production jar, class data sharing)"
              : "start-up to healthy (own JVM, class path)",
          n,
          start[0],
          "ms",
          "≤ 15,000 ms");
      for (Map.Entry<String, String> read : reads(org).entrySet()) {
        table.add(read.getKey() + ", cold", n, timed(server, read.getValue()), "ms", "≤ 1,000 ms");
      }
    }
    // Calls of each read before the ten timed ones (1 in every run before the twelfth session).
    int warmUpCalls = Integer.parseInt(options.getOrDefault("warm-up-calls", "1"));
    try (TandemServer server = TandemServer.inProcess(url, user, password)) {
      for (Map.Entry<String, String> read : reads(org).entrySet()) {
        for (int i = 0; i < warmUpCalls; i++) {
          timed(server, read.getValue());
        }
        double[] warm = new double[10];
        for (int i = 0; i < warm.length; i++) {
          warm[i] = timed(server, read.getValue());
        }
        table.add(
            read.getKey() + ", warm median of 10",
            n,
            Measurements.median(warm),
            "ms",
            "≤ 150 ms, ≤ 2× at 2,000");
      }
      if (!options.getOrDefault("browser", "true").equals("false")) {
        try (ScreenTimer screens = new ScreenTimer(server.baseUrl)) {
          for (String path : List.of("/", "/reliability")) {
            double[] times = screens.chartsDrawn(path, 6);
            String name = path.equals("/") ? "Adoption" : "Reliability";
            table.add(name + " screen, charts drawn, first", n, times[0], "ms", "≤ 1,000 ms");
            double[] warm = java.util.Arrays.copyOfRange(times, 1, times.length);
            table.add(
                name + " screen, charts drawn, median of 5",
                n,
                Measurements.median(warm),
                "ms",
                "≤ 1,000 ms");
          }
          // The same screens reached from the side menu, as a user moving between them does.
          for (String[] screen :
              List.of(
                  new String[] {"adoption", "reliability", "Adoption"},
                  new String[] {"reliability", "adoption", "Reliability"})) {
            double[] times = screens.chartsDrawnFromMenu(screen[0], screen[1], 5);
            table.add(
                screen[2] + " screen from the side menu, charts drawn, median of 5",
                n,
                Measurements.median(times),
                "ms",
                "≤ 1,000 ms");
          }
          table.add(
              "heap per UI session", n, screens.heapPerSessionKb(10, server), "KB", "≤ 1,024 KB");
        }
      }
    }
  }

  private static long lines(Path file) throws java.io.IOException {
    try (var stream = Files.lines(file)) {
      return stream.count();
    }
  }

  private static double importAll(TandemServer server, String format, List<Path> files)
      throws Exception {
    long start = System.nanoTime();
    for (Path file : files) {
      server.importFile(format, file);
    }
    return (System.nanoTime() - start) / 1e9;
  }

  private static double timed(TandemServer server, String path) throws Exception {
    long start = System.nanoTime();
    HttpResponse<String> response = server.get(path, true);
    double millis = (System.nanoTime() - start) / 1e6;
    if (response.statusCode() != 200) {
      throw new IllegalStateException(
          path
              + " answered "
              + response.statusCode()
              + ": "
              + TandemServer.abbreviate(response.body()));
    }
    return millis;
  }

  /**
   * {@code --load=bulk}: usage and changes written straight into usage_week and change_count from
   * the generated files (H2 CSVREAD or PostgreSQL COPY into a scratch table, then one INSERT …
   * SELECT joined to the roster), for measuring reads when importing is not what is measured.
   */
  private void bulkInsertBaseTables(DataSource dataSource, BenchmarkOrganisation org)
      throws Exception {
    long start = System.nanoTime();
    try (Connection c = dataSource.getConnection();
        Statement s = c.createStatement()) {
      for (String kind : List.of("usage", "changes")) {
        s.execute("DROP TABLE IF EXISTS bench_load");
        s.execute(
            kind.equals("usage")
                ? "CREATE TABLE bench_load (week VARCHAR(10), email VARCHAR(320), tool VARCHAR(50),"
                    + " active_days SMALLINT, interactions BIGINT, accepted_lines BIGINT)"
                : "CREATE TABLE bench_load (week VARCHAR(10), email VARCHAR(320), tool VARCHAR(50),"
                    + " changes INTEGER)");
        for (Path file : kind.equals("usage") ? org.usageFiles : org.changeFiles) {
          load(c, s, file);
        }
        s.execute("DROP TABLE IF EXISTS bench_weeks");
        s.execute("CREATE TABLE bench_weeks (week VARCHAR(10) PRIMARY KEY, week_start DATE)");
        StringBuilder weeks = new StringBuilder("INSERT INTO bench_weeks VALUES ");
        for (int i = 0; i < org.weeks; i++) {
          IsoWeek w = org.firstWeek().plus(i);
          weeks.append(i == 0 ? "" : ",").append("('").append(w).append("', DATE '");
          weeks.append(w.monday()).append("')");
        }
        s.execute(weeks.toString());
        s.execute(
            kind.equals("usage")
                ? "INSERT INTO usage_week (developer_id, tool_key, week_start, source, active_days,"
                    + " interactions, accepted_lines) SELECT d.id, l.tool, w.week_start,"
                    + " 'tandem-usage-csv', l.active_days, l.interactions, l.accepted_lines FROM"
                    + " bench_load l JOIN bench_weeks w ON w.week = l.week JOIN developer d ON"
                    + " d.email = l.email"
                : "INSERT INTO change_count (developer_id, week_start, attribution, changes)"
                    + " SELECT d.id, w.week_start, COALESCE(NULLIF(l.tool, ''), 'none'), l.changes"
                    + " FROM bench_load l JOIN bench_weeks w ON w.week = l.week JOIN developer d ON"
                    + " d.email = l.email");
        s.execute("DROP TABLE bench_load");
        s.execute("DROP TABLE bench_weeks");
      }
    }
    System.out.printf(
        "  bulk-loaded %,d usage and %,d change rows in %.1f s%n",
        org.usageRows, org.changeRows, (System.nanoTime() - start) / 1e9);
  }

  private void load(Connection c, Statement s, Path file) throws Exception {
    if (postgres) {
      try (Reader reader = Files.newBufferedReader(file)) {
        c.unwrap(PGConnection.class)
            .getCopyAPI()
            .copyIn("COPY bench_load FROM STDIN WITH (FORMAT csv, HEADER true)", reader);
      }
    } else {
      s.execute(
          "INSERT INTO bench_load SELECT * FROM CSVREAD('"
              + file.toString().replace("'", "''")
              + "', NULL, 'charset=UTF-8')");
    }
  }

  /** Seconds to load the usage files with the database's own bulk path into a scratch table. */
  private double bulkLoad(DataSource dataSource, List<Path> files) throws Exception {
    try (Connection c = dataSource.getConnection();
        Statement s = c.createStatement()) {
      s.execute("DROP TABLE IF EXISTS bench_anchor");
      s.execute(
          "CREATE TABLE bench_anchor (week VARCHAR(10), email VARCHAR(320), tool VARCHAR(50),"
              + " active_days SMALLINT, interactions BIGINT, accepted_lines BIGINT)");
      long start = System.nanoTime();
      for (Path file : files) {
        if (postgres) {
          try (Reader reader = Files.newBufferedReader(file)) {
            c.unwrap(PGConnection.class)
                .getCopyAPI()
                .copyIn("COPY bench_anchor FROM STDIN WITH (FORMAT csv, HEADER true)", reader);
          }
        } else {
          s.execute(
              "INSERT INTO bench_anchor SELECT * FROM CSVREAD('"
                  + file.toString().replace("'", "''")
                  + "', NULL, 'charset=UTF-8')");
        }
      }
      double seconds = (System.nanoTime() - start) / 1e9;
      s.execute("DROP TABLE bench_anchor");
      return seconds;
    }
  }

  /**
   * 20 API readers while a 1,000,000-row usage import (or as many rows as the organisation has
   * developer-weeks) replaces data: counts 5xx, p50/p95 latency, and answers equal to neither the
   * state before nor the state after.
   */
  private void readersDuringImport(TandemServer server, BenchmarkOrganisation org)
      throws Exception {
    List<String> paths = List.copyOf(reads(org).values());
    Map<String, JsonNode> before = answers(server, paths);
    AtomicBoolean importing = new AtomicBoolean(true);
    List<Double> latencies = Collections.synchronizedList(new ArrayList<>());
    List<JsonNode> seen = Collections.synchronizedList(new ArrayList<>());
    List<String> seenPaths = Collections.synchronizedList(new ArrayList<>());
    AtomicInteger errors = new AtomicInteger();
    // Each reader waits this long after an answer before asking again (a person or a dashboard
    // refreshing), 0 for a closed loop: on 2 cores 20 closed-loop readers take nearly all the CPU,
    // and the import then measures the CPU share it is left rather than the writer's effect.
    long thinkMillis = Long.parseLong(options.getOrDefault("reader-think-ms", "1000"));
    List<Thread> readers = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      int offset = i;
      Thread reader =
          new Thread(
              () -> {
                int k = offset;
                while (importing.get()) {
                  String path = paths.get(k++ % paths.size());
                  try {
                    long start = System.nanoTime();
                    HttpResponse<String> response = server.get(path, true);
                    latencies.add((System.nanoTime() - start) / 1e6);
                    if (response.statusCode() >= 500) {
                      errors.incrementAndGet();
                    } else if (response.statusCode() == 200) {
                      // Only answers that differ from the state before are kept (to compare with
                      // the state after): keeping every answer filled a 2 GB heap last time.
                      JsonNode answer = JSON.readTree(response.body());
                      if (!answer.equals(before.get(path))) {
                        seen.add(answer);
                        seenPaths.add(path);
                      }
                    }
                  } catch (Exception e) {
                    errors.incrementAndGet();
                  }
                  pause(thinkMillis);
                }
              });
      reader.start();
      readers.add(reader);
    }
    long start = System.nanoTime();
    try {
      server.importFile("tandem-usage-csv", org.replacementUsage);
    } finally {
      importing.set(false);
      for (Thread reader : readers) {
        reader.join();
      }
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    Map<String, JsonNode> after = answers(server, paths);
    int mixed = 0;
    for (int i = 0; i < seen.size(); i++) {
      String path = seenPaths.get(i);
      if (!seen.get(i).equals(before.get(path)) && !seen.get(i).equals(after.get(path))) {
        mixed++;
      }
    }
    int n = org.developers;
    System.out.printf(
        "  readers during a %,d-row import (%.1f s): %d answers%n",
        org.replacementRows, seconds, latencies.size());
    table.add(
        "20 API readers (each waiting "
            + thinkMillis
            + " ms between calls) during a usage import: rows imported",
        n,
        org.replacementRows,
        "",
        "1,000,000");
    table.add("… answers", n, latencies.size(), "", "—");
    table.add("… 5xx or failed", n, errors.get(), "", "0");
    table.add("… p50 latency", n, Measurements.percentile(latencies, 0.5), "ms", "—");
    table.add("… p95 latency", n, Measurements.percentile(latencies, 0.95), "ms", "≤ 1,000 ms");
    table.add("… answers equal to neither before nor after", n, mixed, "", "0");
    if (before.equals(after)) {
      System.out.println("  note: the import did not change any answer");
    }
  }

  private static void pause(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static Map<String, JsonNode> answers(TandemServer server, List<String> paths)
      throws Exception {
    Map<String, JsonNode> answers = new LinkedHashMap<>();
    for (String path : paths) {
      answers.put(path, JSON.readTree(server.get(path, true).body()));
    }
    return answers;
  }
}

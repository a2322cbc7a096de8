package dev.tandem.bench;

import dev.tandem.Application;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Tandem started for the benchmark: in this JVM (so its heap can be measured), or as a separate JVM
 * process (so start-up is timed as an operator would see it). Talks to it over HTTP with an admin
 * API token, as any API client would.
 */
final class TandemServer implements AutoCloseable {

  static final String TOKEN = "bench-token-0123456789abcdef";
  static final String ADMIN_PASSWORD = "bench-admin-password";

  final String baseUrl;
  final ConfigurableApplicationContext context;
  private final Process process;
  final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

  private TandemServer(String baseUrl, ConfigurableApplicationContext context, Process process) {
    this.baseUrl = baseUrl;
    this.context = context;
    this.process = process;
  }

  static List<String> arguments(String jdbcUrl, String user, String password, int port) {
    List<String> args = new ArrayList<>();
    args.add("--spring.datasource.url=" + jdbcUrl);
    args.add("--spring.datasource.username=" + user);
    args.add("--spring.datasource.password=" + password);
    args.add("--server.port=" + port);
    args.add("--TANDEM_ADMIN_PASSWORD=" + ADMIN_PASSWORD);
    args.add("--TANDEM_BOOTSTRAP_TOKEN=" + TOKEN);
    args.add("--tandem.import.max-size=500MB");
    args.add("--spring.main.banner-mode=off");
    args.add("--logging.level.root=warn");
    args.add("--logging.level.dev.tandem=warn");
    // Screens as users get them: the production frontend bundle (bin/benchmark builds it first).
    args.add("--vaadin.productionMode=true");
    return args;
  }

  /** Starts Tandem in this JVM on a free port. */
  static TandemServer inProcess(String jdbcUrl, String user, String password) {
    ConfigurableApplicationContext context =
        new SpringApplicationBuilder(Application.class)
            .run(arguments(jdbcUrl, user, password, 0).toArray(String[]::new));
    int port = ((WebServerApplicationContext) context).getWebServer().getPort();
    return new TandemServer("http://localhost:" + port, context, null);
  }

  /**
   * Starts Tandem as its own JVM and returns once /actuator/health says UP; {@code startMillis}
   * receives the time from launching the process to healthy. {@code app} is the production jar
   * extracted as README "Production" describes (with its class data sharing archive {@code
   * tandem.jsa} when {@code cds}); {@code null} runs the benchmark's own class path.
   */
  static TandemServer process(
      String jdbcUrl,
      String user,
      String password,
      int port,
      Path log,
      double[] startMillis,
      Path app,
      boolean cds)
      throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-Xmx2g");
    if (app == null) {
      command.add("-cp");
      command.add(System.getProperty("java.class.path"));
      command.add(Application.class.getName());
    } else {
      if (cds) {
        command.add("-XX:SharedArchiveFile=" + app.resolve("tandem.jsa"));
      }
      command.add("-jar");
      command.add(app.resolve("tandem.jar").toString());
    }
    command.addAll(arguments(jdbcUrl, user, password, port));
    long start = System.nanoTime();
    Process process =
        new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    TandemServer server = new TandemServer("http://localhost:" + port, null, process);
    long deadline = System.nanoTime() + Duration.ofMinutes(10).toNanos();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IllegalStateException("Tandem exited during start-up; see " + log);
      }
      try {
        HttpResponse<String> health = server.get("/actuator/health", false);
        if (health.statusCode() == 200 && health.body().contains("UP")) {
          startMillis[0] = (System.nanoTime() - start) / 1e6;
          return server;
        }
      } catch (IOException notYet) {
        // not listening yet
      }
      Thread.sleep(100);
    }
    process.destroyForcibly();
    throw new IllegalStateException("Tandem was not healthy within 10 minutes; see " + log);
  }

  /**
   * Bytes of live objects on the server's heap: the total of a class histogram, which HotSpot takes
   * in one safepoint right after a full collection ({@code GC.class_histogram}; through {@code
   * jcmd} for a server in its own process, the diagnostic command bean for one in this JVM). The
   * used-heap figure read after {@code GC.run} was not this: it also counted whatever was allocated
   * between the collection and the reading, which varied by up to 85 MB between two readings a
   * second apart.
   */
  long liveHeapBytes() throws IOException, InterruptedException {
    String histogram;
    if (process == null) {
      try {
        histogram =
            (String)
                java.lang.management.ManagementFactory.getPlatformMBeanServer()
                    .invoke(
                        new javax.management.ObjectName(
                            "com.sun.management:type=DiagnosticCommand"),
                        "gcClassHistogram",
                        new Object[] {new String[0]},
                        new String[] {String[].class.getName()});
      } catch (javax.management.JMException e) {
        throw new IllegalStateException("no class histogram from this JVM", e);
      }
    } else {
      histogram = jcmd("GC.class_histogram");
    }
    var total = java.util.regex.Pattern.compile("(?m)^Total\\s+\\d+\\s+(\\d+)").matcher(histogram);
    if (!total.find()) {
      throw new IllegalStateException(
          "no total in the class histogram: " + histogram.lines().limit(5).toList());
    }
    return Long.parseLong(total.group(1));
  }

  private String jcmd(String command) throws IOException, InterruptedException {
    Process jcmd =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
                Long.toString(process.pid()),
                command)
            .redirectErrorStream(true)
            .start();
    String out = new String(jcmd.getInputStream().readAllBytes());
    if (jcmd.waitFor() != 0) {
      throw new IllegalStateException("jcmd " + command + " failed: " + out);
    }
    return out;
  }

  HttpResponse<String> get(String path, boolean authorised)
      throws IOException, InterruptedException {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(Duration.ofMinutes(15)).GET();
    if (authorised) {
      request.header("Authorization", "Bearer " + TOKEN);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  HttpResponse<String> post(String path) throws IOException, InterruptedException {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(baseUrl + path))
            .timeout(Duration.ofHours(1))
            .header("Authorization", "Bearer " + TOKEN)
            .POST(HttpRequest.BodyPublishers.noBody())
            .build();
    return http.send(request, HttpResponse.BodyHandlers.ofString());
  }

  /** Posts a file to the import API (the real pipeline); fails unless it was applied. */
  String importFile(String format, Path file) throws IOException, InterruptedException {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(baseUrl + "/api/v1/imports?format=" + format))
            .timeout(Duration.ofHours(1))
            .header("Authorization", "Bearer " + TOKEN)
            .header("Content-Type", "text/csv")
            .POST(HttpRequest.BodyPublishers.ofFile(file))
            .build();
    HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != 200) {
      throw new IllegalStateException(
          "import of "
              + file
              + " answered "
              + response.statusCode()
              + ": "
              + abbreviate(response.body()));
    }
    return response.body();
  }

  static String abbreviate(String text) {
    return text.length() > 2_000 ? text.substring(0, 2_000) + "…" : text;
  }

  @Override
  public void close() {
    if (context != null) {
      context.close();
    }
    if (process != null) {
      process.destroy();
      try {
        process.waitFor();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }
}

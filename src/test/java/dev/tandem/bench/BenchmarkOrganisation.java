package dev.tandem.bench;

import dev.tandem.base.IsoWeek;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Writes a synthetic organisation as Tandem's own import files: {@code developers} developers in
 * leaf teams of about 50 under eight areas, {@code weeks} ISO weeks ending with {@code lastWeek},
 * five tools, adoption rising from about 35% to about 85% with team differences, one or two tools
 * per active developer-week, changes per attribution, and {@code incidents} incidents. Seeded, so
 * the same arguments always give the same files. Usage and changes are split into files of 26 weeks
 * (one import each), as an organisation importing quarterly would.
 */
final class BenchmarkOrganisation {

  static final List<String> TOOLS =
      List.of("copilot", "q-developer", "kiro", "cursor", "claude-code");
  private static final int AREAS = 8;
  private static final int TEAM_SIZE = 50;
  private static final int WEEKS_PER_FILE = 26;

  final int developers;
  final int weeks;
  final IsoWeek lastWeek;
  final int incidents;
  final Path dir;
  final List<Path> usageFiles = new ArrayList<>();
  final List<Path> changeFiles = new ArrayList<>();
  Path roster;
  Path incidentFile;

  /** One usage file of {@code replaceRows} rows that re-imports usage of the last weeks. */
  Path replacementUsage;

  long usageRows;
  long changeRows;
  long replacementRows;

  BenchmarkOrganisation(int developers, int weeks, IsoWeek lastWeek, int incidents, Path dir) {
    this.developers = developers;
    this.weeks = weeks;
    this.lastWeek = lastWeek;
    this.incidents = incidents;
    this.dir = dir;
  }

  IsoWeek firstWeek() {
    return lastWeek.minus(weeks - 1L);
  }

  int teams() {
    return Math.max(AREAS, developers / TEAM_SIZE);
  }

  String teamPath(int team) {
    return "engineering/area-" + (team % AREAS) + "/team-" + team;
  }

  int teamOf(int developer) {
    return developer % teams();
  }

  /** Writes every file; returns this. */
  BenchmarkOrganisation write() throws IOException {
    Files.createDirectories(dir);
    writeRoster();
    writeUsageAndChanges();
    writeIncidents();
    writeReplacement(1_000_000);
    return this;
  }

  private LocalDate startedOn(int d) {
    // 85% were there before the range; 15% join during it.
    Random r = new Random(d * 31L + 7);
    if (r.nextInt(100) < 85) {
      return LocalDate.of(2020, 1, 6);
    }
    return firstWeek().plus(r.nextInt(weeks)).monday().plusDays(r.nextInt(7));
  }

  private LocalDate leftOn(int d) {
    Random r = new Random(d * 17L + 3);
    if (r.nextInt(100) < 10) {
      LocalDate left = firstWeek().plus(r.nextInt(weeks)).monday().plusDays(r.nextInt(7));
      return left.isBefore(startedOn(d)) ? null : left;
    }
    return null;
  }

  private void writeRoster() throws IOException {
    roster = dir.resolve("roster.csv");
    try (BufferedWriter w = Files.newBufferedWriter(roster, StandardCharsets.UTF_8)) {
      w.write("email,name,team_path,started_on,left_on,excluded\n");
      for (int d = 0; d < developers; d++) {
        LocalDate left = leftOn(d);
        w.write(email(d) + ",Developer " + d + "," + teamPath(teamOf(d)) + "," + startedOn(d));
        w.write("," + (left == null ? "" : left.toString()) + "," + (d % 100 == 99) + "\n");
      }
    }
  }

  static String email(int d) {
    return "dev" + d + "@bench.example.com";
  }

  private boolean employed(int d, IsoWeek week) {
    LocalDate left = leftOn(d);
    return !startedOn(d).isAfter(week.sunday()) && (left == null || !left.isBefore(week.monday()));
  }

  private void writeUsageAndChanges() throws IOException {
    int files = (weeks + WEEKS_PER_FILE - 1) / WEEKS_PER_FILE;
    for (int f = 0; f < files; f++) {
      Path usage = dir.resolve("usage-" + f + ".csv");
      Path changes = dir.resolve("changes-" + f + ".csv");
      usageFiles.add(usage);
      changeFiles.add(changes);
      try (BufferedWriter u = Files.newBufferedWriter(usage, StandardCharsets.UTF_8);
          BufferedWriter c = Files.newBufferedWriter(changes, StandardCharsets.UTF_8)) {
        u.write("week,email,tool,active_days,interactions,accepted_lines\n");
        c.write("week,email,tool,changes\n");
        for (int i = f * WEEKS_PER_FILE; i < Math.min(weeks, (f + 1) * WEEKS_PER_FILE); i++) {
          writeWeek(i, u, c);
        }
      }
    }
  }

  private void writeWeek(int i, BufferedWriter u, BufferedWriter c) throws IOException {
    IsoWeek week = firstWeek().plus(i);
    String weekText = week.toString();
    double progress = weeks == 1 ? 1 : i / (double) (weeks - 1);
    for (int d = 0; d < developers; d++) {
      if (!employed(d, week)) {
        continue;
      }
      Random r = new Random(d * 1_000_003L + i);
      int team = teamOf(d);
      double adoption = 0.35 + 0.5 * progress + ((team % 7) - 3) * 0.03;
      String email = email(d);
      int none = r.nextInt(4);
      if (none > 0) {
        c.write(weekText + "," + email + ",," + none + "\n");
        changeRows++;
      }
      if (r.nextDouble() >= adoption) {
        continue;
      }
      int first = (team + (r.nextInt(10) < 7 ? 0 : r.nextInt(TOOLS.size()))) % TOOLS.size();
      int count = r.nextInt(10) < 6 ? 1 : 2;
      for (int k = 0; k < count; k++) {
        String tool = TOOLS.get((first + k) % TOOLS.size());
        int days = 1 + r.nextInt(5);
        u.write(weekText + "," + email + "," + tool + "," + days + "," + days * 9 + ",");
        u.write(days * 37 + "\n");
        usageRows++;
        int assisted = r.nextInt(3);
        if (assisted > 0) {
          c.write(weekText + "," + email + "," + tool + "," + assisted + "\n");
          changeRows++;
        }
      }
    }
  }

  private void writeIncidents() throws IOException {
    incidentFile = dir.resolve("incidents.csv");
    Random r = new Random(42);
    String[] severities = {"SEV1", "SEV2", "SEV3", "SEV3", "SEV4", "SEV4"};
    String[] causes = {
      "user-error", "ai-error", "access-control", "process", "infrastructure", "other"
    };
    try (BufferedWriter w = Files.newBufferedWriter(incidentFile, StandardCharsets.UTF_8)) {
      w.write(
          "id,title,severity,started_at,resolved_at,service,team,ai_involvement,tool,root_cause,"
              + "peer_reviewed,approval_required,permissions_exceeded,customer_impact,postmortem_url\n");
      for (int n = 0; n < incidents; n++) {
        IsoWeek week = firstWeek().plus(r.nextInt(weeks));
        var started =
            week.monday()
                .atStartOfDay()
                .plusMinutes(r.nextInt(7 * 24 * 60))
                .atOffset(ZoneOffset.UTC);
        var resolved = started.plusMinutes(10 + r.nextInt(2_000));
        int roll = r.nextInt(100);
        String involvement =
            roll < 55 ? "none" : roll < 78 ? "assisted" : roll < 90 ? "agent" : "unknown";
        String tool =
            involvement.equals("assisted") || involvement.equals("agent")
                ? TOOLS.get(r.nextInt(TOOLS.size()))
                : "";
        int team = r.nextInt(teams());
        w.write("BENCH-" + n + ",Incident " + n + "," + severities[r.nextInt(severities.length)]);
        w.write("," + started + "," + resolved + ",service-" + r.nextInt(40) + ",team-" + team);
        w.write("," + involvement + "," + tool + "," + causes[r.nextInt(causes.length)]);
        w.write("," + r.nextBoolean() + "," + r.nextBoolean() + "," + (r.nextInt(10) == 0));
        w.write("," + (r.nextInt(5) == 0) + ",\n");
      }
    }
  }

  /**
   * Points at the replacement usage file an earlier {@link #write()} left in the directory (for a
   * run on an existing database) and counts its rows.
   */
  void useWrittenReplacement() throws IOException {
    replacementUsage = dir.resolve("usage-replacement.csv");
    try (var lines = Files.lines(replacementUsage, StandardCharsets.UTF_8)) {
      replacementRows = lines.count() - 1;
    }
  }

  /**
   * A usage file of about {@code rows} rows for the most recent weeks that gives every developer on
   * the roster one active day of claude-code: it replaces what the first import wrote for those
   * keys and raises adoption, so a reader can tell the state before it from the state after.
   */
  private void writeReplacement(int rows) throws IOException {
    replacementUsage = dir.resolve("usage-replacement.csv");
    int span = Math.max(1, Math.min(weeks, rows / developers));
    try (BufferedWriter w = Files.newBufferedWriter(replacementUsage, StandardCharsets.UTF_8)) {
      w.write("week,email,tool,active_days,interactions,accepted_lines\n");
      for (int i = weeks - span; i < weeks; i++) {
        String week = firstWeek().plus(i).toString();
        for (int d = 0; d < developers && replacementRows < rows; d++) {
          w.write(week + "," + email(d) + ",claude-code,1,3,10\n");
          replacementRows++;
        }
      }
    }
  }
}

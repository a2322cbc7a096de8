package dev.tandem.rollup;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tandem.ResetTables;
import dev.tandem.adoption.AdoptionReport;
import dev.tandem.adoption.AdoptionService;
import dev.tandem.base.IsoWeek;
import dev.tandem.base.Scope;
import dev.tandem.base.WeekRange;
import dev.tandem.ingest.ImportMode;
import dev.tandem.ingest.ImportRequest;
import dev.tandem.ingest.ImportResult;
import dev.tandem.ingest.ImportService;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Readers running while an import applies (through the real ImportService) see the figures of the
 * state before it or after it, never a mix: each answer is read from one snapshot, and the rollup
 * changes in the import's transaction.
 */
@SpringBootTest
@ResetTables
class ConsistentReadsIT {

  @Autowired ImportService imports;
  @Autowired AdoptionService adoption;

  @AfterEach
  void signOut() {
    SecurityContextHolder.clearContext();
  }

  @Test
  void readers_during_an_import_see_only_the_state_before_or_after_it() throws Exception {
    SecurityContext admin = SecurityContextHolder.createEmptyContext();
    admin.setAuthentication(
        new UsernamePasswordAuthenticationToken(
            "admin", "n/a", AuthorityUtils.createAuthorityList("ROLE_ADMIN")));
    SecurityContextHolder.setContext(admin);
    IsoWeek last = IsoWeek.parse("2026-W10");
    WeekRange range = WeekRange.ending(last, 8);
    StringBuilder roster = new StringBuilder("email,name,team_path,started_on,left_on,excluded\n");
    StringBuilder usage =
        new StringBuilder("week,email,tool,active_days,interactions,accepted_lines\n");
    for (int d = 0; d < 60; d++) {
      roster.append("r").append(d).append("@example.com,R ").append(d);
      roster.append(",eng/team-").append(d % 4).append(",2025-01-06,,\n");
      for (IsoWeek w : range.weeks()) {
        usage.append(w).append(",r").append(d).append("@example.com,copilot,2,,\n");
      }
    }
    assertThat(importText(roster.toString(), "tandem-roster-csv").rowsApplied()).isEqualTo(60);
    String before = figures(adoption.weeklyAdoption(Scope.ORGANISATION, range));

    AtomicBoolean importing = new AtomicBoolean(true);
    ConcurrentLinkedQueue<String> seen = new ConcurrentLinkedQueue<>();
    List<Thread> readers = new ArrayList<>();
    for (int r = 0; r < 4; r++) {
      Thread reader =
          new Thread(
              () -> {
                SecurityContextHolder.setContext(admin);
                while (importing.get()) {
                  seen.add(figures(adoption.weeklyAdoption(Scope.ORGANISATION, range)));
                }
              });
      reader.start();
      readers.add(reader);
    }
    ImportResult result = importText(usage.toString(), "tandem-usage-csv");
    importing.set(false);
    for (Thread reader : readers) {
      reader.join();
    }
    String after = figures(adoption.weeklyAdoption(Scope.ORGANISATION, range));

    assertThat(result.rowsApplied()).isEqualTo(60 * 8);
    assertThat(after).isNotEqualTo(before);
    assertThat(seen).isNotEmpty().allMatch(s -> s.equals(before) || s.equals(after));
  }

  private ImportResult importText(String text, String format) {
    return imports.importFile(
        new ImportRequest(format, ImportMode.ALL_OR_NOTHING, false, format + ".csv", null),
        new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
  }

  /** Every week's headcount and AI users, and the pooled figure. */
  private static String figures(AdoptionReport report) {
    StringBuilder s = new StringBuilder();
    report
        .weeks()
        .forEach(w -> s.append(w.headcount()).append('/').append(w.aiUsers()).append(' '));
    return s.append(report.period()).toString();
  }
}

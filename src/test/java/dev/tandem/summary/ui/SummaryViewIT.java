package dev.tandem.summary.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasText;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.NativeTable;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.QueryParameters;
import dev.tandem.base.IsoWeek;
import dev.tandem.rollup.RollupFixture;
import dev.tandem.ui.KaribuSupport;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;

/**
 * The summary page of a small organisation worked by hand, read as a leader. One team, 2026-W10
 * (2–8 March) and W11 (9–15 March):
 *
 * <pre>
 * d1–d6 use Cursor both weeks (d1, d2 with an agent day in W11), 10 Cursor changes a week each
 * d7, d8 no AI use, 50 changes without AI a week each
 * d9 leaves Wed W10: 20 changes without AI in W10 (counted), 30 in W11 (not: after leaving)
 * d10 excluded: uses Cursor, 40 changes without AI in W10 (not counted)
 * headcount W10 = d1–d9 = 9, W11 = d1–d8 = 8: 17 developer-weeks; AI users 6 + 6
 *   → W11 adoption 6/8 = 75.0% (5.0 points below 80%), pooled 12/17 = 70.6%, agents 2/17 = 11.8%
 * changes: Cursor 6 × 2 × 10 = 120; without AI 2 × 2 × 50 + 20 = 220; left out 30 + 40 = 70
 * incidents: Cursor (assisted) 4, none 2, unknown 1
 *   Cursor rate 4/120 = 33.33, baseline 2/220 = 9.09 per 1,000 changes, RR 3.67;
 *   SciPy: 95% CI 0.5255–40.53, central exact p 0.2413 (the only tool compared: Holm p the same);
 *   each rate's exact Poisson interval (SciPy chi2): 2 / 220 → 1.10–32.84, 4 / 120 → 9.08–85.35
 * safeguards, AI-involved (4): peer review false, false, true, null; approval false × 3, true;
 *   permissions exceeded true, false × 3. Other (2): reviewed, approval required, not exceeded.
 * </pre>
 */
@SpringBootTest
class SummaryViewIT {

  @Autowired ApplicationContext context;
  @Autowired DSLContext db;

  private String team;

  @BeforeEach
  void setUp() {
    KaribuSupport.setUp(context);
    team = "summary-" + UUID.randomUUID().toString().substring(0, 8);
    db.execute("INSERT INTO team (team_key, name) VALUES (?, ?)", team, "Platform " + team);
    long teamId = teamId(team);
    LocalDate since = LocalDate.of(2025, 1, 6);
    long[] d = new long[11];
    for (int i = 1; i <= 10; i++) {
      d[i] = developer(teamId, since, i == 9 ? LocalDate.of(2026, 3, 4) : null, i == 10);
    }
    for (int i = 1; i <= 6; i++) {
      usage(d[i], "2026-W10", 3, 0);
      usage(d[i], "2026-W11", 2, i <= 2 ? 1 : 0);
      changes(d[i], "2026-W10", "cursor", 10);
      changes(d[i], "2026-W11", "cursor", 10);
    }
    usage(d[10], "2026-W10", 4, 0);
    for (int i = 7; i <= 8; i++) {
      changes(d[i], "2026-W10", "none", 50);
      changes(d[i], "2026-W11", "none", 50);
    }
    changes(d[9], "2026-W10", "none", 20);
    changes(d[9], "2026-W11", "none", 30);
    changes(d[10], "2026-W10", "none", 40);
    RollupFixture.refresh(db);

    incident(teamId, "assisted", "cursor", "2026-03-03T10:00:00Z", false, false, true);
    incident(teamId, "assisted", "cursor", "2026-03-05T10:00:00Z", false, false, false);
    incident(teamId, "agent", "cursor", "2026-03-10T10:00:00Z", true, false, false);
    incident(teamId, "assisted", "cursor", "2026-03-12T10:00:00Z", null, true, false);
    incident(teamId, "none", null, "2026-03-04T10:00:00Z", true, true, false);
    incident(teamId, "none", null, "2026-03-13T10:00:00Z", true, true, false);
    incident(teamId, "unknown", null, "2026-03-11T10:00:00Z", null, null, null);
  }

  @AfterEach
  void tearDown() {
    KaribuSupport.tearDown();
  }

  @Test
  void a_leader_reads_adoption_the_ai_comparison_with_corrected_verdicts_and_the_safeguard_gaps() {
    KaribuSupport.signIn("summary-leader", "LEADER");
    UI.getCurrent()
        .navigate(
            SummaryView.class,
            QueryParameters.simple(Map.of("from", "2026-W10", "to", "2026-W11", "team", team)));

    assertThat(text("summary-scope"))
        .contains("Platform " + team, "2026-W10 to 2026-W11 (2 weeks)");
    assertThat(text("summary-adoption-last")).isEqualTo("75.0%");
    assertThat(parentText("summary-adoption-last"))
        .contains("6 of 8 developers · 5.0 points below the goal of 80%");
    assertThat(text("summary-adoption-period")).isEqualTo("70.6%");
    assertThat(parentText("summary-adoption-period")).contains("12 of 17 developer-weeks");
    assertThat(text("summary-agent-period")).isEqualTo("11.8%");
    assertThat(parentText("summary-agent-period"))
        .contains("2 of 17 developer-weeks · 25.0% in 2026-W11");

    assertThat(_get(Paragraph.class, s -> s.withId("summary-all-ai")).getText())
        .isEqualTo(
            "All AI tools together: 3.7×, 95% CI 0.53–41; no evidence of a difference. Fewer"
                + " than 20 incidents in the comparison: unstable.");
    List<List<String>> rows = rows("summary-comparison");
    assertThat(rows.get(0))
        .containsExactly(
            "Tool",
            "Incidents",
            "Changes",
            "Rate per 1,000 changes (95% CI)",
            "Rate ratio (95% CI)",
            "p (Holm)",
            "Verdict, allowing for 1 tools compared");
    assertThat(rows.get(1))
        .containsExactly(
            "No AI (baseline)", "2", "220", "9.09 (1.10–32.84)", "1 (reference)", "", "");
    assertThat(rows.get(2))
        .containsExactly(
            "All AI tools together",
            "4",
            "120",
            "33.33 (9.08–85.35)",
            "3.67 (0.53–40.53)",
            "0.241",
            "no evidence of a difference · unstable");
    assertThat(rows)
        .anySatisfy(
            r ->
                assertThat(r)
                    .containsExactly(
                        "Cursor",
                        "4",
                        "120",
                        "33.33 (9.08–85.35)",
                        "3.67 (0.53–40.53)",
                        "0.241 (0.241)",
                        "no evidence of a difference · unstable"));
    assertThat(_get(Paragraph.class, s -> s.withId("summary-data-quality")).getText())
        .isEqualTo(
            "1 incident not yet classified (AI involvement unknown): counted in neither group."
                + " 70 changes outside employment or while excluded are not counted.");

    // Fisher's exact p (SciPy): [[2, 2], [0, 2]] 0.467, [[3, 1], [0, 2]] 0.400, [[1, 3], [0, 2]] 1.
    assertThat(rows("summary-safeguard-table"))
        .containsExactly(
            List.of(
                "Safeguard gap", "AI-involved (4)", "Other incidents (2)", "AI-involved vs other"),
            List.of(
                "Not peer-reviewed",
                "2 of 4 (50%) · 1 not recorded",
                "0 of 2 (0%)",
                "none without AI · Fisher's p 0.467"),
            List.of(
                "No approval required",
                "3 of 4 (75%)",
                "0 of 2 (0%)",
                "none without AI · Fisher's p 0.400"),
            List.of(
                "Permissions exceeded",
                "1 of 4 (25%)",
                "0 of 2 (0%)",
                "none without AI · Fisher's p 1.000"));
    // The clearest difference leads, in words that do not overstate it.
    assertThat(_get(Paragraph.class, s -> s.withId("summary-safeguard-sentence")).getText())
        .isEqualTo(
            "AI-involved incidents needed no second approval in 75% of cases against 0% of"
                + " incidents without AI; a difference this size could be chance (Fisher's exact p"
                + " 0.400).");
    assertThat(text("summary-definitions")).contains("Holm-adjusted", "fewer than 5 developers");
  }

  private static String text(String id) {
    return textOf(_get(Component.class, s -> s.withId(id)));
  }

  private static String parentText(String id) {
    return textOf(_get(Component.class, s -> s.withId(id)).getParent().orElseThrow());
  }

  private static String textOf(Component c) {
    return c instanceof HasText t && !(c instanceof com.vaadin.flow.component.html.Div)
        ? t.getText()
        : c.getElement().getTextRecursively();
  }

  private static List<List<String>> rows(String tableId) {
    NativeTable table = _get(NativeTable.class, s -> s.withId(tableId));
    return table
        .getElement()
        .getChildren()
        .flatMap(section -> section.getChildren())
        .map(
            row ->
                row.getChildren()
                    .map(com.vaadin.flow.dom.Element::getTextRecursively)
                    .collect(Collectors.toList()))
        .toList();
  }

  private long teamId(String key) {
    return db.fetchOne("SELECT id FROM team WHERE team_key = ?", key).get(0, Long.class);
  }

  private long developer(long teamId, LocalDate started, LocalDate left, boolean excluded) {
    return db.fetchOne(
            "SELECT id FROM FINAL TABLE (INSERT INTO developer (email, name, team_id, started_on,"
                + " left_on, excluded) VALUES (?, 'Dev', ?, ?, ?, ?))",
            UUID.randomUUID() + "@example.com",
            teamId,
            started,
            left,
            excluded)
        .get(0, Long.class);
  }

  private void usage(long developer, String week, int days, int agentDays) {
    db.execute(
        "INSERT INTO usage_week (developer_id, tool_key, week_start, source, active_days,"
            + " agent_days) VALUES (?, 'cursor', ?, 'test', ?, ?)",
        developer,
        IsoWeek.parse(week).monday(),
        days,
        agentDays);
  }

  private void changes(long developer, String week, String attribution, int changes) {
    db.execute(
        "INSERT INTO change_count (developer_id, week_start, attribution, changes) VALUES (?, ?,"
            + " ?, ?)",
        developer,
        IsoWeek.parse(week).monday(),
        attribution,
        changes);
  }

  private void incident(
      long teamId,
      String involvement,
      String tool,
      String startedAt,
      Boolean peerReviewed,
      Boolean approvalRequired,
      Boolean permissionsExceeded) {
    db.execute(
        "INSERT INTO incident (external_id, source, title, severity, started_at, team_id,"
            + " ai_involvement, tool_key, peer_reviewed, approval_required, permissions_exceeded,"
            + " updated_at) VALUES (?, 'test', 'Incident', 'SEV2', ?, ?, ?, ?, ?, ?, ?,"
            + " CURRENT_TIMESTAMP)",
        UUID.randomUUID().toString(),
        java.time.OffsetDateTime.parse(startedAt),
        teamId,
        involvement,
        tool,
        peerReviewed,
        approvalRequired,
        permissionsExceeded);
  }
}

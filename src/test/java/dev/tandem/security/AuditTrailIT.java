package dev.tandem.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tandem.base.AiInvolvement;
import dev.tandem.base.Severity;
import dev.tandem.ingest.ImportMode;
import dev.tandem.ingest.ImportRequest;
import dev.tandem.ingest.ImportResult;
import dev.tandem.ingest.ImportService;
import dev.tandem.reliability.Incident;
import dev.tandem.reliability.IncidentService;
import dev.tandem.reliability.Triage;
import dev.tandem.roster.Developer;
import dev.tandem.roster.RosterService;
import dev.tandem.roster.Team;
import dev.tandem.settings.SettingsService;
import dev.tandem.tools.Tool;
import dev.tandem.tools.ToolService;
import java.io.ByteArrayInputStream;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.test.context.support.WithMockUser;

/** Every kind of write the application has leaves an entry with who, what and before/after. */
@SpringBootTest
@WithMockUser(username = "audit-admin", roles = "ADMIN")
class AuditTrailIT {

  @Autowired AuditService audit;
  @Autowired RosterService roster;
  @Autowired ToolService tools;
  @Autowired SettingsService settings;
  @Autowired UserService users;
  @Autowired ApiTokenService tokens;
  @Autowired ImportService imports;
  @Autowired IncidentService incidents;

  @Test
  void roster_writes_are_audited_with_before_and_after() {
    Team team = roster.saveTeam(new Team(null, "audit-team", "Audit", null));
    assertLatest("create", "team", team.id(), null, "\"name\":\"Audit\"");
    roster.saveTeam(new Team(team.id(), "audit-team", "Audit renamed", null));
    assertLatest("update", "team", team.id(), "\"name\":\"Audit\"", "\"name\":\"Audit renamed\"");

    Developer dev =
        roster.saveDeveloper(
            new Developer(
                null,
                "audit.dev@example.com",
                "Audit Dev",
                team.id(),
                null,
                LocalDate.of(2025, 1, 6),
                null,
                false));
    assertLatest("create", "developer", dev.id(), null, "audit.dev@example.com");
    roster.saveDeveloper(
        new Developer(
            dev.id(),
            dev.email(),
            "Audit Developer",
            team.id(),
            null,
            dev.startedOn(),
            null,
            false));
    assertLatest(
        "update", "developer", dev.id(), "\"name\":\"Audit Dev\"", "\"name\":\"Audit Developer\"");
  }

  @Test
  void tool_and_settings_writes_are_audited() {
    tools.create(new Tool("audit-tool", "Audit Tool", "Acme", "agent", true, true));
    assertLatest("create", "tool", "audit-tool", null, "\"name\":\"Audit Tool\"");
    tools.update(new Tool("audit-tool", "Audit Tool 2", "Acme", "agent", true, false));
    assertLatest("update", "tool", "audit-tool", "\"active\":true", "\"active\":false");

    settings.update("0.70", "6", "Europe/Berlin", "developer-weeks");
    AuditEntry entry = audit.latest(1).get(0);
    assertThat(entry.entity()).isEqualTo("settings");
    assertThat(entry.after()).contains("\"minGroupSize\":6", "Europe/Berlin");
    settings.update("0.80", "5", "UTC", "changes");
  }

  @Test
  void user_writes_are_audited_and_the_password_never_appears() {
    UserAccount created =
        users.createUserAsAdmin(
            new UserAccount(null, "audited-user", "Audited", Role.LEADER, null, null, true),
            "first-secret-pw");
    assertLatest("create", "user", created.id(), null, "\"username\":\"audited-user\"");
    users.updateUser(
        new UserAccount(created.id(), "audited-user", "Audited", Role.LEADER, null, null, false));
    assertLatest("update", "user", created.id(), "\"enabled\":true", "\"enabled\":false");
    users.resetPassword(created.id(), "second-secret-pw");
    assertLatest("reset-password", "user", created.id(), null, "audited-user");

    List<AuditEntry> all = audit.search(new AuditFilter(null, "user", null, null, null), 0, 100);
    assertThat(all)
        .allSatisfy(
            e ->
                assertThat(e.before() + " " + e.after())
                    .doesNotContain("first-secret-pw", "second-secret-pw", "$2a$", "password"));
  }

  @Test
  void token_creation_and_revocation_are_audited_without_the_token_value() {
    ApiTokenService.CreatedToken token = tokens.create("audited-token", Role.LEADER, null);
    assertLatest("create", "api-token", token.id(), null, "\"name\":\"audited-token\"");
    tokens.revoke(token.id());
    assertLatest("revoke", "api-token", token.id(), "\"revokedAt\":null", "\"revokedAt\":\"");
    assertThat(audit.search(new AuditFilter(null, null, token.token(), null, null), 0, 10))
        .isEmpty();
  }

  @Test
  void imports_and_undo_are_audited() {
    ImportResult result =
        imports.importFile(
            new ImportRequest("tandem-roster-csv", ImportMode.ALL_OR_NOTHING, false, "r.csv", null),
            new ByteArrayInputStream(
                ("email,name,team_path,started_on,left_on,excluded\n"
                        + "imp.audit@example.com,Imp Audit,audit-imports,2025-01-06,,\n")
                    .getBytes(StandardCharsets.UTF_8)));
    assertThat(result.batchId()).isNotNull();
    assertThat(audit.search(new AuditFilter(null, "import-batch", null, null, null), 0, 50))
        .anySatisfy(
            e -> {
              assertThat(e.action()).isEqualTo("import");
              assertThat(e.entityId()).isEqualTo(String.valueOf(result.batchId()));
              assertThat(e.actor()).isEqualTo("audit-admin");
            });
    imports.undo(result.batchId());
    assertLatest("undo", "import-batch", result.batchId(), "applied", "undone");
  }

  @Test
  void incident_edits_and_triage_are_audited() {
    Incident created = incidents.save(incident());
    assertLatest("create", "incident", created.id(), null, "\"title\":\"Audit outage\"");
    incidents.triage(
        created.id(), new Triage(AiInvolvement.ASSISTED, "copilot", null, true, false, false));
    assertLatest(
        "triage",
        "incident",
        created.id(),
        "\"aiInvolvement\":\"unknown\"",
        "\"aiInvolvement\":\"assisted\"");
  }

  @Test
  void the_audit_log_has_no_way_to_change_or_delete_an_entry() {
    List<String> publicMethods =
        Arrays.stream(AuditService.class.getDeclaredMethods())
            .filter(m -> Modifier.isPublic(m.getModifiers()))
            .map(Method::getName)
            .toList();
    assertThat(publicMethods)
        .containsExactlyInAnyOrder("record", "latest", "search", "count", "entities");
    assertThat(
            Arrays.stream(AuditRepository.class.getDeclaredMethods())
                .map(Method::getName)
                .filter(n -> n.matches("(?i).*(update|delete|remove|clear|truncate|edit).*")))
        .isEmpty();
  }

  private void assertLatest(
      String action, String entity, Object id, String beforeContains, String afterContains) {
    AuditEntry e = audit.latest(1).get(0);
    assertThat(e.actor()).isEqualTo("audit-admin");
    assertThat(e.action()).isEqualTo(action);
    assertThat(e.entity()).isEqualTo(entity);
    assertThat(e.entityId()).isEqualTo(String.valueOf(id));
    assertThat(e.occurredAt()).isNotNull();
    if (beforeContains == null) {
      assertThat(e.before()).isNull();
    } else {
      assertThat(e.before()).contains(beforeContains);
    }
    assertThat(e.after()).contains(afterContains);
  }

  private static Incident incident() {
    return Incident.builder()
        .externalId("AUD-" + System.nanoTime())
        .title("Audit outage")
        .severity(Severity.SEV2)
        .startedAt(OffsetDateTime.parse("2026-03-01T10:00:00Z"))
        .service("checkout")
        .aiInvolvement(AiInvolvement.UNKNOWN)
        .build();
  }
}

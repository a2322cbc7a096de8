package dev.tandem.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tandem.base.AiInvolvement;
import dev.tandem.base.RootCause;
import dev.tandem.base.Scope;
import dev.tandem.base.Severity;
import dev.tandem.base.ValidationException;
import dev.tandem.security.AuditEntry;
import dev.tandem.security.AuditService;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.test.context.support.WithMockUser;

@SpringBootTest
@WithMockUser(username = "incident-admin", roles = "ADMIN")
class IncidentServiceIT {

  @Autowired IncidentService incidents;
  @Autowired AuditService audit;
  @Autowired DSLContext db;

  @Test
  void a_tool_is_required_exactly_when_ai_was_involved() {
    assertThatThrownBy(() -> incidents.save(incident(AiInvolvement.ASSISTED, null, null)))
        .isInstanceOfSatisfying(
            ValidationException.class,
            e ->
                assertThat(e.problems())
                    .extracting(ValidationException.FieldProblem::field)
                    .containsExactly("tool"));
    assertThatThrownBy(() -> incidents.save(incident(AiInvolvement.NONE, "cursor", null)))
        .hasMessageContaining("tool: leave the tool empty");
    assertThatThrownBy(() -> incidents.save(incident(AiInvolvement.AGENT, "no-such-tool", null)))
        .hasMessageContaining("no tool with key 'no-such-tool'");
    assertThat(incidents.save(incident(AiInvolvement.AGENT, "kiro", null)).tool())
        .isEqualTo("kiro");
    assertThat(incidents.save(incident(AiInvolvement.UNKNOWN, null, null)).tool()).isNull();
  }

  @Test
  void an_incident_cannot_be_resolved_before_it_started_and_the_postmortem_must_be_a_web_address() {
    Incident bad =
        with(
            incident(AiInvolvement.NONE, null, "wiki/pm/12"),
            OffsetDateTime.parse("2026-03-01T09:59:00Z"));
    assertThatThrownBy(() -> incidents.save(bad))
        .isInstanceOfSatisfying(
            ValidationException.class,
            e ->
                assertThat(e.problems())
                    .extracting(ValidationException.FieldProblem::field)
                    .containsExactly("resolvedAt", "postmortemUrl"));
    assertThat(
            incidents
                .save(
                    with(
                        incident(AiInvolvement.NONE, null, "https://wiki.example.com/pm/12"),
                        OffsetDateTime.parse("2026-03-01T10:00:00Z")))
                .postmortemUrl())
        .isEqualTo("https://wiki.example.com/pm/12");
  }

  @Test
  void the_external_id_is_unique_per_source() {
    Incident first = incidents.save(incident(AiInvolvement.NONE, null, null));
    Incident again =
        Incident.builder()
            .externalId(first.externalId())
            .title("Again")
            .severity(Severity.SEV3)
            .startedAt(first.startedAt())
            .aiInvolvement(AiInvolvement.NONE)
            .build();
    assertThatThrownBy(() -> incidents.save(again))
        .hasMessageContaining("already has the id " + first.externalId());
  }

  @Test
  void creating_editing_and_triaging_are_audited_with_before_and_after() {
    Incident created = incidents.save(incident(AiInvolvement.UNKNOWN, null, null));
    assertThat(audit.latest(1).get(0).action()).isEqualTo("create");
    incidents.triage(
        created.id(),
        new Triage(
            AiInvolvement.AGENT, "claude-code", RootCause.ACCESS_CONTROL, false, false, true));
    AuditEntry triage = audit.latest(1).get(0);
    assertThat(triage.actor()).isEqualTo("incident-admin");
    assertThat(triage.action()).isEqualTo("triage");
    assertThat(triage.entityId()).isEqualTo(String.valueOf(created.id()));
    assertThat(triage.before()).contains("\"aiInvolvement\":\"unknown\"");
    assertThat(triage.after()).contains("\"aiInvolvement\":\"agent\"", "\"tool\":\"claude-code\"");
  }

  @Test
  void the_triage_queue_lists_only_unknown_incidents_oldest_first() {
    incidents.save(incident(AiInvolvement.UNKNOWN, null, null));
    List<Incident> queue = incidents.triageQueue();
    assertThat(queue).isNotEmpty().allMatch(i -> i.aiInvolvement() == AiInvolvement.UNKNOWN);
    assertThat(queue)
        .extracting(Incident::startedAt)
        .isSortedAccordingTo(java.util.Comparator.naturalOrder());
  }

  @Test
  void filters_combine_and_days_are_inclusive_in_the_organisation_zone() {
    String marker = "filter-" + System.nanoTime();
    Incident late =
        incidents.save(
            titled(
                incident(AiInvolvement.ASSISTED, "cursor", null), marker, "2026-04-30T23:30:00Z"));
    incidents.save(
        titled(incident(AiInvolvement.NONE, null, null), marker, "2026-05-01T00:00:00Z"));
    IncidentFilter april =
        new IncidentFilter(
            marker,
            Set.of(),
            Set.of(),
            null,
            Scope.ORGANISATION,
            null,
            LocalDate.of(2026, 4, 1),
            LocalDate.of(2026, 4, 30));
    assertThat(incidents.incidents(april, List.of(), 0, 10))
        .extracting(Incident::id)
        .containsExactly(late.id());
    IncidentFilter cursor =
        new IncidentFilter(
            marker,
            Set.of(),
            Set.of(AiInvolvement.ASSISTED),
            "cursor",
            Scope.ORGANISATION,
            null,
            null,
            null);
    assertThat(incidents.countIncidents(cursor)).isEqualTo(1);
    List<Incident> newestFirst =
        incidents.incidents(
            new IncidentFilter(
                marker, Set.of(), Set.of(), null, Scope.ORGANISATION, null, null, null),
            List.of(new IncidentSort("startedAt", false)),
            0,
            10);
    assertThat(newestFirst.get(0).startedAt()).isAfter(newestFirst.get(1).startedAt());
  }

  @Test
  @WithMockUser(username = "lee", roles = "LEADER")
  void only_admins_may_change_incidents() {
    assertThatThrownBy(() -> incidents.save(incident(AiInvolvement.NONE, null, null)))
        .isInstanceOf(AccessDeniedException.class);
    assertThatThrownBy(
            () -> incidents.triage(1, new Triage(AiInvolvement.NONE, null, null, null, null, null)))
        .isInstanceOf(AccessDeniedException.class);
    assertThat(incidents.countIncidents(IncidentFilter.all())).isNotNegative();
  }

  private static Incident incident(AiInvolvement involvement, String tool, String url) {
    return Incident.builder()
        .externalId("T-" + System.nanoTime())
        .title("Checkout errors")
        .severity(Severity.SEV2)
        .startedAt(OffsetDateTime.parse("2026-03-01T10:00:00Z"))
        .service("checkout")
        .aiInvolvement(involvement)
        .tool(tool)
        .postmortemUrl(url)
        .build();
  }

  private static Incident with(Incident i, OffsetDateTime resolvedAt) {
    return i.toBuilder().resolvedAt(resolvedAt).teamKey(null).updatedAt(null).build();
  }

  private static Incident titled(Incident i, String title, String startedAt) {
    return i.toBuilder()
        .title(title)
        .startedAt(OffsetDateTime.parse(startedAt))
        .resolvedAt(null)
        .teamKey(null)
        .updatedAt(null)
        .build();
  }
}

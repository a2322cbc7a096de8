package dev.tandem.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
    assertThatThrownBy(() -> incidents.save(incident("assisted", null, null)))
        .isInstanceOfSatisfying(
            ValidationException.class,
            e ->
                assertThat(e.problems())
                    .extracting(ValidationException.FieldProblem::field)
                    .containsExactly("tool"));
    assertThatThrownBy(() -> incidents.save(incident("none", "cursor", null)))
        .hasMessageContaining("tool: leave the tool empty");
    assertThatThrownBy(() -> incidents.save(incident("agent", "no-such-tool", null)))
        .hasMessageContaining("no tool with key 'no-such-tool'");
    assertThat(incidents.save(incident("agent", "kiro", null)).tool()).isEqualTo("kiro");
    assertThat(incidents.save(incident("unknown", null, null)).tool()).isNull();
  }

  @Test
  void an_incident_cannot_be_resolved_before_it_started_and_the_postmortem_must_be_a_web_address() {
    Incident bad =
        with(incident("none", null, "wiki/pm/12"), OffsetDateTime.parse("2026-03-01T09:59:00Z"));
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
                        incident("none", null, "https://wiki.example.com/pm/12"),
                        OffsetDateTime.parse("2026-03-01T10:00:00Z")))
                .postmortemUrl())
        .isEqualTo("https://wiki.example.com/pm/12");
  }

  @Test
  void the_external_id_is_unique_per_source() {
    Incident first = incidents.save(incident("none", null, null));
    Incident again =
        new Incident(
            null,
            null,
            first.externalId(),
            "Again",
            "SEV3",
            null,
            first.startedAt(),
            null,
            null,
            null,
            null,
            "none",
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null);
    assertThatThrownBy(() -> incidents.save(again))
        .hasMessageContaining("already has the id " + first.externalId());
  }

  @Test
  void creating_editing_and_triaging_are_audited_with_before_and_after() {
    Incident created = incidents.save(incident("unknown", null, null));
    assertThat(audit.latest(1).get(0).action()).isEqualTo("create");
    incidents.triage(
        created.id(), new Triage("agent", "claude-code", "access-control", false, false, true));
    AuditEntry triage = audit.latest(1).get(0);
    assertThat(triage.actor()).isEqualTo("incident-admin");
    assertThat(triage.action()).isEqualTo("triage");
    assertThat(triage.entityId()).isEqualTo(String.valueOf(created.id()));
    assertThat(triage.before()).contains("\"aiInvolvement\":\"unknown\"");
    assertThat(triage.after()).contains("\"aiInvolvement\":\"agent\"", "\"tool\":\"claude-code\"");
  }

  @Test
  void the_triage_queue_lists_only_unknown_incidents_oldest_first() {
    incidents.save(incident("unknown", null, null));
    List<Incident> queue = incidents.triageQueue();
    assertThat(queue).isNotEmpty().allMatch(i -> i.aiInvolvement().equals("unknown"));
    assertThat(queue)
        .extracting(Incident::startedAt)
        .isSortedAccordingTo(java.util.Comparator.naturalOrder());
  }

  @Test
  void filters_combine_and_days_are_inclusive_in_the_organisation_zone() {
    String marker = "filter-" + System.nanoTime();
    Incident late =
        incidents.save(
            titled(incident("assisted", "cursor", null), marker, "2026-04-30T23:30:00Z"));
    incidents.save(titled(incident("none", null, null), marker, "2026-05-01T00:00:00Z"));
    IncidentFilter april =
        new IncidentFilter(
            marker,
            Set.of(),
            Set.of(),
            null,
            null,
            null,
            LocalDate.of(2026, 4, 1),
            LocalDate.of(2026, 4, 30));
    assertThat(incidents.incidents(april, List.of(), 0, 10))
        .extracting(Incident::id)
        .containsExactly(late.id());
    IncidentFilter cursor =
        new IncidentFilter(marker, Set.of(), Set.of("assisted"), "cursor", null, null, null, null);
    assertThat(incidents.countIncidents(cursor)).isEqualTo(1);
    List<Incident> newestFirst =
        incidents.incidents(
            new IncidentFilter(marker, Set.of(), Set.of(), null, null, null, null, null),
            List.of(new IncidentSort("startedAt", false)),
            0,
            10);
    assertThat(newestFirst.get(0).startedAt()).isAfter(newestFirst.get(1).startedAt());
  }

  @Test
  @WithMockUser(username = "lee", roles = "LEADER")
  void only_admins_may_change_incidents() {
    assertThatThrownBy(() -> incidents.save(incident("none", null, null)))
        .isInstanceOf(AccessDeniedException.class);
    assertThatThrownBy(() -> incidents.triage(1, new Triage("none", null, null, null, null, null)))
        .isInstanceOf(AccessDeniedException.class);
    assertThat(incidents.countIncidents(IncidentFilter.all())).isNotNegative();
  }

  private static Incident incident(String involvement, String tool, String url) {
    return new Incident(
        null,
        null,
        "T-" + System.nanoTime(),
        "Checkout errors",
        "SEV2",
        null,
        OffsetDateTime.parse("2026-03-01T10:00:00Z"),
        null,
        "checkout",
        null,
        null,
        involvement,
        tool,
        null,
        null,
        null,
        null,
        null,
        url,
        null);
  }

  private static Incident with(Incident i, OffsetDateTime resolvedAt) {
    return new Incident(
        i.id(),
        i.source(),
        i.externalId(),
        i.title(),
        i.severity(),
        i.status(),
        i.startedAt(),
        resolvedAt,
        i.service(),
        i.teamId(),
        null,
        i.aiInvolvement(),
        i.tool(),
        i.rootCause(),
        i.peerReviewed(),
        i.approvalRequired(),
        i.permissionsExceeded(),
        i.customerImpact(),
        i.postmortemUrl(),
        null);
  }

  private static Incident titled(Incident i, String title, String startedAt) {
    return new Incident(
        i.id(),
        i.source(),
        i.externalId(),
        title,
        i.severity(),
        i.status(),
        OffsetDateTime.parse(startedAt),
        null,
        i.service(),
        i.teamId(),
        null,
        i.aiInvolvement(),
        i.tool(),
        i.rootCause(),
        i.peerReviewed(),
        i.approvalRequired(),
        i.permissionsExceeded(),
        i.customerImpact(),
        i.postmortemUrl(),
        null);
  }
}

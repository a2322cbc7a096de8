package dev.tandem.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tandem.base.AiInvolvement;
import dev.tandem.base.RootCause;
import dev.tandem.base.Severity;
import java.time.OffsetDateTime;
import org.junit.jupiter.api.Test;

/** The incident builder names every field and leaves the unset ones null. */
class IncidentBuilderTest {

  private static final OffsetDateTime STARTED = OffsetDateTime.parse("2026-03-01T10:00:00Z");

  @Test
  void unset_fields_stay_null_and_set_ones_land_in_their_own_component() {
    Incident i =
        Incident.builder()
            .externalId("INC-1")
            .severity(Severity.SEV2)
            .startedAt(STARTED)
            .aiInvolvement(AiInvolvement.AGENT)
            .tool("kiro")
            .rootCause(RootCause.ACCESS_CONTROL)
            .permissionsExceeded(true)
            .build();
    assertThat(i)
        .isEqualTo(
            new Incident(
                null,
                null,
                "INC-1",
                null,
                Severity.SEV2,
                null,
                STARTED,
                null,
                null,
                null,
                null,
                AiInvolvement.AGENT,
                "kiro",
                RootCause.ACCESS_CONTROL,
                null,
                null,
                true,
                null,
                null,
                null));
    assertThat(i.aiInvolved()).isTrue();
  }

  @Test
  void to_builder_copies_every_field_and_changes_only_what_is_set() {
    Incident i =
        Incident.builder()
            .id(7L)
            .source("manual")
            .externalId("INC-7")
            .title("Checkout down")
            .severity(Severity.SEV1)
            .status("resolved")
            .startedAt(STARTED)
            .resolvedAt(STARTED.plusHours(1))
            .service("checkout")
            .teamId(3L)
            .teamKey("payments")
            .aiInvolvement(AiInvolvement.NONE)
            .rootCause(RootCause.PROCESS)
            .peerReviewed(false)
            .approvalRequired(true)
            .permissionsExceeded(false)
            .customerImpact(true)
            .postmortemUrl("https://wiki.example.com/pm/7")
            .updatedAt(STARTED.plusDays(1))
            .build();
    assertThat(i.toBuilder().build()).isEqualTo(i);
    Incident retitled = i.toBuilder().title("Checkout slow").build();
    assertThat(retitled.title()).isEqualTo("Checkout slow");
    assertThat(retitled.toBuilder().title(i.title()).build()).isEqualTo(i);
    assertThat(i.aiInvolved()).isFalse();
  }
}

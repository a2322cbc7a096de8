package dev.tandem.demo;

import dev.tandem.base.AiInvolvement;
import dev.tandem.base.RootCause;
import dev.tandem.base.Severity;
import java.time.LocalDate;
import java.time.OffsetDateTime;

/**
 * Plain rows of the generated organisation, turned into table records by {@link
 * DemoDataRepository}.
 */
final class DemoRows {

  private DemoRows() {}

  record Person(
      String email,
      String name,
      long teamId,
      LocalDate startedOn,
      LocalDate leftOn,
      boolean excluded) {}

  record Usage(
      String email,
      String tool,
      LocalDate weekStart,
      int activeDays,
      long interactions,
      long acceptedLines,
      Integer agentDays) {}

  /** A paid seat: held from {@code assignedOn} up to, not including, {@code removedOn}. */
  record Seat(
      String email, String tool, String seatType, LocalDate assignedOn, LocalDate removedOn) {}

  /** A price-list entry. */
  record Price(String tool, String seatType, LocalDate validFrom, java.math.BigDecimal price) {}

  record Changes(String email, LocalDate weekStart, String attribution, int changes) {}

  record Incident(
      String externalId,
      String title,
      Severity severity,
      OffsetDateTime startedAt,
      OffsetDateTime resolvedAt,
      String service,
      Long teamId,
      AiInvolvement aiInvolvement,
      String tool,
      RootCause rootCause,
      Boolean peerReviewed,
      Boolean approvalRequired,
      Boolean permissionsExceeded,
      Boolean customerImpact,
      String postmortemUrl) {}
}

package dev.tandem.reliability;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * An operational incident with its AI attribution (DESIGN §3.2) and safeguards. Booleans are null
 * when not recorded. {@code teamKey} is filled when read, ignored when saved.
 */
public record Incident(
    Long id,
    String source,
    String externalId,
    String title,
    String severity,
    String status,
    OffsetDateTime startedAt,
    OffsetDateTime resolvedAt,
    String service,
    Long teamId,
    String teamKey,
    String aiInvolvement,
    String tool,
    String rootCause,
    Boolean peerReviewed,
    Boolean approvalRequired,
    Boolean permissionsExceeded,
    Boolean customerImpact,
    String postmortemUrl,
    OffsetDateTime updatedAt) {

  public static final List<String> SEVERITIES = List.of("SEV1", "SEV2", "SEV3", "SEV4");
  public static final List<String> INVOLVEMENTS = List.of("none", "assisted", "agent", "unknown");
  public static final List<String> ROOT_CAUSES =
      List.of("user-error", "ai-error", "access-control", "process", "infrastructure", "other");

  /** The source of incidents entered on the Incidents screen. */
  public static final String MANUAL_SOURCE = "manual";

  /** Whether the involvement names a tool (assisted or agent). */
  public static boolean aiInvolved(String involvement) {
    return "assisted".equals(involvement) || "agent".equals(involvement);
  }

  public boolean aiInvolved() {
    return aiInvolved(aiInvolvement);
  }
}

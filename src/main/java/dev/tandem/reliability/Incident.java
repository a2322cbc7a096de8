package dev.tandem.reliability;

import dev.tandem.base.AiInvolvement;
import dev.tandem.base.RootCause;
import dev.tandem.base.Severity;
import java.time.OffsetDateTime;

/**
 * An operational incident with its AI attribution (DESIGN §3.2) and safeguards. Booleans are null
 * when not recorded. {@code teamKey} is filled when read, ignored when saved. Build one with {@link
 * #builder()} or change one with {@link #toBuilder()}.
 */
public record Incident(
    Long id,
    String source,
    String externalId,
    String title,
    Severity severity,
    String status,
    OffsetDateTime startedAt,
    OffsetDateTime resolvedAt,
    String service,
    Long teamId,
    String teamKey,
    AiInvolvement aiInvolvement,
    String tool,
    RootCause rootCause,
    Boolean peerReviewed,
    Boolean approvalRequired,
    Boolean permissionsExceeded,
    Boolean customerImpact,
    String postmortemUrl,
    OffsetDateTime updatedAt) {

  /** The source of incidents entered on the Incidents screen. */
  public static final String MANUAL_SOURCE = "manual";

  /** Whether the involvement names a tool (assisted or agent). */
  public boolean aiInvolved() {
    return aiInvolvement != null && aiInvolvement.aiInvolved();
  }

  /** An empty builder: every field null. */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder holding this incident's fields. */
  public Builder toBuilder() {
    return new Builder()
        .id(id)
        .source(source)
        .externalId(externalId)
        .title(title)
        .severity(severity)
        .status(status)
        .startedAt(startedAt)
        .resolvedAt(resolvedAt)
        .service(service)
        .teamId(teamId)
        .teamKey(teamKey)
        .aiInvolvement(aiInvolvement)
        .tool(tool)
        .rootCause(rootCause)
        .peerReviewed(peerReviewed)
        .approvalRequired(approvalRequired)
        .permissionsExceeded(permissionsExceeded)
        .customerImpact(customerImpact)
        .postmortemUrl(postmortemUrl)
        .updatedAt(updatedAt);
  }

  /** Named fields instead of 20 positional arguments; unset fields stay null. */
  public static final class Builder {
    private Long id;
    private String source;
    private String externalId;
    private String title;
    private Severity severity;
    private String status;
    private OffsetDateTime startedAt;
    private OffsetDateTime resolvedAt;
    private String service;
    private Long teamId;
    private String teamKey;
    private AiInvolvement aiInvolvement;
    private String tool;
    private RootCause rootCause;
    private Boolean peerReviewed;
    private Boolean approvalRequired;
    private Boolean permissionsExceeded;
    private Boolean customerImpact;
    private String postmortemUrl;
    private OffsetDateTime updatedAt;

    private Builder() {}

    public Builder id(Long id) {
      this.id = id;
      return this;
    }

    public Builder source(String source) {
      this.source = source;
      return this;
    }

    public Builder externalId(String externalId) {
      this.externalId = externalId;
      return this;
    }

    public Builder title(String title) {
      this.title = title;
      return this;
    }

    public Builder severity(Severity severity) {
      this.severity = severity;
      return this;
    }

    public Builder status(String status) {
      this.status = status;
      return this;
    }

    public Builder startedAt(OffsetDateTime startedAt) {
      this.startedAt = startedAt;
      return this;
    }

    public Builder resolvedAt(OffsetDateTime resolvedAt) {
      this.resolvedAt = resolvedAt;
      return this;
    }

    public Builder service(String service) {
      this.service = service;
      return this;
    }

    public Builder teamId(Long teamId) {
      this.teamId = teamId;
      return this;
    }

    public Builder teamKey(String teamKey) {
      this.teamKey = teamKey;
      return this;
    }

    public Builder aiInvolvement(AiInvolvement aiInvolvement) {
      this.aiInvolvement = aiInvolvement;
      return this;
    }

    public Builder tool(String tool) {
      this.tool = tool;
      return this;
    }

    public Builder rootCause(RootCause rootCause) {
      this.rootCause = rootCause;
      return this;
    }

    public Builder peerReviewed(Boolean peerReviewed) {
      this.peerReviewed = peerReviewed;
      return this;
    }

    public Builder approvalRequired(Boolean approvalRequired) {
      this.approvalRequired = approvalRequired;
      return this;
    }

    public Builder permissionsExceeded(Boolean permissionsExceeded) {
      this.permissionsExceeded = permissionsExceeded;
      return this;
    }

    public Builder customerImpact(Boolean customerImpact) {
      this.customerImpact = customerImpact;
      return this;
    }

    public Builder postmortemUrl(String postmortemUrl) {
      this.postmortemUrl = postmortemUrl;
      return this;
    }

    public Builder updatedAt(OffsetDateTime updatedAt) {
      this.updatedAt = updatedAt;
      return this;
    }

    public Incident build() {
      return new Incident(
          id,
          source,
          externalId,
          title,
          severity,
          status,
          startedAt,
          resolvedAt,
          service,
          teamId,
          teamKey,
          aiInvolvement,
          tool,
          rootCause,
          peerReviewed,
          approvalRequired,
          permissionsExceeded,
          customerImpact,
          postmortemUrl,
          updatedAt);
    }
  }
}

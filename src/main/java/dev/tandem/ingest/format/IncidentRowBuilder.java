package dev.tandem.ingest.format;

import dev.tandem.base.AiInvolvement;
import dev.tandem.base.RootCause;
import dev.tandem.base.Severity;
import java.time.OffsetDateTime;
import java.util.List;

/** Builds a {@link ParsedRow.Incident}: {@code ParsedRow.Incident.builder(line, source)}. */
public final class IncidentRowBuilder {
  private final long line;
  private final String source;
  private String externalId;
  private String title;
  private Severity severity;
  private String status;
  private OffsetDateTime startedAt;
  private OffsetDateTime resolvedAt;
  private String service;
  private List<String> teamNames = List.of();
  private AiInvolvement aiInvolvement;
  private String tool;
  private RootCause rootCause;
  private Boolean peerReviewed;
  private Boolean approvalRequired;
  private Boolean permissionsExceeded;
  private Boolean customerImpact;
  private String postmortemUrl;
  private boolean vendorOwnedOnly;

  IncidentRowBuilder(long line, String source) {
    this.line = line;
    this.source = source;
  }

  public IncidentRowBuilder externalId(String externalId) {
    this.externalId = externalId;
    return this;
  }

  public IncidentRowBuilder title(String title) {
    this.title = title;
    return this;
  }

  public IncidentRowBuilder severity(Severity severity) {
    this.severity = severity;
    return this;
  }

  public IncidentRowBuilder status(String status) {
    this.status = status;
    return this;
  }

  public IncidentRowBuilder startedAt(OffsetDateTime startedAt) {
    this.startedAt = startedAt;
    return this;
  }

  public IncidentRowBuilder resolvedAt(OffsetDateTime resolvedAt) {
    this.resolvedAt = resolvedAt;
    return this;
  }

  public IncidentRowBuilder service(String service) {
    this.service = service;
    return this;
  }

  /** Candidate owning teams (a key for Tandem's CSV, team names for PagerDuty); default none. */
  public IncidentRowBuilder teamNames(List<String> teamNames) {
    this.teamNames = teamNames;
    return this;
  }

  public IncidentRowBuilder aiInvolvement(AiInvolvement aiInvolvement) {
    this.aiInvolvement = aiInvolvement;
    return this;
  }

  public IncidentRowBuilder tool(String tool) {
    this.tool = tool;
    return this;
  }

  public IncidentRowBuilder rootCause(RootCause rootCause) {
    this.rootCause = rootCause;
    return this;
  }

  public IncidentRowBuilder peerReviewed(Boolean peerReviewed) {
    this.peerReviewed = peerReviewed;
    return this;
  }

  public IncidentRowBuilder approvalRequired(Boolean approvalRequired) {
    this.approvalRequired = approvalRequired;
    return this;
  }

  public IncidentRowBuilder permissionsExceeded(Boolean permissionsExceeded) {
    this.permissionsExceeded = permissionsExceeded;
    return this;
  }

  public IncidentRowBuilder customerImpact(Boolean customerImpact) {
    this.customerImpact = customerImpact;
    return this;
  }

  public IncidentRowBuilder postmortemUrl(String postmortemUrl) {
    this.postmortemUrl = postmortemUrl;
    return this;
  }

  /** The source owns only title, status, times, severity and service (PagerDuty). */
  public IncidentRowBuilder vendorOwnedOnly() {
    this.vendorOwnedOnly = true;
    return this;
  }

  public ParsedRow.Incident build() {
    return new ParsedRow.Incident(
        line,
        source,
        externalId,
        title,
        severity,
        status,
        startedAt,
        resolvedAt,
        service,
        teamNames,
        aiInvolvement,
        tool,
        rootCause,
        peerReviewed,
        approvalRequired,
        permissionsExceeded,
        customerImpact,
        postmortemUrl,
        vendorOwnedOnly);
  }
}

package dev.tandem.reliability;

import dev.tandem.access.AccessPolicy;
import dev.tandem.base.AiInvolvement;
import dev.tandem.base.PlausibleDates;
import dev.tandem.base.ValidationException;
import dev.tandem.rollup.ScopeIds;
import dev.tandem.roster.RosterService;
import dev.tandem.roster.Team;
import dev.tandem.security.AuditService;
import dev.tandem.settings.SettingsService;
import dev.tandem.tools.Tool;
import dev.tandem.tools.ToolService;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Incidents one by one: listing for anyone signed in; creating, editing and triaging for admins,
 * each change validated and audited with the values before and after.
 */
@Service
@PreAuthorize("isAuthenticated()")
@Transactional(readOnly = true)
public class IncidentService {

  private final IncidentRepository repository;
  private final RosterService roster;
  private final ToolService tools;
  private final SettingsService settings;
  private final AuditService audit;
  private final Clock clock;
  private final AccessPolicy access;

  IncidentService(
      IncidentRepository repository,
      RosterService roster,
      ToolService tools,
      SettingsService settings,
      AuditService audit,
      Clock clock,
      AccessPolicy access) {
    this.access = access;
    this.repository = repository;
    this.roster = roster;
    this.tools = tools;
    this.settings = settings;
    this.audit = audit;
    this.clock = clock;
  }

  /**
   * Incidents matching the filter, inside the caller's scope: managers and members see the
   * incidents of their own team's scope (also when asking for the whole organisation) and get 403
   * for another team; admins and leaders see every incident.
   */
  public List<Incident> incidents(
      IncidentFilter filter, List<IncidentSort> sort, int offset, int limit) {
    return repository.search(criteria(filter), sort, offset, limit);
  }

  public int countIncidents(IncidentFilter filter) {
    return repository.count(criteria(filter));
  }

  /** One incident; 403 when it belongs to another team than the caller's scope. */
  public Optional<Incident> incident(long id) {
    Optional<Incident> found = repository.findById(id);
    if (found.isPresent() && !access.mayViewRecordOf(found.get().teamKey())) {
      throw new AccessDeniedException("this incident belongs to a team outside your scope");
    }
    return found;
  }

  /** The teams the incident filter offers: those inside the caller's scope. */
  public List<Team> teamChoices() {
    return access.teamsWithAggregates();
  }

  /** The triage queue: unclassified incidents, oldest first. */
  @PreAuthorize("hasRole('ADMIN')")
  public List<Incident> triageQueue() {
    return repository.search(
        criteria(IncidentFilter.unclassified()),
        List.of(new IncidentSort("startedAt", true)),
        0,
        Integer.MAX_VALUE);
  }

  @PreAuthorize("hasRole('ADMIN')")
  @Transactional
  public Incident save(Incident input) {
    Incident i = normalise(input);
    validate(i);
    OffsetDateTime now = OffsetDateTime.now(clock);
    if (i.id() == null) {
      long id = repository.insert(i, now);
      Incident created = repository.findById(id).orElseThrow();
      audit.record("create", "incident", id, null, created);
      return created;
    }
    Incident before =
        repository
            .findById(i.id())
            .orElseThrow(() -> ValidationException.of("id", "the incident no longer exists"));
    repository.update(i, now);
    Incident after = repository.findById(i.id()).orElseThrow();
    audit.record("update", "incident", i.id(), before, after);
    return after;
  }

  /**
   * Sets an incident's AI involvement, tool, root cause and safeguards, as the triage queue does.
   */
  @PreAuthorize("hasRole('ADMIN')")
  @Transactional
  public Incident triage(long id, Triage triage) {
    Incident before =
        repository
            .findById(id)
            .orElseThrow(() -> ValidationException.of("id", "the incident no longer exists"));
    Triage t =
        new Triage(
            triage.aiInvolvement(),
            triage.aiInvolvement() != null && triage.aiInvolvement().aiInvolved()
                ? blankToNull(triage.tool())
                : null,
            triage.rootCause(),
            triage.peerReviewed(),
            triage.approvalRequired(),
            triage.permissionsExceeded());
    ValidationException.Collector problems = new ValidationException.Collector();
    checkAttribution(problems, t.aiInvolvement(), t.tool(), triage.tool());
    problems.throwIfAny();
    repository.triage(id, t, OffsetDateTime.now(clock));
    Incident after = repository.findById(id).orElseThrow();
    audit.record("triage", "incident", id, before, after);
    return after;
  }

  private Incident normalise(Incident i) {
    return i.toBuilder()
        .source(i.source() == null || i.source().isBlank() ? Incident.MANUAL_SOURCE : i.source())
        .externalId(blankToNull(i.externalId()))
        .title(blankToNull(i.title()))
        .status(blankToNull(i.status()))
        .service(blankToNull(i.service()))
        .teamKey(null)
        .tool(blankToNull(i.tool()))
        .postmortemUrl(blankToNull(i.postmortemUrl()))
        .updatedAt(null)
        .build();
  }

  private void validate(Incident i) {
    ValidationException.Collector problems = new ValidationException.Collector();
    problems
        .check(
            i.externalId() != null && i.externalId().length() <= 100,
            "externalId",
            "an incident id of at most 100 characters is required, e.g. INC-1234")
        .check(
            i.title() != null && i.title().length() <= 500,
            "title",
            "a title of at most 500 characters is required")
        .check(i.severity() != null, "severity", "choose SEV1 to SEV4")
        .check(i.startedAt() != null, "startedAt", "the start time is required")
        .check(
            i.resolvedAt() == null
                || i.startedAt() == null
                || !i.resolvedAt().isBefore(i.startedAt()),
            "resolvedAt",
            "the incident cannot be resolved before it started")
        .check(
            i.teamId() == null || roster.teams().stream().anyMatch(t -> t.id().equals(i.teamId())),
            "team",
            "choose an existing team")
        .check(
            i.postmortemUrl() == null || isWebUrl(i.postmortemUrl()),
            "postmortemUrl",
            "expected a web address such as https://wiki.example.com/pm/1234")
        .check(
            i.postmortemUrl() == null || i.postmortemUrl().length() <= 1000,
            "postmortemUrl",
            "at most 1000 characters")
        .check(
            i.service() == null || i.service().length() <= 200, "service", "at most 200 characters")
        .check(
            PlausibleDates.problem(i.startedAt()).isEmpty(),
            "startedAt",
            PlausibleDates.problem(i.startedAt()).orElse(""))
        .check(
            PlausibleDates.problem(i.resolvedAt()).isEmpty(),
            "resolvedAt",
            PlausibleDates.problem(i.resolvedAt()).orElse(""))
        .check(i.status() == null || i.status().length() <= 30, "status", "at most 30 characters");
    checkAttribution(problems, i.aiInvolvement(), i.tool(), i.tool());
    problems.throwIfAny();
    if (i.externalId() != null && repository.externalIdTaken(i.source(), i.externalId(), i.id())) {
      throw ValidationException.of(
          "externalId",
          "another incident from " + i.source() + " already has the id " + i.externalId());
    }
  }

  /** DESIGN §3.2: a tool exactly when the involvement is assisted or agent. */
  private void checkAttribution(
      ValidationException.Collector problems,
      AiInvolvement involvement,
      String tool,
      String givenTool) {
    boolean ai = involvement != null && involvement.aiInvolved();
    problems
        .check(involvement != null, "aiInvolvement", "choose none, assisted, agent or unknown")
        .check(
            !ai || tool != null,
            "tool",
            "name the tool: it is required when AI was involved (assisted or agent)")
        .check(
            ai || blankToNull(givenTool) == null,
            "tool",
            "leave the tool empty unless AI was involved (assisted or agent)")
        .check(
            tool == null || tools.tools().stream().map(Tool::key).anyMatch(tool::equals),
            "tool",
            "no tool with key " + dev.tandem.base.Excerpt.quote(tool));
  }

  private IncidentRepository.Criteria criteria(IncidentFilter filter) {
    ZoneId zone = settings.current().zone();
    ScopeIds scope = roster.scope(access.recordsScope(filter.scope()));
    return new IncidentRepository.Criteria(
        filter,
        scope,
        filter.startedFrom() == null
            ? null
            : filter.startedFrom().atStartOfDay(zone).toOffsetDateTime(),
        filter.startedTo() == null
            ? null
            : filter.startedTo().plusDays(1).atStartOfDay(zone).toOffsetDateTime());
  }

  private static boolean isWebUrl(String text) {
    try {
      URI uri = new URI(text);
      return ("https".equalsIgnoreCase(uri.getScheme()) || "http".equalsIgnoreCase(uri.getScheme()))
          && uri.getHost() != null
          && !uri.getHost().isBlank()
          && text.length() <= 1000;
    } catch (URISyntaxException e) {
      return false;
    }
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.trim();
  }
}

package dev.tandem.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tandem.adoption.AdoptionService;
import dev.tandem.adoption.InactiveDeveloper;
import dev.tandem.adoption.TeamAdoption;
import dev.tandem.base.AiInvolvement;
import dev.tandem.base.Scope;
import dev.tandem.base.WeekRange;
import dev.tandem.ingest.ImportService;
import dev.tandem.reliability.Incident;
import dev.tandem.reliability.IncidentFilter;
import dev.tandem.reliability.IncidentService;
import dev.tandem.reliability.IncidentSort;
import dev.tandem.reliability.ReliabilityService;
import dev.tandem.reliability.Triage;
import dev.tandem.roster.Developer;
import dev.tandem.roster.DeveloperFilter;
import dev.tandem.roster.RosterService;
import dev.tandem.roster.Team;
import dev.tandem.security.ApiTokenService;
import dev.tandem.security.AuditFilter;
import dev.tandem.security.AuditService;
import dev.tandem.security.Role;
import dev.tandem.security.UserService;
import dev.tandem.settings.SettingsService;
import dev.tandem.tools.Tool;
import dev.tandem.tools.ToolService;
import java.util.List;
import java.util.Set;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.context.ActiveProfiles;

/**
 * Issue 9 item 1, service by service, on the demo organisation: the demo {@code manager} leads
 * Commerce (commerce, payments, checkout, catalog, search); Platform is another team. Every service
 * method that returns individuals or takes a team either narrows a request for the whole
 * organisation to Commerce, or refuses another team with an AccessDeniedException (403 in the API).
 * Same context as {@link RoleMatrixIT}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("demo")
class ScopeEnforcementIT {

  private static final Set<String> COMMERCE =
      Set.of("commerce", "payments", "checkout", "catalog", "search");

  @Autowired RosterService roster;
  @Autowired AdoptionService adoption;
  @Autowired ReliabilityService reliability;
  @Autowired IncidentService incidents;
  @Autowired ImportService imports;
  @Autowired UserService users;
  @Autowired ApiTokenService tokens;
  @Autowired AuditService audit;
  @Autowired SettingsService settings;
  @Autowired ToolService tools;

  @AfterEach
  void signOut() {
    SecurityContextHolder.clearContext();
  }

  @Autowired AccessPolicy access;

  @Test
  void the_pickers_teams_are_exactly_the_teams_whose_aggregates_each_role_may_see() {
    for (Role role : List.of(Role.ADMIN, Role.LEADER, Role.MANAGER, Role.MEMBER)) {
      as(role.name().toLowerCase(java.util.Locale.ROOT), role);
      List<String> oneByOne =
          roster.teams().stream()
              .map(Team::key)
              .filter(key -> access.mayViewAggregates(Scope.team(key)))
              .toList();
      assertThat(access.teamsWithAggregates())
          .as(role.name())
          .extracting(Team::key)
          .containsExactlyElementsOf(oneByOne);
    }
    as("manager", Role.MANAGER);
    assertThat(access.teamsWithAggregates()).extracting(Team::key).hasSameElementsAs(COMMERCE);
    as("member", Role.MEMBER);
    assertThat(access.teamsWithAggregates())
        .extracting(Team::key)
        .containsExactly("payments"); // the demo member's team has no sub-teams
  }

  // ---- roster ----

  @Test
  void
      a_manager_asking_the_roster_for_the_whole_organisation_gets_only_the_developers_of_their_team() {
    as("manager", Role.MANAGER);
    List<Developer> listed = roster.developers(DeveloperFilter.all(), 0, Integer.MAX_VALUE);
    int commerce = roster.countDevelopers(new DeveloperFilter(null, Scope.team("commerce")));
    as("admin", Role.ADMIN);
    int organisation = roster.countDevelopers(DeveloperFilter.all());
    long platform =
        roster
            .developers(new DeveloperFilter(null, Scope.team("platform")), 0, Integer.MAX_VALUE)
            .size();

    assertThat(listed).isNotEmpty().allSatisfy(d -> assertThat(COMMERCE).contains(d.teamKey()));
    assertThat(listed).hasSize(commerce);
    assertThat(organisation).isGreaterThan(commerce);
    assertThat(platform).isPositive();
  }

  @Test
  void a_manager_asking_the_roster_for_another_team_is_refused() {
    as("manager", Role.MANAGER);
    denied(() -> roster.developers(new DeveloperFilter(null, Scope.team("platform")), 0, 50));
    denied(() -> roster.developers(new DeveloperFilter("a", Scope.team("engineering")), 0, 50));
  }

  @Test
  void a_manager_counting_the_roster_counts_only_their_team() {
    as("manager", Role.MANAGER);
    assertThat(roster.countDevelopers(DeveloperFilter.all()))
        .isEqualTo(roster.countDevelopers(new DeveloperFilter(null, Scope.team("commerce"))));
    denied(() -> roster.countDevelopers(new DeveloperFilter(null, Scope.team("platform"))));
  }

  @Test
  void the_roster_headcount_chart_of_a_manager_is_their_team_and_another_team_is_refused() {
    WeekRange weeks = adoption.defaultRange();
    as("manager", Role.MANAGER);
    var organisationAsked = roster.weeklyHeadcount(Scope.ORGANISATION, weeks);
    var commerce = roster.weeklyHeadcount(Scope.team("commerce"), weeks);
    denied(() -> roster.weeklyHeadcount(Scope.team("platform"), weeks));
    as("admin", Role.ADMIN);
    var organisation = roster.weeklyHeadcount(Scope.ORGANISATION, weeks);

    assertThat(organisationAsked).isEqualTo(commerce);
    assertThat(organisation.get(organisation.size() - 1).count())
        .isGreaterThan(commerce.get(commerce.size() - 1).count());
  }

  @Test
  void
      the_roster_team_filter_offers_a_manager_only_the_teams_of_their_scope_and_opens_on_their_team() {
    as("manager", Role.MANAGER);
    assertThat(roster.rosterTeams())
        .extracting(Team::key)
        .containsExactlyInAnyOrderElementsOf(COMMERCE);
    assertThat(roster.rosterScope(Scope.ORGANISATION)).isEqualTo(Scope.team("commerce"));
    assertThat(roster.rosterScope(Scope.team("payments"))).isEqualTo(Scope.team("payments"));
    denied(() -> roster.rosterScope(Scope.team("platform")));
    as("admin", Role.ADMIN);
    assertThat(roster.rosterScope(Scope.ORGANISATION)).isEqualTo(Scope.ORGANISATION);
    assertThat(roster.rosterTeams()).extracting(Team::key).contains("platform", "commerce");
  }

  @Test
  void leaders_and_members_get_no_roster_at_all() {
    for (String user : List.of("leader", "member")) {
      as(user, user.equals("leader") ? Role.LEADER : Role.MEMBER);
      denied(() -> roster.developers(DeveloperFilter.all(), 0, 10));
      denied(() -> roster.countDevelopers(DeveloperFilter.all()));
      denied(() -> roster.weeklyHeadcount(Scope.ORGANISATION, adoption.defaultRange()));
      denied(() -> roster.rosterTeams());
    }
  }

  @Test
  void looking_up_developer_ids_by_email_is_for_admins_only() {
    as("manager", Role.MANAGER);
    denied(() -> roster.developerIdsByEmail(List.of("ana.silva@example.com")));
  }

  // ---- adoption ----

  @Test
  void adoption_aggregates_of_another_team_are_refused_to_a_manager() {
    WeekRange weeks = adoption.defaultRange();
    as("manager", Role.MANAGER);
    denied(() -> adoption.weeklyAdoption(Scope.team("platform"), weeks));
    denied(() -> adoption.streak(Scope.team("platform"), weeks.to()));
    denied(() -> adoption.teamAdoption(Scope.team("platform"), weeks.to()));
    denied(() -> adoption.cohorts(Scope.team("platform"), weeks));
    // The organisation's aggregates are the manager's to see (README: roles).
    assertThat(adoption.weeklyAdoption(Scope.ORGANISATION, weeks).scope())
        .isEqualTo("organisation");
    assertThat(adoption.weeklyAdoption(Scope.team("commerce"), weeks).scope())
        .isEqualTo("commerce");
  }

  @Test
  void the_adoption_team_table_of_a_manager_has_no_row_of_a_team_outside_their_scope() {
    as("manager", Role.MANAGER);
    assertThat(adoption.teamAdoption(Scope.team("commerce"), adoption.lastCompleteWeek()))
        .isNotEmpty()
        .allSatisfy(t -> assertThat(COMMERCE).contains(t.teamKey()));
    // At the organisation scope: Commerce's lowest-level teams, never another team's.
    assertThat(adoption.teamAdoption(Scope.ORGANISATION, adoption.lastCompleteWeek()))
        .extracting(TeamAdoption::teamKey)
        .containsExactlyInAnyOrder("payments", "checkout", "catalog", "search");
    // One level down: never Platform or Data (below Engineering, the demo's only top-level team,
    // that is Commerce; other tests of this shared database may add top-level teams, which are
    // not the manager's either).
    assertThat(
            adoption.teamAdoption(
                Scope.ORGANISATION, adoption.lastCompleteWeek(), AdoptionService.TeamRows.CHILDREN))
        .extracting(TeamAdoption::teamKey)
        .isSubsetOf("commerce");
  }

  @Test
  void the_developers_without_ai_list_of_a_manager_holds_only_their_team_and_nothing_else() {
    as("manager", Role.MANAGER);
    List<InactiveDeveloper> commerce =
        adoption.withoutAiUse(Scope.team("commerce"), adoption.lastCompleteWeek());
    assertThat(commerce).allSatisfy(d -> assertThat(COMMERCE).contains(d.teamKey()));
    denied(() -> adoption.withoutAiUse(Scope.ORGANISATION, adoption.lastCompleteWeek()));
    denied(() -> adoption.withoutAiUse(Scope.team("platform"), adoption.lastCompleteWeek()));
    as("leader", Role.LEADER);
    denied(() -> adoption.withoutAiUse(Scope.ORGANISATION, adoption.lastCompleteWeek()));
    as("member", Role.MEMBER);
    denied(() -> adoption.withoutAiUse(Scope.team("payments"), adoption.lastCompleteWeek()));
  }

  @Test
  void my_usage_is_the_signed_in_persons_own_and_nobody_elses() {
    as("leader", Role.LEADER); // no developer record linked
    assertThat(adoption.hasOwnUsage()).isFalse();
    assertThat(adoption.myUsage(adoption.defaultRange())).isEmpty();
    as("member", Role.MEMBER);
    assertThat(adoption.hasOwnUsage()).isTrue();
  }

  // ---- reliability ----

  @Test
  void reliability_aggregates_of_another_team_are_refused_to_a_manager_and_a_member() {
    WeekRange weeks = reliability.defaultRange();
    for (String user : List.of("manager", "member")) {
      as(user, user.equals("manager") ? Role.MANAGER : Role.MEMBER);
      denied(() -> reliability.comparison(weeks, Scope.team("platform"), null));
      denied(() -> reliability.overTime(weeks, Scope.team("platform"), null));
      denied(() -> reliability.causesAndSafeguards(weeks, Scope.team("platform")));
      denied(() -> reliability.teamVsOrganisation(weeks, Scope.team("platform"), null));
      assertThat(reliability.mayView(Scope.team("platform"))).isFalse();
    }
    as("member", Role.MEMBER);
    denied(() -> reliability.comparison(weeks, Scope.team("commerce"), null));
    assertThat(reliability.comparison(weeks, Scope.team("payments"), null).scope())
        .isEqualTo(Scope.team("payments"));
  }

  // ---- incidents ----

  @Test
  void a_manager_listing_every_incident_gets_only_the_incidents_of_their_team() {
    as("admin", Role.ADMIN);
    int all = incidents.countIncidents(IncidentFilter.all());
    int platform = incidents.countIncidents(filterTeam("platform"));
    as("manager", Role.MANAGER);
    List<Incident> listed = incidents.incidents(IncidentFilter.all(), sort(), 0, Integer.MAX_VALUE);
    int counted = incidents.countIncidents(IncidentFilter.all());

    assertThat(platform).isPositive();
    assertThat(listed).isNotEmpty().allSatisfy(i -> assertThat(COMMERCE).contains(i.teamKey()));
    assertThat(counted)
        .isEqualTo(listed.size())
        .isEqualTo(incidents.countIncidents(filterTeam("commerce")))
        .isLessThan(all);
  }

  @Test
  void a_manager_filtering_incidents_by_another_team_is_refused() {
    as("manager", Role.MANAGER);
    denied(() -> incidents.incidents(filterTeam("platform"), sort(), 0, 50));
    denied(() -> incidents.countIncidents(filterTeam("platform")));
    as("member", Role.MEMBER);
    denied(() -> incidents.incidents(filterTeam("commerce"), sort(), 0, 50));
    assertThat(incidents.incidents(IncidentFilter.all(), sort(), 0, Integer.MAX_VALUE))
        .allSatisfy(i -> assertThat(i.teamKey()).isEqualTo("payments"));
  }

  @Test
  void a_manager_opening_an_incident_of_another_team_by_its_id_is_refused() {
    as("admin", Role.ADMIN);
    Incident foreign = incidents.incidents(filterTeam("platform"), sort(), 0, 1).get(0);
    Incident own = incidents.incidents(filterTeam("commerce"), sort(), 0, 1).get(0);
    as("manager", Role.MANAGER);
    denied(() -> incidents.incident(foreign.id()));
    assertThat(incidents.incident(own.id())).contains(own);
    as("leader", Role.LEADER);
    assertThat(incidents.incident(foreign.id())).isPresent();
  }

  @Test
  void the_incident_team_filter_offers_a_manager_only_the_teams_of_their_scope() {
    as("manager", Role.MANAGER);
    assertThat(incidents.teamChoices())
        .extracting(Team::key)
        .containsExactlyInAnyOrderElementsOf(COMMERCE);
    as("leader", Role.LEADER);
    assertThat(incidents.teamChoices()).extracting(Team::key).contains("platform", "commerce");
  }

  @Test
  void the_triage_queue_and_incident_edits_are_for_admins_only() {
    as("admin", Role.ADMIN);
    Incident any = incidents.incidents(filterTeam("commerce"), sort(), 0, 1).get(0);
    as("manager", Role.MANAGER);
    denied(() -> incidents.triageQueue());
    denied(
        () ->
            incidents.triage(
                any.id(), new Triage(AiInvolvement.NONE, null, null, null, null, null)));
    denied(() -> incidents.save(any));
    as("admin", Role.ADMIN);
    assertThat(incidents.incident(any.id())).contains(any); // nothing changed
  }

  // ---- imports, users, tokens, audit, settings, tools ----

  @Test
  void batch_history_unmatched_identities_and_undo_are_for_admins_only() {
    for (String user : List.of("manager", "leader", "member")) {
      as(user, Role.valueOf(user.toUpperCase()));
      denied(() -> imports.batches(10));
      denied(() -> imports.unmatchedIdentities());
      denied(() -> imports.mapIdentity("copilot", "someone", 1L));
      denied(() -> imports.undo(1L));
    }
  }

  @Test
  void users_tokens_and_the_audit_log_are_for_admins_only() {
    as("manager", Role.MANAGER);
    denied(() -> users.users());
    denied(() -> tokens.tokens());
    denied(() -> tokens.create("mine", Role.ADMIN, null));
    denied(() -> audit.latest(10));
    denied(() -> audit.search(new AuditFilter(null, null, null, null, null), 0, 10));
    denied(() -> audit.count(new AuditFilter(null, null, null, null, null)));
    denied(() -> audit.entities());
  }

  @Test
  void settings_and_the_tool_catalogue_are_changed_by_admins_only() {
    as("admin", Role.ADMIN);
    var before = settings.current();
    as("manager", Role.MANAGER);
    denied(() -> settings.update("0.5", "1", "UTC", "changes"));
    denied(() -> tools.create(new Tool("mine", "Mine", "Me", "assistant", false, true)));
    denied(() -> tools.update(new Tool("copilot", "Mine", "Me", "assistant", false, false)));
    assertThat(settings.current()).isEqualTo(before);
    assertThat(tools.tools()).extracting(Tool::key).doesNotContain("mine");
  }

  // ---- helpers ----

  private static IncidentFilter filterTeam(String team) {
    return new IncidentFilter(null, Set.of(), Set.of(), null, Scope.team(team), null, null, null);
  }

  private static List<IncidentSort> sort() {
    return List.of(new IncidentSort("startedAt", false));
  }

  private static void as(String user, Role role) {
    SecurityContextHolder.getContext()
        .setAuthentication(
            new UsernamePasswordAuthenticationToken(
                user, null, List.of(new SimpleGrantedAuthority("ROLE_" + role.name()))));
  }

  private static void denied(ThrowingCallable call) {
    assertThatThrownBy(call).isInstanceOf(AccessDeniedException.class);
  }
}

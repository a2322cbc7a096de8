package dev.tandem.roster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tandem.base.IsoWeek;
import dev.tandem.base.Scope;
import dev.tandem.base.ValidationException;
import dev.tandem.base.WeekRange;
import dev.tandem.security.AuditEntry;
import dev.tandem.security.AuditService;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.test.context.support.WithMockUser;

@SpringBootTest
@WithMockUser(username = "roster-admin", roles = "ADMIN")
class RosterServiceIT {

  @Autowired RosterService roster;
  @Autowired AuditService audit;

  @Test
  void email_is_the_case_insensitive_identity_key() {
    Team team = roster.saveTeam(new Team(null, "ident", "Identity", null));
    Developer saved =
        roster.saveDeveloper(dev(team, " Ana.Silva@Example.COM ", LocalDate.of(2024, 3, 1), null));
    assertThat(saved.email()).isEqualTo("ana.silva@example.com");
    assertThatThrownBy(
            () ->
                roster.saveDeveloper(
                    dev(team, "ANA.SILVA@example.com", LocalDate.of(2024, 3, 1), null)))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining(
            "email: another developer already has the email ana.silva@example.com");
  }

  @Test
  void every_invalid_field_is_reported_at_once() {
    Team team = roster.saveTeam(new Team(null, "valid", "Validation", null));
    assertThatThrownBy(
            () ->
                roster.saveDeveloper(
                    new Developer(
                        null,
                        "not-an-email",
                        " ",
                        team.id(),
                        null,
                        LocalDate.of(2025, 5, 1),
                        LocalDate.of(2025, 4, 30),
                        false)))
        .isInstanceOfSatisfying(
            ValidationException.class,
            e ->
                assertThat(e.problems())
                    .extracting(ValidationException.FieldProblem::field)
                    .containsExactly("email", "name", "leftOn"));
  }

  @Test
  void a_team_cannot_be_moved_below_its_own_sub_team() {
    Team top = roster.saveTeam(new Team(null, "loop-top", "Top", null));
    Team child = roster.saveTeam(new Team(null, "loop-child", "Child", top.id()));
    assertThatThrownBy(() -> roster.saveTeam(new Team(top.id(), "loop-top", "Top", child.id())))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("parent");
  }

  @Test
  void headcount_counts_a_team_subtree_with_joiners_leavers_and_exclusions_by_definition() {
    Team parent = roster.saveTeam(new Team(null, "hc-parent", "HC parent", null));
    Team child = roster.saveTeam(new Team(null, "hc-child", "HC child", parent.id()));
    // 2026-W10 is Mon 2 Mar – Sun 8 Mar 2026; W11 is 9–15 Mar.
    roster.saveDeveloper(dev(parent, "p1@example.com", LocalDate.of(2025, 1, 1), null));
    roster.saveDeveloper(
        dev(child, "c1@example.com", LocalDate.of(2026, 3, 8), null)); // joins W10's Sunday
    roster.saveDeveloper(
        dev(
            child,
            "c2@example.com",
            LocalDate.of(2025, 1, 1),
            LocalDate.of(2026, 3, 8))); // leaves W10's Sunday
    roster.saveDeveloper(
        new Developer(
            null,
            "c3@example.com",
            "Excluded",
            child.id(),
            null,
            LocalDate.of(2025, 1, 1),
            null,
            true));
    WeekRange weeks = new WeekRange(IsoWeek.parse("2026-W09"), IsoWeek.parse("2026-W11"));

    assertThat(roster.weeklyHeadcount(Scope.team("hc-parent"), weeks))
        .extracting(WeeklyCount::count)
        .containsExactly(2, 3, 2);
    assertThat(roster.weeklyHeadcount(Scope.team("hc-child"), weeks))
        .extracting(WeeklyCount::count)
        .containsExactly(1, 2, 1);
  }

  @Test
  void changes_to_the_roster_are_audited_with_before_and_after() {
    Team team = roster.saveTeam(new Team(null, "audited", "Audited", null));
    Developer created =
        roster.saveDeveloper(dev(team, "audit.me@example.com", LocalDate.of(2025, 1, 1), null));
    roster.saveDeveloper(
        new Developer(
            created.id(),
            created.email(),
            "Renamed",
            team.id(),
            null,
            created.startedOn(),
            null,
            false));

    AuditEntry latest = audit.latest(1).get(0);
    assertThat(latest.actor()).isEqualTo("roster-admin");
    assertThat(latest.action()).isEqualTo("update");
    assertThat(latest.entity()).isEqualTo("developer");
    assertThat(latest.before()).contains("\"name\":\"audit.me@example.com\"");
    assertThat(latest.after()).contains("\"name\":\"Renamed\"");
  }

  @Test
  @WithMockUser(username = "someone", roles = "MEMBER")
  void a_member_may_not_list_individual_developers() {
    assertThatThrownBy(() -> roster.developers(DeveloperFilter.all(), 0, 10))
        .isInstanceOf(AccessDeniedException.class);
  }

  private static Developer dev(Team team, String email, LocalDate started, LocalDate left) {
    return new Developer(null, email, email.trim(), team.id(), null, started, left, false);
  }
}

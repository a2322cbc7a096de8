package dev.tandem.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class SsoRoleMappingTest {

  private final SsoRoleMapping mapping = SsoRoleMapping.parse(SsoRoleMapping.DEFAULT);

  @Test
  void team_groups_give_a_manager_or_member_of_the_team_named_in_the_group() {
    assertThat(mapping.grants(List.of("team:payments:manager", "team:Checkout")))
        .containsExactly(
            new SsoRoleMapping.Grant("team:payments:manager", Role.MANAGER, "payments"),
            new SsoRoleMapping.Grant("team:Checkout", Role.MEMBER, "checkout"));
  }

  @Test
  void the_most_privileged_grant_wins_whatever_the_order_of_the_groups() {
    List<SsoRoleMapping.Grant> grants =
        mapping.grants(List.of("team:search", "staff", "tandem-leaders", "team:catalog:manager"));
    assertThat(SsoRoleMapping.strongest(grants))
        .contains(new SsoRoleMapping.Grant("tandem-leaders", Role.LEADER, null));
  }

  @Test
  void between_two_teams_of_one_role_the_first_key_in_alphabetical_order_wins() {
    assertThat(SsoRoleMapping.strongest(mapping.grants(List.of("team:search", "team:catalog"))))
        .contains(new SsoRoleMapping.Grant("team:catalog", Role.MEMBER, "catalog"));
  }

  @Test
  void groups_matching_no_rule_give_nothing() {
    assertThat(mapping.grants(List.of("staff", "tandem-leaders-old", "xteam:payments"))).isEmpty();
    assertThat(SsoRoleMapping.strongest(List.of())).isEmpty();
  }

  @Test
  void a_custom_mapping_reads_any_group_names_and_roles_in_any_case() {
    SsoRoleMapping custom = SsoRoleMapping.parse("Eng-Directors=leader, eng-*-leads=Manager");
    assertThat(custom.grants(List.of("Eng-Directors", "eng-payments-leads")))
        .containsExactly(
            new SsoRoleMapping.Grant("Eng-Directors", Role.LEADER, null),
            new SsoRoleMapping.Grant("eng-payments-leads", Role.MANAGER, "payments"));
    assertThat(custom.groupPatterns()).containsExactly("Eng-Directors", "eng-<team>-leads");
  }

  @Test
  void a_mapping_that_cannot_work_stops_the_start_with_the_rule_named() {
    assertThatThrownBy(() -> SsoRoleMapping.parse("team:*=LEADER"))
        .hasMessageContaining("'team:*=LEADER'");
    assertThatThrownBy(() -> SsoRoleMapping.parse("team:payments=MEMBER"))
        .hasMessageContaining("one * for the team key");
    assertThatThrownBy(() -> SsoRoleMapping.parse("tandem-leaders=BOSS"))
        .hasMessageContaining("names no role");
    assertThatThrownBy(() -> SsoRoleMapping.parse("tandem-leaders"))
        .hasMessageContaining("is not group=ROLE");
  }
}

package dev.tandem.costs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.tandem.base.Scope;
import dev.tandem.ingest.ImportService;
import dev.tandem.roster.RosterService;
import dev.tandem.security.AsAdmin;
import dev.tandem.security.Role;
import dev.tandem.security.UserAccount;
import dev.tandem.security.UserService;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.annotation.DirtiesContext;

/**
 * Seats and cost on the small organisation of {@link CostsFixture}, with today 2026-12-02: every
 * figure worked out by hand in the comments.
 */
@SpringBootTest
@Import(CostServiceIT.Today.class)
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class CostServiceIT {

  @TestConfiguration
  static class Today {
    @Bean
    @Primary
    Clock today() {
      return Clock.fixed(Instant.parse("2026-12-02T12:00:00Z"), ZoneOffset.UTC);
    }
  }

  static final YearMonth OCT = YearMonth.of(2026, 10);
  static final YearMonth NOV = YearMonth.of(2026, 11);

  @Autowired CostService costs;
  @Autowired PriceService prices;
  @Autowired ImportService imports;
  @Autowired RosterService roster;
  @Autowired UserService users;

  @BeforeEach
  void setUp() {
    if (roster.team("alpha").isEmpty()) {
      CostsFixture.load(imports, prices);
      AsAdmin.call(
          () ->
              users.createUserAsAdmin(
                  new UserAccount(
                      null,
                      "alpha-manager",
                      "Alpha Manager",
                      Role.MANAGER,
                      roster.team("alpha").orElseThrow().id(),
                      null,
                      true),
                  "alpha-manager-password"));
    }
  }

  @AfterEach
  void tearDown() {
    SecurityContextHolder.clearContext();
  }

  static void signIn(String user, String role) {
    SecurityContextHolder.getContext()
        .setAuthentication(
            new UsernamePasswordAuthenticationToken(
                user, null, List.of(new SimpleGrantedAuthority("ROLE_" + role))));
  }

  static BigDecimal money(String v) {
    return new BigDecimal(v);
  }

  @Test
  void november_seat_cost_is_pro_rata_by_day_across_a_price_change_and_a_removal() {
    signIn("it-admin", "ADMIN");
    CostReport r = costs.costs(Scope.ORGANISATION, NOV, NOV);

    // November has 30 days; Copilot business is 19.00 until 15 November and 30.00 from the 16th.
    // a1 (whole month):           15 × 19 + 15 × 30 = 735 → 735 / 30 = 24.50
    // a2 (removed on 11 November): 10 × 19 = 190         → 190 / 30 =  6.3333
    // L  (left, seat still held):  735 / 30             = 24.50
    // Copilot: 24.50 + 6.3333 + 24.50 = 55.3333 → 55.33
    // Cursor a3 at the file's 40.00 for the whole month: 40.00
    // Kiro a4 has no price: 0, and its 30 seat-days are reported as unpriced (the report's PRO
    // tier on the 17th is no second seat: the seat list gives a4 one; else 30 + 14 = 44).
    // Seat cost: 55.3333 + 40 = 95.3333 → 95.33
    CostReport.Row copilot = row(r.tools(), "copilot");
    assertThat(copilot.figures().seatCost()).isEqualByComparingTo("55.33");
    assertThat(row(r.tools(), "cursor").figures().seatCost()).isEqualByComparingTo("40.00");
    assertThat(row(r.tools(), "kiro").figures().seatCost()).isEqualByComparingTo("0");
    assertThat(row(r.tools(), "kiro").figures().unpricedSeatDays()).isEqualTo(30);
    assertThat(r.total().seatCost()).isEqualByComparingTo("95.33");
    assertThat(r.total().unpricedSeatDays()).isEqualTo(30);
  }

  @Test
  void usage_based_cost_comes_from_kiro_overage_and_claude_code_estimated_cost() {
    signIn("it-admin", "ADMIN");
    CostReport r = costs.costs(Scope.ORGANISATION, NOV, NOV);

    // Kiro: 50 overage credits × 0.04 = 2.00 (the 70.5 credits within the plan are in the seat).
    // Claude Code: (250 + 130) US cents = 3.80 USD × rate 1 = 3.80.
    assertThat(row(r.tools(), "kiro").figures().usageCost()).isEqualByComparingTo("2.00");
    assertThat(row(r.tools(), "claude-code").figures().usageCost()).isEqualByComparingTo("3.80");
    // Claude Code has usage but no seat: its seat cost is unknown ("no seats imported"), not 0.00,
    // and so are its total and cost per active developer.
    assertThat(row(r.tools(), "claude-code").figures().noSeats()).isTrue();
    assertThat(row(r.tools(), "claude-code").figures().seatCost()).isNull();
    assertThat(row(r.tools(), "claude-code").figures().totalCost()).isNull();
    assertThat(row(r.tools(), "claude-code").figures().costPerActiveDeveloper()).isNull();
    assertThat(row(r.tools(), "kiro").figures().noSeats()).isFalse();
    assertThat(r.total().usageCost()).isEqualByComparingTo("5.80");
    // 95.33 + 5.80
    assertThat(r.total().totalCost()).isEqualByComparingTo("101.13");
    assertThat(r.currency()).isEqualTo("USD");
  }

  @Test
  void idle_seats_are_seats_whose_holder_had_no_active_day_in_the_28_days_up_to_the_period_end() {
    signIn("it-admin", "ADMIN");
    CostReport r = costs.costs(Scope.ORGANISATION, NOV, NOV);

    // Held on 30 November: a1 Copilot, L Copilot, a3 Cursor, a4 Kiro (a2's was removed) = 4.
    // Active 9–30 November (weeks of 9, 16, 23 and 30 November): a1 (Copilot, week of the 16th)
    // and a4 (Kiro on the 17th) = 2; idle: L and a3 = 2.
    assertThat(r.seatsOn()).isEqualTo(LocalDate.parse("2026-11-30"));
    assertThat(r.activeFrom()).isEqualTo(LocalDate.parse("2026-11-09"));
    assertThat(r.total().seats()).isEqualTo(4);
    assertThat(r.total().activeSeatHolders()).isEqualTo(2);
    assertThat(r.total().idleSeats()).isEqualTo(2);
    assertThat(row(r.tools(), "cursor").figures().idleSeats()).isEqualTo(1);
    assertThat(row(r.tools(), "copilot").figures().idleSeats()).isEqualTo(1);
  }

  @Test
  void cost_per_active_developer_is_pooled_over_the_months_not_averaged() {
    signIn("it-admin", "ADMIN");
    CostReport r = costs.costs(Scope.ORGANISATION, OCT, NOV);

    // October (31 days): a1, a2 and L hold Copilot at 19.00 all month: 3 × 19.00 = 57.00; active
    // in weeks starting in October: a1 only (weeks of 5 and 12 October) = 1 developer, 2 weeks.
    // November: 101.1333 over 4 active developers (a1, a4, b1, b2), 4 user-weeks.
    // Pooled: (57.00 + 95.3333 + 5.80) = 158.13 over (1 + 4) = 5 developer-months = 31.63
    // (the average of the monthly 57.00 and 25.28 would be 41.14).
    assertThat(row(r.months(), "2026-10").figures().costPerActiveDeveloper())
        .isEqualByComparingTo("57.00");
    assertThat(row(r.months(), "2026-11").figures().costPerActiveDeveloper())
        .isEqualByComparingTo("25.28");
    assertThat(r.total().totalCost()).isEqualByComparingTo("158.13");
    assertThat(r.total().activeDeveloperMonths()).isEqualTo(5);
    assertThat(r.total().costPerActiveDeveloper()).isEqualByComparingTo("31.63");
    // Per AI user-week: 158.13 / (2 + 4) = 26.355 → 26.36
    assertThat(r.total().aiUserWeeks()).isEqualTo(6);
    assertThat(r.total().costPerAiUserWeek()).isEqualByComparingTo("26.36");
  }

  @Test
  void a_leavers_seat_is_in_the_reclaim_list_and_a_seatless_user_is_listed() {
    signIn("it-admin", "ADMIN");

    // L left on 31 October and still holds a Copilot seat; today's price is 30.00.
    assertThat(costs.reclaimList(Scope.ORGANISATION))
        .extracting(
            ReclaimSeat::email,
            ReclaimSeat::team,
            ReclaimSeat::tool,
            ReclaimSeat::leftOn,
            ReclaimSeat::monthlyPrice)
        .containsExactly(
            tuple(
                "l@example.com",
                "Alpha",
                "copilot",
                LocalDate.parse("2026-10-31"),
                money("30.00")));
    // b2 used Copilot in the week of 16 November without a seat; b1's Claude Code has no seats at
    // all in the organisation, so it is not a seat question.
    assertThat(costs.usersWithoutSeat(Scope.ORGANISATION, NOV, NOV))
        .extracting(UserWithoutSeat::email, UserWithoutSeat::tool, UserWithoutSeat::activeWeeks)
        .containsExactly(tuple("b2@example.com", "copilot", 1));
    CostReport r = costs.costs(Scope.ORGANISATION, NOV, NOV);
    assertThat(r.leaverSeats()).isEqualTo(1);
    assertThat(r.usersWithoutSeat()).isEqualTo(1);
  }

  @Test
  void a_leader_sees_the_total_but_not_groups_of_fewer_than_five() {
    signIn("it-leader", "LEADER");
    CostReport r = costs.costs(Scope.ORGANISATION, NOV, NOV);

    // November: 5 seat holders (a1, a2, a3, a4, L) ≥ k = 5, so the total shows.
    assertThat(r.total().suppressed()).isFalse();
    assertThat(r.total().totalCost()).isEqualByComparingTo("101.13");
    // Every tool has fewer than 5 holders and fewer than 5 active developers.
    assertThat(r.tools()).allMatch(t -> t.figures().suppressed());
    // The organisation's one top-level team holds everyone (7 developers): shown.
    assertThat(r.teams())
        .extracting(CostReport.Row::key, t -> t.figures().suppressed())
        .containsExactly(tuple("engineering", false));
    // Below engineering: beta (b1, b2 active) is hidden on its own; alpha (5 holders) then goes
    // too, or beta would be engineering's total minus alpha.
    assertThat(costs.costs(Scope.team("engineering"), NOV, NOV).teams())
        .extracting(CostReport.Row::key, t -> t.figures().suppressed())
        .containsExactly(tuple("alpha", true), tuple("beta", true));
    // One leaver's seat and one seatless user: fewer than 5, not shown to a leader.
    assertThat(r.leaverSeats()).isNull();
    assertThat(r.usersWithoutSeat()).isNull();
    assertThatThrownBy(() -> costs.reclaimList(Scope.ORGANISATION))
        .isInstanceOf(AccessDeniedException.class);

    // October has 3 holders: hidden, and with it every figure over October and November.
    CostReport both = costs.costs(Scope.ORGANISATION, OCT, NOV);
    assertThat(row(both.months(), "2026-10").figures().suppressed()).isTrue();
    assertThat(row(both.months(), "2026-11").figures().suppressed()).isFalse();
    assertThat(both.total().suppressed()).isTrue();
    assertThat(both.total().totalCost()).isNull();
  }

  @Test
  void a_manager_sees_their_own_scope_only_with_its_people() {
    signIn("alpha-manager", "MANAGER");
    CostReport r = costs.costs(Scope.ORGANISATION, NOV, NOV);

    // Alpha only: seat cost 95.33 (every seat is in alpha) + Kiro 2.00 = 97.33, active a1 and a4:
    // 97.33 / 2 = 48.665 → 48.67. A manager may see the individuals: nothing is suppressed.
    assertThat(r.scope()).isEqualTo("alpha");
    assertThat(r.total().totalCost()).isEqualByComparingTo("97.33");
    assertThat(r.total().costPerActiveDeveloper()).isEqualByComparingTo("48.67");
    assertThat(r.anySuppressed()).isFalse();
    assertThat(costs.reclaimList(Scope.ORGANISATION))
        .extracting(ReclaimSeat::email)
        .containsExactly("l@example.com");
    assertThatThrownBy(() -> costs.costs(Scope.team("beta"), NOV, NOV))
        .isInstanceOf(AccessDeniedException.class);
  }

  @Test
  void a_member_is_refused() {
    signIn("it-member", "MEMBER");
    assertThatThrownBy(() -> costs.costs(Scope.ORGANISATION, NOV, NOV))
        .isInstanceOf(AccessDeniedException.class);
  }

  private static CostReport.Row row(List<CostReport.Row> rows, String key) {
    return rows.stream()
        .filter(r -> r.key().equals(key))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no row " + key + " in " + rows));
  }
}

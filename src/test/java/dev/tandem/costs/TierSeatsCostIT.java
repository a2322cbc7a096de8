package dev.tandem.costs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tandem.ResetTables;
import dev.tandem.base.Scope;
import dev.tandem.ingest.ImportService;
import dev.tandem.security.AsAdmin;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * Seats read from a subscription tier (Kiro's user report) cost like any seat, at the price list's
 * price of the tier; where a seat list gives the developer a seat of the tool, only the list's seat
 * counts (no day paid twice).
 */
@SpringBootTest
@ResetTables
class TierSeatsCostIT {

  static final YearMonth NOV = YearMonth.of(2026, 11);

  @Autowired ImportService imports;
  @Autowired CostService costs;
  @Autowired PriceService prices;

  static final String ROSTER =
      "email,name,team_path,started_on,left_on,excluded\n"
          + "t1@example.com,T One,engineering/tier,2024-01-01,,\n";

  static final String KIRO =
      "Date,UserId,Client_Type,Subscription_Tier,ProfileId,Chat_Conversations,Credits_Used,"
          + "Overage_Cap,Overage_Credits_Used,Overage_Enabled,Total_Messages,New_User,User_Email\n"
          + "2026-11-02,kiro-t1,KIRO_IDE,Pro,prof-1,1,1,0,0,false,3,false,t1@example.com\n"
          + "2026-11-10,kiro-t1,KIRO_IDE,Pro+,prof-1,1,1,0,0,false,3,false,t1@example.com\n";

  CostFigures kiro() {
    return AsAdmin.call(
        () ->
            costs.costs(Scope.ORGANISATION, NOV, NOV).tools().stream()
                .filter(r -> r.key().equals("kiro"))
                .findFirst()
                .orElseThrow()
                .figures());
  }

  @Test
  void a_tier_seat_costs_its_price_unless_a_seat_list_gives_the_developer_a_seat() {
    AsAdmin.call(
        () -> {
          CostsFixture.check(CostsFixture.imp(imports, ROSTER, "tandem-roster-csv"));
          CostsFixture.check(CostsFixture.imp(imports, KIRO, "kiro-user-report-csv"));
          prices.savePrice("kiro", "pro", LocalDate.parse("2026-01-01"), new BigDecimal("20"));
          prices.savePrice("kiro", "pro+", LocalDate.parse("2026-01-01"), new BigDecimal("40"));
          return null;
        });

    // Pro 2–9 November: 8 days × 20 = 160; Pro+ 10–30 November: 21 days × 40 = 840.
    // (160 + 840) / 30 days = 33.3333 → 33.33.
    assertThat(kiro().seatCost()).isEqualByComparingTo("33.33");

    AsAdmin.call(
        () -> {
          CostsFixture.check(
              CostsFixture.imp(
                  imports,
                  "tool,email,seat_type,assigned_on,removed_on,monthly_price\n"
                      + "kiro,t1@example.com,pro,2026-11-01,,\n",
                  "tandem-seats-csv"));
          return null;
        });

    // The seat list's Pro seat, the whole month at 20: 30 × 20 / 30 = 20.00 (not 53.33).
    assertThat(kiro().seatCost()).isEqualByComparingTo("20.00");
  }
}

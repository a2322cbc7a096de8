package dev.tandem.ingest;

import static dev.tandem.db.Tables.SEAT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.tandem.ResetTables;
import dev.tandem.base.ValidationException;
import dev.tandem.ingest.format.ImportError;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.assertj.core.groups.Tuple;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Seats from the vendors' own data, through the import pipeline: the Copilot seat list and Cursor's
 * team members as snapshots (a seat an earlier list had and a later one lacks is closed on the
 * later list's day, and undo opens it again), Kiro's {@code Subscription_Tier} and Claude Code's
 * {@code subscription_type} per day turned into seats. The import day is set by a clock the test
 * moves.
 */
@SpringBootTest
@Import(VendorSeatsIT.Today.class)
@ResetTables
class VendorSeatsIT {

  /** A clock the test sets to the day of each import. */
  static final class Movable extends Clock {
    Instant now = Instant.parse("2026-11-10T09:00:00Z");

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }

  @TestConfiguration
  static class Today {
    @Bean
    @Primary
    Movable movableClock() {
      return new Movable();
    }
  }

  @Autowired ImportService imports;
  @Autowired DSLContext db;
  @Autowired Movable clock;
  IngestFixtures fx;

  @BeforeEach
  void setUp() {
    IngestFixtures.signInAsAdmin();
    fx = new IngestFixtures(imports, db);
    clock.now = Instant.parse("2026-11-10T09:00:00Z");
    fx.roster();
    fx.importFile("identity-map.csv", "identity-map-csv");
  }

  @AfterEach
  void tearDown() {
    SecurityContextHolder.clearContext();
  }

  void on(String day) {
    clock.now = Instant.parse(day + "T09:00:00Z");
  }

  static String copilotSeat(String login, String created) {
    return "{\"created_at\":\""
        + created
        + "T09:00:00Z\",\"pending_cancellation_date\":null,\"plan_type\":\"business\","
        + "\"assignee\":{\"login\":\""
        + login
        + "\",\"type\":\"User\"}}";
  }

  static String copilotList(String... seats) {
    return "{\"total_seats\":"
        + seats.length
        + ",\"seats\":[\n"
        + String.join(",\n", seats)
        + "\n]}";
  }

  /** Seats as (identity, tool, type, assigned_on, removed_on), ordered. */
  List<Tuple> seats() {
    return db.select(
            SEAT.EXTERNAL_ID, SEAT.TOOL_KEY, SEAT.SEAT_TYPE, SEAT.ASSIGNED_ON, SEAT.REMOVED_ON)
        .from(SEAT)
        .orderBy(SEAT.TOOL_KEY, SEAT.EXTERNAL_ID, SEAT.ASSIGNED_ON)
        .fetch(r -> tuple(r.value1(), r.value2(), r.value3(), r.value4(), r.value5()));
  }

  static LocalDate d(String day) {
    return LocalDate.parse(day);
  }

  @Test
  void a_seat_missing_from_a_later_copilot_list_is_closed_that_day_and_undo_opens_it_again() {
    // The identity map knows asilva; lwei is held as unmatched (still a seat of the list).
    on("2026-11-10");
    ImportResult first =
        fx.importText(
            copilotList(copilotSeat("asilva", "2026-09-01"), copilotSeat("lwei", "2026-10-01")),
            "copilot-seats-json");
    assertThat(first.errors()).isEmpty();
    on("2026-11-20");
    ImportResult preview =
        fx.importText(
            copilotList(copilotSeat("asilva", "2026-09-01")),
            "copilot-seats-json",
            ImportMode.ALL_OR_NOTHING,
            true);
    // The preview says what the list will close (lwei's seat), before anything is written.
    assertThat(preview.warnings())
        .extracting(ImportError::field, ImportError::message)
        .containsExactly(
            tuple(
                "seats",
                "1 seats of earlier lists are not on this one: they end on 2026-11-20 at the"
                    + " latest (undo the import to open them again)"));
    assertThat(seats()).extracting(t -> t.toArray()[4]).containsOnlyNulls();
    ImportResult second =
        fx.importText(copilotList(copilotSeat("asilva", "2026-09-01")), "copilot-seats-json");
    assertThat(second.errors()).isEmpty();

    // lwei's seat is not on the list of the 20th: held from 1 October up to, not including, the
    // 20th (its November seat-days: 1st–19th = 19 days, not 30).
    assertThat(seats())
        .containsExactly(
            tuple("asilva", "copilot", "business", d("2026-09-01"), null),
            tuple("lwei", "copilot", "business", d("2026-10-01"), d("2026-11-20")));
    assertThat(ChronoUnit.DAYS.between(d("2026-11-01"), d("2026-11-20"))).isEqualTo(19);

    // The second list replaced seats of the first: the first cannot be undone before it.
    assertThatThrownBy(() -> imports.undo(first.batchId()))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("later imports [" + second.batchId() + "]");
    imports.undo(second.batchId());
    assertThat(seats())
        .containsExactly(
            tuple("asilva", "copilot", "business", d("2026-09-01"), null),
            tuple("lwei", "copilot", "business", d("2026-10-01"), null));
    imports.undo(first.batchId());
    assertThat(seats()).isEmpty();
  }

  @Test
  void a_seat_assigned_again_ends_the_earlier_one_on_its_new_day() {
    on("2026-11-10");
    fx.importText(copilotList(copilotSeat("asilva", "2026-09-01")), "copilot-seats-json");
    on("2026-11-20");
    // Removed and assigned again on the 15th: GitHub shows the new created_at.
    fx.importText(copilotList(copilotSeat("asilva", "2026-11-15")), "copilot-seats-json");

    // The first seat ends on the 15th, not the 20th: no day is held twice.
    assertThat(seats())
        .containsExactly(
            tuple("asilva", "copilot", "business", d("2026-09-01"), d("2026-11-15")),
            tuple("asilva", "copilot", "business", d("2026-11-15"), null));
  }

  @Test
  void one_page_of_the_copilot_list_is_refused_naming_total_seats() {
    on("2026-11-10");
    fx.importText(
        copilotList(copilotSeat("asilva", "2026-09-01"), copilotSeat("lwei", "2026-10-01")),
        "copilot-seats-json");
    on("2026-11-20");
    ImportResult page =
        fx.importText(
            "{\"total_seats\":2,\"seats\":[" + copilotSeat("asilva", "2026-09-01") + "]}",
            "copilot-seats-json");

    assertThat(page.outcome()).isEqualTo("refused");
    assertThat(page.errors())
        .extracting(ImportError::line, ImportError::field)
        .containsExactly(tuple(1L, "total_seats"));
    assertThat(page.errors().get(0).message())
        .contains("the file holds 1 seats but total_seats is 2");
    // Nothing closed.
    assertThat(seats()).extracting(t -> t.toArray()[4]).containsOnlyNulls();
  }

  static String members(String... members) {
    return "{\"teamMembers\":[\n" + String.join(",\n", members) + "\n]}";
  }

  static String member(String email, String role, boolean removed) {
    return "{\"id\":1,\"name\":\"x\",\"email\":\""
        + email
        + "\",\"role\":\""
        + role
        + "\",\"isRemoved\":"
        + removed
        + "}";
  }

  @Test
  void cursor_members_are_seats_from_the_first_list_that_has_them_until_one_lacks_them() {
    on("2026-11-10");
    ImportResult first =
        fx.importText(
            members(
                member("ana.silva@example.com", "member", false),
                member("li.wei@example.com", "owner", false),
                // An owner without a paid seat, and a member already removed: no seat.
                member("omar.haddad@example.com", "free-owner", false),
                member("eva.novak@example.com", "member", true)),
            "cursor-members-json");
    assertThat(first.errors()).isEmpty();
    assertThat(first.rowsRead()).isEqualTo(4);
    assertThat(first.rowsApplied()).isEqualTo(2);

    on("2026-11-20");
    ImportResult second =
        fx.importText(
            members(
                member("ana.silva@example.com", "member", false),
                member("li.wei@example.com", "owner", true),
                member("new.hire@example.com", "member", false)),
            "cursor-members-json");
    assertThat(second.errors()).isEmpty();
    assertThat(second.rowsUnmatched()).isEqualTo(1);

    // Ana keeps the seat of the 10th; Li's ends on the 20th (10 days held: 10th–19th); the new
    // hire's starts on the 20th and is held until the email is on the roster.
    assertThat(seats())
        .containsExactly(
            tuple("ana.silva@example.com", "cursor", "teams", d("2026-11-10"), null),
            tuple("li.wei@example.com", "cursor", "teams", d("2026-11-10"), d("2026-11-20")),
            tuple("new.hire@example.com", "cursor", "teams", d("2026-11-20"), null));
    assertThat(imports.unmatchedIdentities())
        .extracting(UnmatchedIdentity::source, UnmatchedIdentity::externalId)
        .containsExactly(tuple("cursor", "new.hire@example.com"));

    imports.undo(second.batchId());
    assertThat(seats())
        .containsExactly(
            tuple("ana.silva@example.com", "cursor", "teams", d("2026-11-10"), null),
            tuple("li.wei@example.com", "cursor", "teams", d("2026-11-10"), null));
  }

  @Test
  void the_cursor_example_of_the_format_documentation_imports_as_written() throws Exception {
    String doc = java.nio.file.Files.readString(java.nio.file.Path.of("docs/formats.md"));
    String section = doc.substring(doc.indexOf("## cursor-members-json"));
    String example = section.substring(section.indexOf("{\"teamMembers\""));
    example = example.substring(0, example.indexOf("\n"));

    ImportResult r = fx.importText(example, "cursor-members-json");

    assertThat(r.errors()).isEmpty();
    assertThat(seats())
        .containsExactly(
            tuple("ana.silva@example.com", "cursor", "teams", d("2026-11-10"), null),
            tuple("li.wei@example.com", "cursor", "teams", d("2026-11-10"), null));
  }

  @Test
  void a_bad_cursor_member_is_named_by_record_and_field_and_nothing_is_applied() {
    ImportResult r =
        fx.importText(
            members(
                member("ana.silva@example.com", "member", false),
                member("not-an-email", "member", false),
                member("li.wei@example.com", "superuser", false)),
            "cursor-members-json");

    assertThat(r.outcome()).isEqualTo("refused");
    assertThat(r.errors())
        .extracting(ImportError::line, ImportError::field)
        .containsExactly(tuple(3L, "email"), tuple(4L, "role"));
    assertThat(r.errors().get(1).message()).contains("'superuser' is not a role");
    assertThat(seats()).isEmpty();
  }

  static final String KIRO =
      "UserId,Date,Client_Type,Subscription_Tier,ProfileId,Chat_Conversations,Credits_Used,"
          + "Overage_Cap,Overage_Credits_Used,Overage_Enabled,Total_Messages\n";
  static final String ANA = "90676bc2-70f1-7017-e1a4-2f1a7d3e5b11";
  static final String LI = "c1d2e3f4-0000-1111-2222-333344445555";

  static String kiro(String user, String day, String tier) {
    return user + "," + day + ",KIRO_IDE," + tier + ",prof-1,1,2.5,0,0,false,4\n";
  }

  @Test
  void kiro_tiers_become_seats_that_change_with_the_tier_and_go_back_on_undo() {
    ImportResult november =
        fx.importText(
            KIRO
                + kiro(ANA, "2026-11-02", "Pro")
                + kiro(ANA, "2026-11-03", "Pro")
                + kiro(ANA, "2026-11-10", "Pro+")
                + kiro(LI, "2026-11-05", "Power"),
            "kiro-user-report-csv");
    assertThat(november.errors()).isEmpty();

    // Ana: Pro from the 2nd (first day seen) up to the 10th, when the report shows Pro+; Pro+
    // stays open (a day without a row says nothing). Li: Power from the 5th.
    assertThat(seats())
        .containsExactly(
            tuple("ana.silva@example.com", "kiro", "pro", d("2026-11-02"), d("2026-11-10")),
            tuple("ana.silva@example.com", "kiro", "pro+", d("2026-11-10"), null),
            tuple("li.wei@example.com", "kiro", "power", d("2026-11-05"), null));

    // An earlier day imported later moves the start of Ana's Pro seat back to 28 October.
    ImportResult october =
        fx.importText(KIRO + kiro(ANA, "2026-10-28", "Pro"), "kiro-user-report-csv");
    assertThat(seats())
        .containsExactly(
            tuple("ana.silva@example.com", "kiro", "pro", d("2026-10-28"), d("2026-11-10")),
            tuple("ana.silva@example.com", "kiro", "pro+", d("2026-11-10"), null),
            tuple("li.wei@example.com", "kiro", "power", d("2026-11-05"), null));

    imports.undo(october.batchId());
    assertThat(seats())
        .containsExactly(
            tuple("ana.silva@example.com", "kiro", "pro", d("2026-11-02"), d("2026-11-10")),
            tuple("ana.silva@example.com", "kiro", "pro+", d("2026-11-10"), null),
            tuple("li.wei@example.com", "kiro", "power", d("2026-11-05"), null));
    imports.undo(november.batchId());
    assertThat(seats()).isEmpty();
  }

  @Test
  void a_kiro_user_mapped_later_gets_the_seat_of_the_held_days() {
    String unknown = "99999999-0000-1111-2222-333344445555";
    fx.importText(KIRO + kiro(unknown, "2026-11-04", "Pro"), "kiro-user-report-csv");
    assertThat(seats()).isEmpty();

    fx.importText(
        "source,external_id,email\nkiro," + unknown + ",omar.haddad@example.com\n",
        "identity-map-csv");

    assertThat(seats())
        .containsExactly(tuple("omar.haddad@example.com", "kiro", "pro", d("2026-11-04"), null));
  }

  @Test
  void claude_code_subscription_type_is_a_seat_and_an_api_customer_has_none() {
    String json =
        "{\"data\":[\n"
            + "{\"date\":\"2026-11-17T00:00:00Z\",\"actor\":{\"type\":\"user_actor\","
            + "\"email_address\":\"li.wei@example.com\"},\"customer_type\":\"subscription\","
            + "\"subscription_type\":\"Team\",\"core_metrics\":{\"num_sessions\":2}},\n"
            + "{\"date\":\"2026-11-18T00:00:00Z\",\"actor\":{\"type\":\"user_actor\","
            + "\"email_address\":\"li.wei@example.com\"},\"customer_type\":\"subscription\","
            + "\"subscription_type\":\"team\",\"core_metrics\":{\"num_sessions\":1}},\n"
            + "{\"date\":\"2026-11-17T00:00:00Z\",\"actor\":{\"type\":\"user_actor\","
            + "\"email_address\":\"ana.silva@example.com\"},\"customer_type\":\"api\","
            + "\"core_metrics\":{\"num_sessions\":3}}\n"
            + "],\"has_more\":false,\"next_page\":null}";

    ImportResult r = fx.importText(json, "claude-code-usage-json");

    assertThat(r.errors()).isEmpty();
    // Li: one Team seat from the 17th (the 18th says the same tier); Ana pays per use: no seat.
    assertThat(seats())
        .containsExactly(tuple("li.wei@example.com", "claude-code", "team", d("2026-11-17"), null));
  }
}

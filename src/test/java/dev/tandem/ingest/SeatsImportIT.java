package dev.tandem.ingest;

import static dev.tandem.db.Tables.DEVELOPER;
import static dev.tandem.db.Tables.SEAT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.tandem.ResetTables;
import dev.tandem.base.ValidationException;
import dev.tandem.ingest.format.ImportError;
import java.math.BigDecimal;
import java.time.LocalDate;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Seats arrive through the import pipeline: tandem-seats-csv and GitHub's Copilot seat list, all or
 * nothing with line and field named, unknown identities held until mapped, undone as a batch.
 */
@SpringBootTest
@ResetTables
class SeatsImportIT {

  private static final String HEADER =
      "tool,email,seat_type,assigned_on,removed_on,monthly_price\n";

  @Autowired ImportService imports;
  @Autowired DSLContext db;
  IngestFixtures fx;

  @BeforeEach
  void setUp() {
    IngestFixtures.signInAsAdmin();
    fx = new IngestFixtures(imports, db);
    fx.roster();
  }

  @AfterEach
  void tearDown() {
    SecurityContextHolder.clearContext();
  }

  @Test
  void a_seats_file_is_stored_with_its_days_and_price() {
    ImportResult r =
        fx.importText(
            HEADER
                + "copilot,Ana.Silva@example.com,Business,2026-09-01,,19\n"
                + "cursor,li.wei@example.com,teams,2026-10-01,2026-11-16,\n",
            "tandem-seats-csv");

    assertThat(r.errors()).isEmpty();
    assertThat(r.rowsApplied()).isEqualTo(2);
    assertThat(
            db.select(
                    DEVELOPER.EMAIL,
                    SEAT.TOOL_KEY,
                    SEAT.SEAT_TYPE,
                    SEAT.ASSIGNED_ON,
                    SEAT.REMOVED_ON,
                    SEAT.MONTHLY_PRICE)
                .from(SEAT)
                .join(DEVELOPER)
                .on(DEVELOPER.ID.eq(SEAT.DEVELOPER_ID))
                .orderBy(SEAT.TOOL_KEY)
                .fetch(
                    r2 ->
                        tuple(
                            r2.value1(),
                            r2.value2(),
                            r2.value3(),
                            r2.value4(),
                            r2.value5(),
                            r2.value6())))
        .containsExactly(
            tuple(
                "ana.silva@example.com",
                "copilot",
                "business",
                LocalDate.parse("2026-09-01"),
                null,
                new BigDecimal("19.00")),
            tuple(
                "li.wei@example.com",
                "cursor",
                "teams",
                LocalDate.parse("2026-10-01"),
                LocalDate.parse("2026-11-16"),
                null));
  }

  @Test
  void bad_lines_are_named_by_line_and_field_and_nothing_is_applied() {
    ImportResult r =
        fx.importText(
            HEADER
                + "windsurf,ana.silva@example.com,pro,2026-09-01,,10\n"
                + "copilot,ana.silva@example.com,business,2026-13-01,,19\n"
                + "copilot,li.wei@example.com,business,2026-10-01,2026-09-30,19\n"
                + "cursor,li.wei@example.com,teams,2026-10-01,,-40\n"
                + "kiro,omar.haddad@example.com,pro,2026-10-01,,20\n",
            "tandem-seats-csv");

    assertThat(r.outcome()).isEqualTo("refused");
    assertThat(r.rowsApplied()).isZero();
    assertThat(r.errors())
        .extracting(ImportError::line, ImportError::field)
        .containsExactly(
            tuple(2L, "tool"),
            tuple(3L, "assigned_on"),
            tuple(4L, "removed_on"),
            tuple(5L, "monthly_price"));
    assertThat(r.errors().get(0).message()).contains("unknown tool 'windsurf'");
    assertThat(r.errors().get(2).message()).contains("is before assigned_on (2026-10-01)");
    assertThat(r.errors().get(3).message()).contains("is negative");
    assertThat(db.fetchCount(SEAT)).isZero();
  }

  @Test
  void a_seat_repeated_in_a_file_is_an_error_naming_the_first_line() {
    ImportResult r =
        fx.importText(
            HEADER
                + "copilot,ana.silva@example.com,business,2026-09-01,,19\n"
                + "copilot,ana.silva@example.com,enterprise,2026-09-01,,39\n",
            "tandem-seats-csv");

    assertThat(r.errors())
        .extracting(ImportError::line, ImportError::field, ImportError::message)
        .containsExactly(
            tuple(
                3L,
                "key",
                "repeats line 2 (same identity, tool and assigned_on); each seat may appear once in"
                    + " a file"));
  }

  @Test
  void an_unknown_email_is_held_as_unmatched_and_applied_when_mapped() {
    ImportResult r =
        fx.importText(
            HEADER + "copilot,new.hire@example.com,business,2026-11-02,,19\n", "tandem-seats-csv");

    assertThat(r.rowsUnmatched()).isEqualTo(1);
    assertThat(r.rowsApplied()).isZero();
    assertThat(imports.unmatchedIdentities())
        .extracting(
            UnmatchedIdentity::source, UnmatchedIdentity::externalId, UnmatchedIdentity::rows)
        .containsExactly(tuple("tandem", "new.hire@example.com", 1));
    long omar =
        db.select(DEVELOPER.ID)
            .from(DEVELOPER)
            .where(DEVELOPER.EMAIL.eq("omar.haddad@example.com"))
            .fetchSingle(DEVELOPER.ID);

    assertThat(imports.mapIdentity("tandem", "new.hire@example.com", omar)).isEqualTo(1);

    assertThat(db.select(SEAT.DEVELOPER_ID).from(SEAT).fetchSingle(SEAT.DEVELOPER_ID))
        .isEqualTo(omar);
    assertThat(imports.unmatchedIdentities()).isEmpty();
    ImportBatch batch = imports.batches(5).get(0);
    assertThat(batch.rowsApplied()).isEqualTo(1);
    assertThat(batch.rowsUnmatched()).isZero();
  }

  @Test
  void a_reimport_replaces_a_seat_and_undo_puts_the_earlier_one_back() {
    long first =
        fx.importText(
                HEADER + "copilot,ana.silva@example.com,business,2026-09-01,,19\n",
                "tandem-seats-csv")
            .batchId();
    long second =
        fx.importText(
                HEADER + "copilot,ana.silva@example.com,business,2026-09-01,2026-11-16,19\n",
                "tandem-seats-csv")
            .batchId();
    assertThat(db.select(SEAT.REMOVED_ON).from(SEAT).fetch(SEAT.REMOVED_ON))
        .containsExactly(LocalDate.parse("2026-11-16"));

    assertThatThrownBy(() -> imports.undo(first))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("later imports [" + second + "] replaced seats");
    imports.undo(second);

    assertThat(db.select(SEAT.REMOVED_ON).from(SEAT).fetch(SEAT.REMOVED_ON))
        .containsExactly((LocalDate) null);
    imports.undo(first);
    assertThat(db.fetchCount(SEAT)).isZero();
  }

  @Test
  void the_copilot_seat_list_is_read_with_login_plan_and_cancellation() {
    assertThat(fx.importFile("identity-map.csv", "identity-map-csv").errors()).isEmpty();

    ImportResult r = fx.importFile("seats/copilot-seats.json", "copilot-seats-json");

    assertThat(r.errors()).isEmpty();
    assertThat(r.rowsApplied()).isEqualTo(1);
    assertThat(r.rowsUnmatched()).isEqualTo(1);
    assertThat(
            db.select(
                    SEAT.EXTERNAL_ID,
                    SEAT.DEVELOPER_ID.isNotNull(),
                    SEAT.SEAT_TYPE,
                    SEAT.ASSIGNED_ON,
                    SEAT.REMOVED_ON)
                .from(SEAT)
                .orderBy(SEAT.EXTERNAL_ID)
                .fetch(x -> tuple(x.value1(), x.value2(), x.value3(), x.value4(), x.value5())))
        .containsExactly(
            tuple("asilva", true, "business", LocalDate.parse("2026-09-01"), null),
            // 12:30 at +02:00 is 10:30 UTC: the UTC day.
            tuple(
                "ghost-user",
                false,
                "business",
                LocalDate.parse("2026-10-15"),
                LocalDate.parse("2026-12-01")));
    assertThat(
            db.select(SEAT.LAST_ACTIVITY_AT)
                .from(SEAT)
                .where(SEAT.EXTERNAL_ID.eq("asilva"))
                .fetchSingle(SEAT.LAST_ACTIVITY_AT))
        .isNotNull();
  }
}

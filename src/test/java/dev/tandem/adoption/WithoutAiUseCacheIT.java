package dev.tandem.adoption;

import static dev.tandem.db.Tables.DEVELOPER;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tandem.base.IsoWeek;
import dev.tandem.base.Scope;
import dev.tandem.rollup.RollupFixture;
import java.time.LocalDate;
import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.test.context.support.WithMockUser;

/**
 * Who has no AI use in the four weeks is decided once per rollup state (the organisation's usage
 * rows of four weeks are the list's one costly read) and kept; names and teams come from the roster
 * as it is. So: a rename shows at once, and new usage, a leaver or a new joiner shows in the next
 * read, each through the rollup write that every such change makes.
 *
 * <p>Team "kept", asOf 2026-W11 (the four weeks W08–W11): "quiet" never used AI, "busy" used
 * Copilot one day in W10.
 */
@SpringBootTest
@WithMockUser(username = "cache-admin", roles = "ADMIN")
class WithoutAiUseCacheIT {

  private static final IsoWeek AS_OF = IsoWeek.parse("2026-W11");

  @Autowired AdoptionService adoption;
  @Autowired DSLContext db;
  AdoptionFixture fx;

  @BeforeEach
  void clean() {
    fx = new AdoptionFixture(db);
    fx.clear();
  }

  @Test
  void the_list_follows_renames_usage_leavers_and_joiners() {
    long team = fx.team("kept", null);
    long quiet = fx.developer(team, "quiet");
    long busy = fx.developer(team, "busy");
    fx.usage(busy, "copilot", "2026-W10", 1);

    assertThat(names()).containsExactly("quiet");
    assertThat(names()).containsExactly("quiet"); // the kept answer

    // A rename changes no figure (no rollup write): the name is still read as it is now.
    db.update(DEVELOPER)
        .set(DEVELOPER.NAME, "quiet renamed")
        .where(DEVELOPER.ID.eq(quiet))
        .execute();
    assertThat(names()).containsExactly("quiet renamed");

    // Usage in W09 for "quiet": the import's rollup write makes the next read decide again.
    fx.usage(quiet, "copilot", "2026-W09", 2);
    assertThat(names()).isEmpty();
    assertThat(adoption.withoutAiUse(Scope.team("kept"), AS_OF, 0, 10).total()).isZero();

    // A joiner without AI use appears; a leaver before W11 leaves the list (both change headcount).
    long joiner = fx.developer(team, "joiner", LocalDate.of(2026, 3, 2), null, false);
    assertThat(names()).containsExactly("joiner");
    db.update(DEVELOPER)
        .set(DEVELOPER.LEFT_ON, LocalDate.of(2026, 3, 6))
        .where(DEVELOPER.ID.eq(joiner))
        .execute();
    RollupFixture.refresh(db);
    assertThat(names()).isEmpty();
  }

  private java.util.List<String> names() {
    return adoption.withoutAiUse(Scope.team("kept"), AS_OF).stream()
        .map(InactiveDeveloper::name)
        .toList();
  }
}

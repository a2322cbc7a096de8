package dev.tandem.admin.ui;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AuditChangesTest {

  @Test
  void an_update_lists_only_the_fields_that_changed() {
    assertThat(
            AuditChanges.summary(
                "{\"name\":\"Ann\",\"role\":\"MEMBER\",\"team\":null}",
                "{\"name\":\"Ann\",\"role\":\"MANAGER\",\"team\":\"commerce\"}"))
        .isEqualTo("role: MEMBER → MANAGER; team: – → commerce");
  }

  @Test
  void a_creation_lists_the_new_values_and_text_that_is_not_json_is_shown_as_it_is() {
    assertThat(AuditChanges.summary(null, "{\"name\":\"Ann\",\"active\":true}"))
        .isEqualTo("created: name Ann; active true");
    assertThat(AuditChanges.summary("3 rows", "0 rows")).isEqualTo("3 rows → 0 rows");
  }
}

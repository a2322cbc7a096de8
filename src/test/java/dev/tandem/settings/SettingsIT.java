package dev.tandem.settings;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.mvysny.kaributesting.v10.NotificationsKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.textfield.BigDecimalField;
import com.vaadin.flow.component.textfield.IntegerField;
import dev.tandem.base.ValidationException;
import dev.tandem.security.AuditEntry;
import dev.tandem.security.AuditService;
import dev.tandem.settings.ui.SettingsView;
import dev.tandem.ui.KaribuSupport;
import java.math.BigDecimal;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.test.context.support.WithMockUser;

@SpringBootTest
class SettingsIT {

  @Autowired SettingsService settings;
  @Autowired AuditService audit;
  @Autowired ApplicationContext context;

  @AfterEach
  void restoreDefaults() {
    KaribuSupport.tearDown();
    KaribuSupport.setUp(context);
    KaribuSupport.signIn("admin", "ADMIN");
    settings.update("0.80", "5", "UTC", "changes");
    KaribuSupport.tearDown();
  }

  @Test
  @WithMockUser(username = "settings-admin", roles = "ADMIN")
  void every_invalid_value_is_reported_against_its_field() {
    assertThatThrownBy(() -> settings.update("1.5", "0", "Mars/Olympus", "lines"))
        .isInstanceOfSatisfying(
            ValidationException.class,
            e ->
                assertThat(e.problems())
                    .extracting(ValidationException.FieldProblem::field)
                    .containsExactly("goal", "minGroupSize", "zone", "defaultExposure"));
    assertThatThrownBy(() -> settings.update("eighty", "five", "", "changes"))
        .hasMessageContaining("goal: expected a decimal number such as 0.80, got 'eighty'")
        .hasMessageContaining("minGroupSize: expected a whole number such as 5, got 'five'");
    assertThat(settings.current().goal()).isEqualByComparingTo("0.80");
  }

  @Test
  @WithMockUser(username = "settings-admin", roles = "ADMIN")
  void a_change_is_audited_with_the_values_before_and_after() {
    settings.update("0.65", "7", "Europe/Berlin", "developer-weeks");
    AuditEntry entry = audit.latest(1).get(0);
    assertThat(entry.actor()).isEqualTo("settings-admin");
    assertThat(entry.entity()).isEqualTo("settings");
    assertThat(entry.before()).contains("\"minGroupSize\":5", "\"zone\":\"UTC\"");
    assertThat(entry.after())
        .contains("\"goal\":0.65", "\"minGroupSize\":7", "\"zone\":\"Europe/Berlin\"");
  }

  @Test
  @WithMockUser(username = "a-leader", roles = "LEADER")
  void only_admins_change_settings() {
    assertThatThrownBy(() -> settings.update("0.65", "7", "UTC", "changes"))
        .isInstanceOf(AccessDeniedException.class);
  }

  @Test
  void the_settings_screen_shows_errors_on_the_fields_and_saves_valid_values() {
    KaribuSupport.setUp(context);
    KaribuSupport.signIn("admin", "ADMIN");
    UI.getCurrent().navigate(SettingsView.class);
    BigDecimalField goal = _get(BigDecimalField.class, spec -> spec.withId("setting-goal"));
    IntegerField k = _get(IntegerField.class, spec -> spec.withLabel("Minimum group size (k)"));
    assertThat(goal.getValue()).isEqualByComparingTo("80");

    goal.setValue(new BigDecimal("150"));
    k.setValue(0);
    _click(_get(Button.class, spec -> spec.withId("save-settings")));
    assertThat(goal.isInvalid()).isTrue();
    assertThat(goal.getErrorMessage()).contains("at most 1");
    assertThat(k.isInvalid()).isTrue();
    assertThat(settings.current().goal()).isEqualByComparingTo("0.80");

    NotificationsKt.clearNotifications();
    goal.setValue(new BigDecimal("75"));
    k.setValue(6);
    _click(_get(Button.class, spec -> spec.withId("save-settings")));
    assertThat(goal.isInvalid()).isFalse();
    assertThat(k.isInvalid()).isFalse();
    NotificationsKt.expectNotifications("Settings saved");
    assertThat(settings.current().goal()).isEqualByComparingTo("0.75");
    assertThat(settings.current().minGroupSize()).isEqualTo(6);
    assertThat(audit.latest(1).get(0).actor()).isEqualTo("admin");
  }
}

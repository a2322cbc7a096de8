package dev.tandem.admin.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.textfield.TextField;
import dev.tandem.security.AuditEntry;
import dev.tandem.settings.SettingsService;
import dev.tandem.ui.KaribuSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;

@SpringBootTest
class AuditViewIT {

  @Autowired ApplicationContext context;
  @Autowired SettingsService settings;

  @BeforeEach
  void setUp() {
    KaribuSupport.setUp(context);
    KaribuSupport.signIn("audit-viewer", "ADMIN");
  }

  @AfterEach
  void tearDown() {
    KaribuSupport.tearDown();
  }

  @Test
  void the_audit_log_is_searchable_and_offers_no_way_to_edit_or_delete() {
    settings.update("0.80", "5", "UTC", "changes");
    UI.getCurrent().navigate(AuditView.class);
    @SuppressWarnings("unchecked")
    Grid<AuditEntry> grid = _get(Grid.class, spec -> spec.withId("audit-grid"));
    _get(TextField.class, spec -> spec.withLabel("Who")).setValue("audit-viewer");
    assertThat(GridKt._findAll(grid))
        .isNotEmpty()
        .allSatisfy(e -> assertThat(e.actor()).isEqualTo("audit-viewer"))
        .anySatisfy(e -> assertThat(e.entity()).isEqualTo("settings"));

    AuditView view = _get(AuditView.class);
    assertThat(_find(view, Button.class)).isEmpty();
    assertThat(grid.getEditor().getBinder()).isNull();
    assertThat(grid.getSelectionModel().getClass().getSimpleName()).doesNotContain("Multi");
  }
}

package dev.tandem.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.component.textfield.TextField;
import dev.tandem.base.ui.chart.EChart;
import dev.tandem.roster.Developer;
import dev.tandem.roster.ui.DevelopersView;
import dev.tandem.security.ui.AccessDeniedView;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.ActiveProfiles;

// The demo context the browser tests share (one demo start for all of them).
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("demo")
class RosterViewIT {

  @Autowired ApplicationContext context;

  @BeforeEach
  void setUp() {
    KaribuSupport.setUp(context);
  }

  @AfterEach
  void tearDown() {
    KaribuSupport.tearDown();
  }

  @Test
  void admin_sees_the_demo_roster_with_a_26_week_headcount_chart_and_can_search() {
    KaribuSupport.signIn("admin", "ADMIN");
    UI.getCurrent().navigate(DevelopersView.class);

    @SuppressWarnings("unchecked")
    Grid<Developer> grid = _get(Grid.class, spec -> spec.withId("roster-grid"));
    assertThat(GridKt._size(grid)).isBetween(240, 280);
    String option = _get(EChart.class).optionJson();
    assertThat(option.split("\"20\\d\\d-W\\d\\d\"", -1)).hasSize(27); // 26 week labels

    _get(TextField.class, spec -> spec.withPlaceholder("Search name or email"))
        .setValue("ana.silva");
    assertThat(GridKt._size(grid)).isBetween(1, 12);
    assertThat(GridKt._get(grid, 0).email()).contains("ana.silva");
  }

  @Test
  void the_menu_lists_the_admin_screens_for_an_admin() {
    KaribuSupport.signIn("admin", "ADMIN");
    UI.getCurrent().navigate(DevelopersView.class);
    assertThat(_find(SideNavItem.class))
        .extracting(SideNavItem::getLabel)
        .contains("Roster", "Teams", "Tools");
    assertThat(_find(SideNav.class)).hasSize(1);
  }

  @Test
  void saving_an_invalid_developer_shows_the_problem_on_the_field() {
    KaribuSupport.signIn("admin", "ADMIN");
    UI.getCurrent().navigate(DevelopersView.class);
    _get(Button.class, spec -> spec.withText("Add developer")).click();
    _get(EmailField.class, spec -> spec.withLabel("Email")).setValue("nobody");
    _get(Button.class, spec -> spec.withText("Save")).click();

    EmailField email = _get(EmailField.class, spec -> spec.withLabel("Email"));
    assertThat(email.isInvalid()).isTrue();
    assertThat(email.getErrorMessage()).contains("expected an email");
  }

  @Test
  void the_developer_form_caps_its_fields_and_refuses_a_zero_width_space_in_the_email() {
    KaribuSupport.signIn("admin", "ADMIN");
    UI.getCurrent().navigate(DevelopersView.class);
    _get(Button.class, spec -> spec.withText("Add developer")).click();
    EmailField email = _get(EmailField.class, spec -> spec.withLabel("Email"));
    assertThat(email.getMaxLength()).isEqualTo(320);
    assertThat(
            _get(
                    com.vaadin.flow.component.textfield.TextField.class,
                    spec -> spec.withLabel("Name"))
                .getMaxLength())
        .isEqualTo(200);
    email.setValue("ana\u200B@example.com");
    _get(Button.class, spec -> spec.withText("Save")).click();

    assertThat(email.isInvalid()).isTrue();
    assertThat(email.getErrorMessage())
        .contains("invisible character U+200B (ZERO WIDTH SPACE) at position 4");
  }

  @Test
  void a_member_cannot_open_the_roster() {
    KaribuSupport.signIn("member", "MEMBER");
    UI.getCurrent().navigate("roster");
    assertThat(_find(AccessDeniedView.class)).hasSize(1);
    assertThat(_find(DevelopersView.class)).isEmpty();
  }
}

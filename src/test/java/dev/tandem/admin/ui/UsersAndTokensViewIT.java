package dev.tandem.admin.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.ComboBoxKt;
import com.github.mvysny.kaributesting.v10.GridKt;
import com.github.mvysny.kaributesting.v10.pro.ConfirmDialogKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.tabs.TabSheet;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import dev.tandem.security.ApiToken;
import dev.tandem.security.ApiTokenService;
import dev.tandem.security.Role;
import dev.tandem.security.UserAccount;
import dev.tandem.security.UserService;
import dev.tandem.ui.KaribuSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;

@SpringBootTest
class UsersAndTokensViewIT {

  @Autowired ApplicationContext context;
  @Autowired UserService users;
  @Autowired ApiTokenService tokens;

  @BeforeEach
  void setUp() {
    KaribuSupport.setUp(context);
    KaribuSupport.signIn("admin", "ADMIN");
    UI.getCurrent().navigate(UsersView.class);
  }

  @AfterEach
  void tearDown() {
    KaribuSupport.tearDown();
  }

  @Test
  void an_admin_creates_a_user_and_a_short_password_is_refused_on_the_field() {
    _click(_get(Button.class, spec -> spec.withText("Add user")));
    _get(TextField.class, spec -> spec.withLabel("Username")).setValue("karibu-leader");
    _get(TextField.class, spec -> spec.withLabel("Name")).setValue("Karibu Leader");
    @SuppressWarnings("unchecked")
    ComboBox<Role> role = _get(ComboBox.class, spec -> spec.withLabel("Role"));
    ComboBoxKt.selectByLabel(role, "LEADER", false);
    PasswordField password = _get(PasswordField.class, spec -> spec.withLabel("Password"));
    password.setValue("short");
    _click(_get(Button.class, spec -> spec.withText("Save")));
    assertThat(password.isInvalid()).isTrue();
    assertThat(users.users()).noneMatch(u -> u.username().equals("karibu-leader"));

    password.setValue("long-enough-password");
    _click(_get(Button.class, spec -> spec.withText("Save")));
    UserAccount created =
        users.users().stream()
            .filter(u -> u.username().equals("karibu-leader"))
            .findFirst()
            .orElseThrow();
    assertThat(created.role()).isEqualTo(Role.LEADER);
    @SuppressWarnings("unchecked")
    Grid<UserAccount> grid = _get(Grid.class, spec -> spec.withId("user-grid"));
    assertThat(GridKt._findAll(grid)).extracting(UserAccount::username).contains("karibu-leader");
  }

  @Test
  void a_new_token_is_shown_once_and_revoking_it_asks_first_then_refuses_it_at_once() {
    _get(TabSheet.class).setSelectedIndex(1);
    _click(_get(Button.class, spec -> spec.withText("Create token")));
    _get(TextField.class, spec -> spec.withLabel("Name")).setValue("karibu-token");
    _click(_get(Button.class, spec -> spec.withText("Create")));
    String value = _get(TextField.class, spec -> spec.withId("new-token-value")).getValue();
    assertThat(value).startsWith("tdm_");
    assertThat(tokens.authenticate(value)).isPresent();
    _click(_get(Button.class, spec -> spec.withText("Done")));
    assertThat(_find(TextField.class, spec -> spec.withId("new-token-value"))).isEmpty();

    @SuppressWarnings("unchecked")
    Grid<ApiToken> grid = _get(Grid.class, spec -> spec.withId("token-grid"));
    int row = rowOf(grid, "karibu-token");
    _click((Button) GridKt._getCellComponent(grid, row, "status"));
    ConfirmDialog confirm = _get(ConfirmDialog.class);
    assertThat(ConfirmDialogKt.getHeader(confirm)).contains("karibu-token");
    ConfirmDialogKt._fireCancel(confirm);
    assertThat(tokens.authenticate(value)).as("cancel keeps the token").isPresent();

    _click((Button) GridKt._getCellComponent(grid, row, "status"));
    ConfirmDialogKt._fireConfirm(_get(ConfirmDialog.class));
    assertThat(tokens.authenticate(value)).isEmpty();
    assertThat(GridKt._get(grid, rowOf(grid, "karibu-token")).revokedAt()).isNotNull();
  }

  private static int rowOf(Grid<ApiToken> grid, String name) {
    for (int i = 0; i < GridKt._size(grid); i++) {
      if (GridKt._get(grid, i).name().equals(name)) {
        return i;
      }
    }
    throw new AssertionError("no token " + name);
  }
}

package dev.tandem.security.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.H1;
import dev.tandem.base.ui.MainLayout;
import dev.tandem.ui.KaribuSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.ActiveProfiles;

/**
 * A forbidden address ends on a page inside the app (menu, heading, whom to ask); the browser test
 * {@code dev.tandem.ui.ErrorPagesBrowserIT} covers unknown addresses too.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("demo")
class ErrorPagesIT {

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
  void a_screen_the_role_may_not_open_says_so_and_whom_to_ask_inside_the_app() {
    KaribuSupport.signIn("leader", "LEADER");
    UI.getCurrent().navigate("data");

    AccessDeniedView page = _get(AccessDeniedView.class);
    assertThat(_get(page, H1.class).getText()).isEqualTo("You do not have access to this page");
    assertThat(page.getElement().getTextRecursively())
        .contains("Your role may not open /data.")
        .contains("ask a Tandem administrator");
    assertThat(page.getParent()).containsInstanceOf(MainLayout.class);
  }
}

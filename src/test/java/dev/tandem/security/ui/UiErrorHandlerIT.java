package dev.tandem.security.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.NotificationsKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.router.RouteConfiguration;
import com.vaadin.flow.server.ErrorEvent;
import com.vaadin.flow.server.VaadinService;
import com.vaadin.flow.server.VaadinSession;
import dev.tandem.ui.KaribuSupport;
import jakarta.annotation.security.PermitAll;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;

@SpringBootTest
class UiErrorHandlerIT {

  private static final String SQL = "SELECT password_hash FROM app_user";

  /** Registered by hand below, so no route scan picks it up. */
  @PermitAll
  public static class FailingView extends Div {
    public FailingView() {
      throw new IllegalStateException("failed: " + SQL);
    }
  }

  @Autowired ApplicationContext context;

  @BeforeEach
  void setUp() {
    KaribuSupport.setUp(context);
    KaribuSupport.signIn("admin", "ADMIN");
  }

  @AfterEach
  void tearDown() {
    KaribuSupport.tearDown();
  }

  @Test
  void every_session_reports_failures_through_the_tandem_error_handler() {
    assertThat(VaadinSession.getCurrent().getErrorHandler()).isInstanceOf(UiErrorHandler.class);
  }

  @Test
  void a_failure_shows_a_generic_message_with_an_id_and_never_the_exception_text() {
    NotificationsKt.clearNotifications();
    VaadinSession.getCurrent()
        .getErrorHandler()
        .error(new ErrorEvent(new IllegalStateException("Syntax error in " + SQL)));
    List<Notification> shown = NotificationsKt.getNotifications();
    assertThat(shown).hasSize(1);
    String text = shown.get(0).getElement().getProperty("text", "");
    assertThat(text).matches("Something went wrong on our side \\(error [0-9a-f]{8}\\)\\..*");
    assertThat(text).doesNotContain("SELECT", "Syntax", "IllegalState");
  }

  @Test
  void a_screen_that_fails_to_open_gets_the_tandem_error_page() {
    RouteConfiguration.forSessionScope().setRoute("failing-view", FailingView.class);
    UI.getCurrent().navigate("failing-view");
    assertThat(UI.getCurrent().getInternals().getActiveRouterTargetsChain())
        .hasExactlyElementsOfTypes(ServerErrorView.class);
  }

  @Test
  void idle_sessions_expire_although_an_open_tab_sends_heartbeats() {
    assertThat(VaadinService.getCurrent().getDeploymentConfiguration().isCloseIdleSessions())
        .isTrue();
  }
}

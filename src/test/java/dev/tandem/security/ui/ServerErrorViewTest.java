package dev.tandem.security.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.router.ErrorParameter;
import org.junit.jupiter.api.Test;

/** The production error page on its own: no Spring context, no Vaadin session. */
class ServerErrorViewTest {

  private static final String SQL = "SELECT password_hash FROM app_user";

  @Test
  void in_production_the_error_page_shows_an_id_and_not_the_root_cause() {
    ServerErrorView page =
        new ServerErrorView() {
          @Override
          boolean productionMode() {
            return true;
          }
        };
    int status =
        page.setErrorParameter(
            null,
            new ErrorParameter<>(
                Exception.class, new IllegalStateException("wrapped", new RuntimeException(SQL))));
    assertThat(status).isEqualTo(500);
    assertThat(page.getElement().getText())
        .matches("Something went wrong on our side \\(error [0-9a-f]{8}\\)\\..*")
        .doesNotContain("SELECT", "wrapped", "Exception");
    assertThat(page.getElement().getAttribute("id")).isEqualTo("server-error");
  }
}

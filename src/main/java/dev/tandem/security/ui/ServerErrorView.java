package dev.tandem.security.ui;

import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.ErrorParameter;
import com.vaadin.flow.router.InternalServerError;
import com.vaadin.flow.server.VaadinService;
import jakarta.servlet.http.HttpServletResponse;

/**
 * A screen that fails to open. In production Vaadin's own page would show the exception's root
 * cause (possibly SQL); here the user sees only an id that is in the log. Development mode keeps
 * Vaadin's detailed page.
 */
public class ServerErrorView extends InternalServerError {

  @Override
  public int setErrorParameter(BeforeEnterEvent event, ErrorParameter<Exception> parameter) {
    if (!productionMode()) {
      return super.setErrorParameter(event, parameter);
    }
    String id = UiErrorHandler.logged(parameter.getCaughtException());
    getElement().setText(UiErrorHandler.message(id));
    getElement().setAttribute("id", "server-error");
    return HttpServletResponse.SC_INTERNAL_SERVER_ERROR;
  }

  boolean productionMode() {
    VaadinService service = VaadinService.getCurrent();
    return service != null && service.getDeploymentConfiguration().isProductionMode();
  }
}

package dev.tandem.security.ui;

import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.AccessDeniedException;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.ErrorParameter;
import com.vaadin.flow.router.HasErrorParameter;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.ParentLayout;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import dev.tandem.base.ui.MainLayout;
import jakarta.servlet.http.HttpServletResponse;

/**
 * A screen the signed-in user's role may not open (e.g. Data for a leader): a 403 inside the app
 * saying so and whom to ask, instead of Vaadin's "Could not navigate".
 */
@ParentLayout(MainLayout.class)
@PageTitle("No access · Tandem")
@AnonymousAllowed
public class AccessDeniedView extends VerticalLayout
    implements HasErrorParameter<AccessDeniedException> {

  @Override
  public int setErrorParameter(
      BeforeEnterEvent event, ErrorParameter<AccessDeniedException> parameter) {
    ErrorPage.fill(
        this,
        "access-denied",
        "You do not have access to this page",
        "Your role may not open " + ErrorPage.address(event.getLocation().getPath()) + ".",
        ErrorPage.ASK_AN_ADMIN);
    return HttpServletResponse.SC_FORBIDDEN;
  }
}

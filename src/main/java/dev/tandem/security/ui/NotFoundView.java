package dev.tandem.security.ui;

import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.ErrorParameter;
import com.vaadin.flow.router.HasErrorParameter;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.ParentLayout;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import dev.tandem.base.ui.MainLayout;
import jakarta.servlet.http.HttpServletResponse;

/** An address that is no screen of Tandem: a 404 inside the app, with the menu and a way home. */
@ParentLayout(MainLayout.class)
@PageTitle("Page not found · Tandem")
@AnonymousAllowed
public class NotFoundView extends VerticalLayout implements HasErrorParameter<NotFoundException> {

  @Override
  public int setErrorParameter(
      BeforeEnterEvent event, ErrorParameter<NotFoundException> parameter) {
    ErrorPage.fill(
        this,
        "not-found",
        "Page not found",
        "There is no page at " + ErrorPage.address(event.getLocation().getPath()) + ".",
        "Pick a screen from the menu, or go back to the home screen.");
    return HttpServletResponse.SC_NOT_FOUND;
  }
}

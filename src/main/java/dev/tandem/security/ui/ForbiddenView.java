package dev.tandem.security.ui;

import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.ErrorParameter;
import com.vaadin.flow.router.HasErrorParameter;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.ParentLayout;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import dev.tandem.base.ui.MainLayout;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.access.AccessDeniedException;

/**
 * A screen asked for a scope the role may not see (e.g. {@code /adoption?team=platform} by a
 * manager of Commerce): a 403 inside the app saying so, not the "something went wrong" of an
 * unexpected failure. Error views pass Vaadin's access check too; this one shows no data.
 */
@ParentLayout(MainLayout.class)
@PageTitle("No access · Tandem")
@AnonymousAllowed
public class ForbiddenView extends VerticalLayout
    implements HasErrorParameter<AccessDeniedException> {

  @Override
  public int setErrorParameter(
      BeforeEnterEvent event, ErrorParameter<AccessDeniedException> parameter) {
    ErrorPage.fill(
        this,
        "forbidden",
        "You may not see this",
        "Your role sees the organisation and your own team's scope: pick one of those in the"
            + " Scope list.",
        ErrorPage.ASK_AN_ADMIN);
    return HttpServletResponse.SC_FORBIDDEN;
  }
}

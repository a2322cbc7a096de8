package dev.tandem.security.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.ErrorParameter;
import com.vaadin.flow.router.HasErrorParameter;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.access.AccessDeniedException;

/**
 * A screen asked for a scope the role may not see (e.g. {@code /adoption?team=platform} by a
 * manager of Commerce): a 403 saying so, not the "something went wrong" of an unexpected failure.
 * Error views pass Vaadin's access check too; this one shows no data.
 */
@AnonymousAllowed
public class ForbiddenView extends Div implements HasErrorParameter<AccessDeniedException> {

  @Override
  public int setErrorParameter(
      BeforeEnterEvent event, ErrorParameter<AccessDeniedException> parameter) {
    setId("forbidden");
    setText(
        "You may not see this: your role sees the organisation and your own team's scope."
            + " Pick a team from the list.");
    return HttpServletResponse.SC_FORBIDDEN;
  }
}

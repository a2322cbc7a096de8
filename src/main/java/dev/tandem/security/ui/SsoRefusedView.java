package dev.tandem.security.ui;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.VaadinSession;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import dev.tandem.security.SsoProperties;

/**
 * Where a single sign-on that gives no access ends: the provider knows the person, but none of
 * their groups maps to a role in Tandem (or their account is disabled). Says why and whom to ask.
 */
@Route(value = "sso-refused", autoLayout = false)
@PageTitle("No access · Tandem")
@AnonymousAllowed
public class SsoRefusedView extends VerticalLayout implements BeforeEnterObserver {

  /** The session attribute the sign-in's failure handler fills with the reason. */
  public static final String REFUSAL = "dev.tandem.sso.refusal";

  private final Paragraph reason = new Paragraph();
  private final String fallback;

  SsoRefusedView(SsoProperties sso) {
    setId("sso-refused");
    setSizeFull();
    setAlignItems(Alignment.CENTER);
    setJustifyContentMode(JustifyContentMode.CENTER);
    fallback =
        "Your sign-in with "
            + sso.name()
            + " gives no access to Tandem. Ask "
            + sso.contact()
            + ".";
    reason.setId("sso-refused-reason");
    reason.addClassName("tandem-readable");
    Anchor back = new Anchor("login", "Back to sign-in");
    back.setId("sso-refused-back");
    add(new H1("No access to Tandem"), reason, back);
  }

  @Override
  public void beforeEnter(BeforeEnterEvent event) {
    Object refusal = VaadinSession.getCurrent().getSession().getAttribute(REFUSAL);
    reason.setText(refusal instanceof String text ? text : fallback);
  }
}

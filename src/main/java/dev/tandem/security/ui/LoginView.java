package dev.tandem.security.ui;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.login.LoginForm;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import com.vaadin.flow.theme.lumo.LumoUtility;
import dev.tandem.security.SsoProperties;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;

/**
 * Sign-in: the login form for local accounts (unless switched off) and, when single sign-on is
 * configured, "Sign in with …". The demo users and their passwords are listed only in the demo
 * profile.
 */
@Route(value = "login", autoLayout = false)
@PageTitle("Sign in · Tandem")
@AnonymousAllowed
public class LoginView extends VerticalLayout implements BeforeEnterObserver {

  private final LoginForm form = new LoginForm();

  private final Paragraph ssoError = new Paragraph();

  LoginView(Environment environment, SsoProperties sso) {
    setSizeFull();
    setAlignItems(Alignment.CENTER);
    setJustifyContentMode(JustifyContentMode.CENTER);
    form.setAction("login");
    form.setForgotPasswordButtonVisible(false);
    // One h1 per page ("Tandem"); the form's own title ("Log in") is a section under it.
    form.getElement().setProperty("headingLevel", 2);
    // The page's one main landmark (it has no app layout).
    getElement().setAttribute("role", "main");
    H1 title = new H1("Tandem");
    Paragraph tagline =
        new Paragraph("AI coding-tool adoption and error rate, per tool, with honest uncertainty.");
    tagline.addClassName("tandem-explainer");
    add(title, tagline);
    if (sso.enabled()) {
      add(ssoLink(sso));
      ssoError.setId("sso-error");
      ssoError.setText(
          "Sign-in with " + sso.name() + " did not work. Try again, or ask " + sso.contact() + ".");
      ssoError.addClassName(LumoUtility.TextColor.ERROR);
      ssoError.setVisible(false);
      add(ssoError);
    }
    if (sso.localSignIn()) {
      add(form);
    }
    if (sso.localSignIn() && environment.acceptsProfiles(Profiles.of("demo"))) {
      Div demo = new Div();
      demo.addClassName("tandem-demo-credentials");
      demo.setId("demo-credentials");
      demo.add(
          new Paragraph(
              "Demo users (user / password): admin / admin, leader / leader, manager / manager (team Commerce), "
                  + "member / member (team Payments)."));
      add(demo);
    }
  }

  /** A plain link: the sign-in starts outside the Vaadin router, at Spring Security's endpoint. */
  private static Anchor ssoLink(SsoProperties sso) {
    Anchor link =
        new Anchor(
            "oauth2/authorization/" + SsoProperties.REGISTRATION_ID, "Sign in with " + sso.name());
    link.setRouterIgnore(true);
    link.setId("sso-sign-in");
    link.addClassName("tandem-sso-button");
    return link;
  }

  @Override
  public void beforeEnter(BeforeEnterEvent event) {
    var parameters = event.getLocation().getQueryParameters().getParameters();
    form.setError(parameters.containsKey("error"));
    ssoError.setVisible(parameters.containsKey("sso-error"));
  }
}

package dev.tandem.security.ui;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;

/**
 * The body of an error page shown inside the main layout (menu, title bar): a heading, plain
 * sentences and a link home, so no address ends in a dead end.
 */
final class ErrorPage {

  /** Whom to ask for more access. */
  static final String ASK_AN_ADMIN =
      "If you need it, ask a Tandem administrator: they can change your role or team under"
          + " Admin → Users and tokens.";

  private ErrorPage() {}

  static void fill(VerticalLayout page, String id, String heading, String... sentences) {
    page.removeAll();
    page.addClassName("tandem-page");
    page.setPadding(false);
    // The id sits on the page's body: the view itself is the layout's main region (its own id).
    Div body = new Div(new H1(heading));
    body.setId(id);
    for (String sentence : sentences) {
      body.add(new Paragraph(sentence));
    }
    page.add(body);
    // The app's root: Adoption, the home screen (the base href makes "./" the app's root).
    Anchor home = new Anchor("./", "Go to Adoption, the home screen");
    home.setId("error-home-link");
    body.add(home);
  }

  /** "/data?x=1" as the user typed it, cut so a long address cannot flood the page. */
  static String address(String path) {
    String shown = "/" + (path == null ? "" : path);
    return shown.length() > 120 ? shown.substring(0, 117) + "…" : shown;
  }
}

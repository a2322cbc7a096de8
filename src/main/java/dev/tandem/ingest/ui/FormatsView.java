package dev.tandem.ingest.ui;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Pre;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.theme.lumo.LumoUtility;
import jakarta.annotation.security.RolesAllowed;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The repository's {@code docs/formats.md} (packaged with the application) as it is: every import
 * format, where its file comes from, the fields read, how people match, active and agent days.
 * Plain text, so no frontend component is needed.
 */
@Route("data/formats")
@PageTitle("Import formats · Tandem")
@RolesAllowed("ADMIN")
public class FormatsView extends VerticalLayout {

  static final String RESOURCE = "/docs/formats.md";

  FormatsView() {
    addClassName("tandem-page");
    Pre text = new Pre(formats());
    text.setId("formats-text");
    text.addClassNames("tandem-wrapped", LumoUtility.FontSize.SMALL, LumoUtility.Padding.MEDIUM);
    add(new H1("Import formats"), new Anchor("data", "Back to Data"), text);
  }

  static String formats() {
    try (InputStream in = FormatsView.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        return "docs/formats.md is not part of this build; read it in the repository.";
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

package dev.tandem.ui;

import com.github.mvysny.fakeservlet.FakeRequest;
import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.github.mvysny.kaributesting.v10.Routes;
import com.github.mvysny.kaributesting.v10.spring.MockSpringServlet;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.server.VaadinServletRequest;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletRequestWrapper;
import java.util.List;
import org.springframework.context.ApplicationContext;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Karibu-Testing with the real Spring context, and a signed-in user as Spring Security's filter
 * would set one up.
 */
public final class KaribuSupport {

  private static final Routes ROUTES = new Routes().autoDiscoverViews("dev.tandem");

  private KaribuSupport() {}

  public static void setUp(ApplicationContext context) {
    MockVaadin.setup(UI::new, new MockSpringServlet(ROUTES, context, UI::new));
  }

  public static void signIn(String username, String role) {
    var auth =
        new UsernamePasswordAuthenticationToken(
            username, null, List.of(new SimpleGrantedAuthority("ROLE_" + role)));
    SecurityContextHolder.getContext().setAuthentication(auth);
    ServletRequest request = VaadinServletRequest.getCurrent().getHttpServletRequest();
    while (!(request instanceof FakeRequest) && request instanceof ServletRequestWrapper wrapper) {
      request = wrapper.getRequest();
    }
    FakeRequest fake = (FakeRequest) request;
    fake.setUserPrincipalInt(auth);
    fake.setUserInRole((principal, r) -> r.equals(role));
  }

  public static void tearDown() {
    MockVaadin.tearDown();
    SecurityContextHolder.clearContext();
  }
}

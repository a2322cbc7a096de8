package dev.tandem.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tandem.ApiServerTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.apache.catalina.Context;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.web.embedded.tomcat.TomcatWebServer;
import org.springframework.boot.web.servlet.context.ServletWebServerApplicationContext;

/** Headers and session settings as a browser meets them (same context as ApiSecurityIT). */
@ApiServerTest
class UiHardeningIT {

  @LocalServerPort int port;
  @Autowired ServletWebServerApplicationContext server;
  private final HttpClient http = HttpClient.newHttpClient();

  @Test
  void the_login_page_and_the_redirect_to_it_carry_the_security_headers() throws Exception {
    for (String path : new String[] {"/login", "/admin/users"}) {
      HttpResponse<String> response = get(path);
      assertThat(response.headers().firstValue("X-Content-Type-Options"))
          .as(path)
          .hasValue("nosniff");
      assertThat(response.headers().firstValue("X-Frame-Options")).as(path).hasValue("DENY");
      assertThat(response.headers().firstValue("Referrer-Policy"))
          .as(path)
          .hasValue("strict-origin-when-cross-origin");
      assertThat(response.headers().firstValue("Content-Security-Policy"))
          .as(path)
          .hasValue(SecurityConfig.CONTENT_SECURITY_POLICY);
    }
    assertThat(SecurityConfig.CONTENT_SECURITY_POLICY)
        .contains("frame-ancestors 'none'", "object-src 'none'", "default-src 'self'")
        .doesNotContain("*");
  }

  @Test
  void an_anonymous_visitor_of_an_admin_screen_is_sent_to_the_login_page() throws Exception {
    HttpResponse<String> response = get("/admin/users");
    assertThat(response.statusCode()).isEqualTo(302);
    assertThat(response.headers().firstValue("Location"))
        .hasValueSatisfying(l -> assertThat(l).endsWith("/login"));
  }

  @Test
  void sessions_expire_after_30_idle_minutes() {
    Context context =
        (Context) ((TomcatWebServer) server.getWebServer()).getTomcat().getHost().findChildren()[0];
    assertThat(context.getSessionTimeout()).isEqualTo(30);
  }

  private HttpResponse<String> get(String path) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).GET().build(),
        HttpResponse.BodyHandlers.ofString());
  }
}

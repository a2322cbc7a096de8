package dev.tandem.security;

import static dev.tandem.security.SessionCookieIT.loginPage;
import static dev.tandem.security.SessionCookieIT.sessionCookie;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Behind a TLS-terminating proxy ({@code server.forward-headers-strategy=native}, the proxy at a
 * trusted internal address such as 127.0.0.1): a request that arrived over HTTPS gets a Secure,
 * SameSite=Lax session cookie and HSTS; a plain HTTP one gets neither Secure nor HSTS.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = "server.forward-headers-strategy=native")
class SessionCookieBehindProxyIT {

  @LocalServerPort int port;

  @Test
  void a_request_that_arrived_over_https_gets_a_secure_cookie_and_hsts() throws Exception {
    HttpResponse<String> response = loginPage(port, "https");
    assertThat(sessionCookie(response))
        .contains("Secure", "HttpOnly")
        .containsIgnoringCase("SameSite=Lax");
    assertThat(response.headers().firstValue("Strict-Transport-Security"))
        .hasValueSatisfying(h -> assertThat(h).contains("max-age=31536000"));
  }

  @Test
  void a_request_that_arrived_over_plain_http_gets_neither() throws Exception {
    HttpResponse<String> response = loginPage(port, "http");
    assertThat(sessionCookie(response)).doesNotContainIgnoringCase("secure");
    assertThat(response.headers().firstValue("Strict-Transport-Security")).isEmpty();
  }
}

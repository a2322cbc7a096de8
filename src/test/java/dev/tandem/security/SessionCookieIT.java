package dev.tandem.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tandem.ApiServerTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The session cookie and HSTS without {@code server.forward-headers-strategy} (the default): the
 * cookie is {@code SameSite=Lax} and {@code HttpOnly}, and a client's {@code X-Forwarded-Proto:
 * https} is not believed (no proxy is configured), so the cookie is not marked Secure and no HSTS
 * is sent over plain HTTP. The other way round: {@link SessionCookieBehindProxyIT}.
 */
@ApiServerTest
class SessionCookieIT {

  @LocalServerPort int port;

  @Test
  void over_plain_http_the_session_cookie_is_same_site_lax_and_http_only_and_not_secure()
      throws Exception {
    HttpResponse<String> response = loginPage(port, null);
    String cookie = sessionCookie(response);
    assertThat(cookie).contains("HttpOnly").containsIgnoringCase("SameSite=Lax");
    assertThat(cookie).doesNotContainIgnoringCase("Secure;").doesNotEndWith("Secure");
    assertThat(response.headers().firstValue("Strict-Transport-Security")).isEmpty();
  }

  @Test
  void a_forwarded_proto_of_https_is_not_believed_without_a_forward_headers_strategy()
      throws Exception {
    HttpResponse<String> response = loginPage(port, "https");
    assertThat(sessionCookie(response)).doesNotContainIgnoringCase("secure");
    assertThat(response.headers().firstValue("Strict-Transport-Security")).isEmpty();
  }

  static HttpResponse<String> loginPage(int port, String forwardedProto) throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/login")).GET();
    if (forwardedProto != null) {
      request.header("X-Forwarded-Proto", forwardedProto);
    }
    return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  static String sessionCookie(HttpResponse<String> response) {
    return response.headers().allValues("Set-Cookie").stream()
        .filter(c -> c.startsWith("JSESSIONID="))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no session cookie in " + response.headers()));
  }
}

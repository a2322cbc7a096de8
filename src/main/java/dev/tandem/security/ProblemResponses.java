package dev.tandem.security;

import dev.tandem.base.DatabaseBusy;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;

/** RFC 9457 problem responses for requests the API refuses before a controller runs. */
final class ProblemResponses {

  private ProblemResponses() {}

  static AuthenticationEntryPoint unauthorized() {
    return (request, response, e) ->
        write(
            response,
            401,
            "Unauthorized",
            "Send a valid API token as 'Authorization: Bearer <token>'.",
            request.getRequestURI());
  }

  /** A person's own subscription: HTTP basic as the person (a token has none). */
  static AuthenticationEntryPoint unauthorizedPerson() {
    return (request, response, e) ->
        write(
            response,
            401,
            "Unauthorized",
            "Send your user name and password with HTTP basic: an API token has no subscription.",
            request.getRequestURI());
  }

  static AccessDeniedHandler forbidden() {
    return (request, response, e) ->
        write(response, 403, "Forbidden", "Your role may not do this.", request.getRequestURI());
  }

  /** No pooled database connection became free in time: retry shortly. */
  static void busy(HttpServletResponse response, String instance) throws IOException {
    response.setHeader("Retry-After", String.valueOf(DatabaseBusy.RETRY_AFTER_SECONDS));
    write(response, 503, "Service Unavailable", DatabaseBusy.DETAIL, instance);
  }

  private static void write(
      HttpServletResponse response, int status, String title, String detail, String instance)
      throws IOException {
    response.setStatus(status);
    response.setContentType("application/problem+json");
    response.setCharacterEncoding("UTF-8");
    if (status == 401) {
      response.setHeader("WWW-Authenticate", "Bearer");
    }
    response
        .getWriter()
        .write(
            "{\"type\":\"about:blank\",\"title\":\""
                + title
                + "\",\"status\":"
                + status
                + ",\"detail\":\""
                + detail
                + "\",\"instance\":\""
                + instance.replace("\"", "")
                + "\"}");
  }
}

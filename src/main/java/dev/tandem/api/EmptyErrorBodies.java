package dev.tandem.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tandem.base.Excerpt;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * An error under /api or /actuator that a handler answered with a status but no body (actuator does
 * this for an unknown metric or logger name) gets a problem detail, so a client never has to guess
 * what an empty 404 means.
 */
@Component
class EmptyErrorBodies extends OncePerRequestFilter {

  private final ObjectMapper json;

  EmptyErrorBodies(ObjectMapper json) {
    this.json = json;
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    return !ApiPaths.isApi(request);
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    BodyWatch watched = new BodyWatch(response);
    chain.doFilter(request, watched);
    int status = response.getStatus();
    if (status < 400 || watched.bodyStarted || response.isCommitted()) {
      return;
    }
    String path = ApiPaths.path(request);
    ProblemDetail problem =
        ProblemDetail.forStatusAndDetail(
            HttpStatus.valueOf(status),
            status == 404
                ? "There is no resource at "
                    + Excerpt.quote(path)
                    + "; the API's paths are listed in /api/v1/openapi.json."
                : "The request to " + Excerpt.quote(path) + " failed with status " + status + ".");
    problem.setInstance(URI.create(request.getRequestURI()));
    response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
    json.writeValue(response.getOutputStream(), problem);
  }

  /** Notes whether anything asked for the body's stream or writer. */
  private static final class BodyWatch extends HttpServletResponseWrapper {
    private boolean bodyStarted;

    BodyWatch(HttpServletResponse response) {
      super(response);
    }

    @Override
    public ServletOutputStream getOutputStream() throws IOException {
      bodyStarted = true;
      return super.getOutputStream();
    }

    @Override
    public PrintWriter getWriter() throws IOException {
      bodyStarted = true;
      return super.getWriter();
    }
  }
}

package dev.tandem.api;

import jakarta.servlet.http.HttpServletRequest;

/** The paths the API's own error handling answers: everything under /api and /actuator. */
final class ApiPaths {

  private ApiPaths() {}

  /** The request's path inside the application (without the context path). */
  static String path(HttpServletRequest request) {
    return request.getRequestURI().substring(request.getContextPath().length());
  }

  static boolean isApi(HttpServletRequest request) {
    String path = path(request);
    return path.startsWith("/api/") || path.startsWith("/actuator/");
  }
}

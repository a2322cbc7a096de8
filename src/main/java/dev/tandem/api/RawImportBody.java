package dev.tandem.api;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * DESIGN §5: the raw body of {@code POST /api/v1/imports} is the file, whatever its content type.
 * {@code curl --data-binary @file} sends {@code application/x-www-form-urlencoded}, and the servlet
 * container reads such a body as form parameters the first time anyone asks for a parameter, after
 * which the file is gone. For that endpoint the parameters are the query string's alone, so the
 * body stays unread until the import streams it. Multipart bodies keep the container's reading
 * (their one part named {@code file} is the file). First in the chain, before anything asks.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class RawImportBody extends OncePerRequestFilter {

  static final String PATH = "/api/v1/imports";

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    String path = ApiPaths.path(request);
    String type = request.getContentType();
    return !("POST".equals(request.getMethod())
        && (PATH.equals(path) || (PATH + "/").equals(path))
        && (type == null || !type.toLowerCase(Locale.ROOT).startsWith("multipart/")));
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    chain.doFilter(new QueryParametersOnly(request), response);
  }

  /** A request whose parameters come from its query string only; the body is never parsed. */
  static final class QueryParametersOnly extends HttpServletRequestWrapper {

    private final Map<String, String[]> parameters;

    QueryParametersOnly(HttpServletRequest request) {
      super(request);
      this.parameters = Collections.unmodifiableMap(parse(request.getQueryString()));
    }

    @Override
    public String getParameter(String name) {
      String[] values = parameters.get(name);
      return values == null ? null : values[0];
    }

    @Override
    public Map<String, String[]> getParameterMap() {
      return parameters;
    }

    @Override
    public Enumeration<String> getParameterNames() {
      return Collections.enumeration(parameters.keySet());
    }

    @Override
    public String[] getParameterValues(String name) {
      String[] values = parameters.get(name);
      return values == null ? null : values.clone();
    }

    /**
     * {@code a=1&b=x+y&a=2} as the container reads a query string: UTF-8, {@code +} a space, a pair
     * whose escapes are malformed left out.
     */
    static Map<String, String[]> parse(String query) {
      Map<String, List<String>> values = new LinkedHashMap<>();
      if (query != null) {
        for (String pair : query.split("&")) {
          if (pair.isEmpty()) {
            continue;
          }
          int eq = pair.indexOf('=');
          try {
            String name = decode(eq < 0 ? pair : pair.substring(0, eq));
            String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
            values.computeIfAbsent(name, n -> new ArrayList<>()).add(value);
          } catch (IllegalArgumentException malformed) {
            // Tomcat skips such a pair too; a required parameter it held is then reported missing.
          }
        }
      }
      Map<String, String[]> result = new LinkedHashMap<>();
      values.forEach((name, list) -> result.put(name, list.toArray(String[]::new)));
      return result;
    }

    private static String decode(String text) {
      return URLDecoder.decode(text, StandardCharsets.UTF_8);
    }
  }
}

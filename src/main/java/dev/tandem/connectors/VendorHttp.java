package dev.tandem.connectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One connector's HTTP access: requests go only to its base URL (or hosts it names for signed
 * download links), with connect and read timeouts, and retries with doubling back-off on 429, 5xx
 * and I/O errors, honouring Retry-After. Headers (which hold the secrets) are never logged.
 */
final class VendorHttp {

  private static final Logger LOG = LoggerFactory.getLogger(VendorHttp.class);
  private static final ObjectMapper JSON = new ObjectMapper();

  /** An answer: status, body and the response headers. */
  record Answer(int status, byte[] body) {
    String text() {
      return new String(body, StandardCharsets.UTF_8);
    }
  }

  /** Waits between attempts; tests may replace it. */
  interface Sleeper {
    void sleep(Duration d) throws InterruptedException;
  }

  private final HttpClient client;
  private final URI base;
  private final Set<String> downloadHosts;
  private final HttpSettings settings;
  private final Map<String, String> headers;
  private final Sleeper sleeper;

  VendorHttp(
      HttpClient client,
      URI base,
      Set<String> downloadHosts,
      HttpSettings settings,
      Map<String, String> headers,
      Sleeper sleeper) {
    this.client = client;
    this.base = base;
    this.downloadHosts = downloadHosts;
    this.settings = settings;
    this.headers = headers;
    this.sleeper = sleeper;
  }

  static HttpClient client(HttpSettings settings) {
    return HttpClient.newBuilder()
        .connectTimeout(settings.connectTimeout())
        .followRedirects(HttpClient.Redirect.NEVER)
        .build();
  }

  /** The base URL with a path and query relative to it. */
  URI resolve(String pathAndQuery) {
    String b = base.toString();
    return URI.create(
        (b.endsWith("/") ? b.substring(0, b.length() - 1) : b)
            + (pathAndQuery.startsWith("/") ? pathAndQuery : "/" + pathAndQuery));
  }

  Answer get(String pathAndQuery) {
    return send(resolve(pathAndQuery), "GET", null, true);
  }

  Answer postJson(String path, String json) {
    return send(resolve(path), "POST", json, true);
  }

  /** A signed download link: only over https to a listed host, and without our credentials. */
  Answer download(URI link) {
    boolean listed =
        link.getHost() != null
            && (downloadHosts.contains(link.getHost().toLowerCase(Locale.ROOT))
                || sameOrigin(link));
    if (!listed) {
      throw new VendorException(
          0,
          "the download link goes to "
              + link.getHost()
              + ", which is not an allowed download host of this connector");
    }
    // A signed link carries its own authorisation: the connector's credentials are not sent.
    return send(link, "GET", null, false);
  }

  private boolean sameOrigin(URI uri) {
    return base.getScheme().equalsIgnoreCase(uri.getScheme())
        && base.getHost().equalsIgnoreCase(uri.getHost())
        && base.getPort() == uri.getPort();
  }

  private void checkAllowed(URI uri) {
    if (!"https".equalsIgnoreCase(uri.getScheme())
        && !(settings.allowHttp() && "http".equalsIgnoreCase(uri.getScheme()))) {
      throw new VendorException(0, "only https URLs are allowed, not " + uri.getScheme());
    }
    boolean underBase = sameOrigin(uri) && uri.getPath().startsWith(base.getPath());
    boolean download =
        uri.getHost() != null && downloadHosts.contains(uri.getHost().toLowerCase(Locale.ROOT));
    if (!underBase && !download) {
      throw new VendorException(
          0, "refused a request outside the connector's base URL " + base + ": " + uri.getHost());
    }
  }

  private Answer send(URI uri, String method, String json, boolean withCredentials) {
    checkAllowed(uri);
    int attempt = 0;
    while (true) {
      attempt++;
      HttpRequest.Builder b = HttpRequest.newBuilder(uri).timeout(settings.readTimeout());
      if (withCredentials) {
        headers.forEach(b::header);
      }
      b.header("User-Agent", "Tandem-connector/1.0");
      if (json != null) {
        b.header("Content-Type", "application/json")
            .method(method, HttpRequest.BodyPublishers.ofString(json));
      } else {
        b.method(method, HttpRequest.BodyPublishers.noBody());
      }
      Duration wait;
      String problem;
      try {
        HttpResponse<byte[]> r = client.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
        int status = r.statusCode();
        if (status >= 200 && status < 300) {
          return new Answer(status, r.body());
        }
        problem = "HTTP " + status + ": " + vendorMessage(r.body());
        if (status != 429 && status < 500) {
          throw new VendorException(status, problem);
        }
        if (attempt >= settings.maxAttempts()) {
          throw new VendorException(status, problem + " (after " + attempt + " attempts)");
        }
        wait = retryAfter(r.headers().firstValue("Retry-After").orElse(null), attempt);
      } catch (IOException e) {
        problem = "no answer from " + uri.getHost() + ": " + e.getClass().getSimpleName();
        if (attempt >= settings.maxAttempts()) {
          throw new VendorException(0, problem + " (after " + attempt + " attempts)");
        }
        wait = backoff(attempt);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new VendorException(0, "interrupted while calling " + uri.getHost());
      }
      LOG.info(
          "{} {}{}: {}; attempt {} of {}, next in {} ms",
          method,
          uri.getHost(),
          uri.getPath(),
          problem,
          attempt,
          settings.maxAttempts(),
          wait.toMillis());
      try {
        sleeper.sleep(wait);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new VendorException(0, "interrupted while waiting to retry " + uri.getHost());
      }
    }
  }

  private Duration backoff(int attempt) {
    Duration d = settings.backoff().multipliedBy(1L << Math.min(attempt - 1, 10));
    return d.compareTo(settings.maxWait()) > 0 ? settings.maxWait() : d;
  }

  /** Retry-After in seconds or as an HTTP date; without it, the doubling back-off. */
  Duration retryAfter(String header, int attempt) {
    if (header == null || header.isBlank()) {
      return backoff(attempt);
    }
    Duration d;
    try {
      d = Duration.ofSeconds(Long.parseLong(header.trim()));
    } catch (NumberFormatException e) {
      try {
        d =
            Duration.between(
                ZonedDateTime.now(),
                ZonedDateTime.parse(header.trim(), DateTimeFormatter.RFC_1123_DATE_TIME));
      } catch (RuntimeException notADate) {
        return backoff(attempt);
      }
    }
    if (d.isNegative()) {
      return Duration.ZERO;
    }
    return d.compareTo(settings.maxWait()) > 0 ? settings.maxWait() : d;
  }

  /** The vendor's own message from a JSON error body, else the start of the body. */
  static String vendorMessage(byte[] body) {
    String text = new String(body, StandardCharsets.UTF_8).strip();
    try {
      JsonNode n = JSON.readTree(text);
      for (List<String> path :
          List.of(
              List.of("error", "message"),
              List.of("message"),
              List.of("error"),
              List.of("errors"))) {
        JsonNode v = n;
        for (String p : path) {
          v = v == null ? null : v.get(p);
        }
        if (v != null && v.isTextual()) {
          return clip(v.asText());
        }
        if (v != null && v.isArray() && !v.isEmpty()) {
          return clip(v.get(0).isTextual() ? v.get(0).asText() : v.get(0).toString());
        }
      }
    } catch (IOException | RuntimeException notJson) {
      // not JSON: the body itself
    }
    return text.isEmpty() ? "(no message)" : clip(text);
  }

  private static String clip(String s) {
    return s.length() > 300 ? s.substring(0, 300) + "…" : s;
  }
}

package dev.tandem.api;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/** Raw HTTP calls to the running app, with exactly the headers a test gives (null = none). */
final class ApiCalls {

  private final HttpClient http = HttpClient.newHttpClient();
  private final int port;

  ApiCalls(int port) {
    this.port = port;
  }

  HttpResponse<String> send(
      String method, String path, String token, String contentType, String accept, String body)
      throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body));
    if (token != null) {
      // A token, or "Basic …" credentials as they are.
      request.header("Authorization", token.startsWith("Basic ") ? token : "Bearer " + token);
    }
    if (contentType != null) {
      request.header("Content-Type", contentType);
    }
    if (accept != null) {
      request.header("Accept", accept);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }
}

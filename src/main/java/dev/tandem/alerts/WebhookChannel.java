package dev.tandem.alerts;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.stereotype.Component;

/**
 * Webhooks, for alerts and the digest alike ({@code "type"}: "alert" or "digest"): generic JSON
 * signed with HMAC-SHA256 of the body in {@value #SIGNATURE} ({@code sha256=<hex>}), or a
 * Slack-compatible incoming-webhook payload ({@code {"text": …}}). Anything but a 2xx answer is a
 * failed attempt.
 */
@Component
class WebhookChannel {

  static final String SIGNATURE = "X-Tandem-Signature";

  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final ObjectMapper json = new ObjectMapper();
  private final Deliveries deliveries;

  WebhookChannel(Deliveries deliveries) {
    this.deliveries = deliveries;
  }

  boolean send(Webhook hook, Message message, String week) {
    Channel channel = hook.channel();
    if (hook.problem() != null) {
      deliveries.failed(channel.logKey(), channel.url(), message.subject(), hook.problem());
      return false;
    }
    byte[] body = body(channel, message, week);
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(channel.url()))
            .timeout(Duration.ofSeconds(10))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofByteArray(body));
    if ("webhook".equals(channel.kind()) && hook.secret() != null) {
      request.header(SIGNATURE, "sha256=" + hmac(hook.secret(), body));
    }
    HttpRequest r = request.build();
    return deliveries.deliver(
        channel.logKey(),
        channel.url(),
        message.subject(),
        () -> {
          HttpResponse<Void> answer = http.send(r, HttpResponse.BodyHandlers.discarding());
          if (answer.statusCode() / 100 != 2) {
            throw new IllegalStateException("HTTP " + answer.statusCode());
          }
        });
  }

  private byte[] body(Channel channel, Message message, String week) {
    Map<String, Object> payload = new LinkedHashMap<>();
    if ("slack".equals(channel.kind())) {
      payload.put(
          "text",
          "*"
              + message.subject()
              + "*\n"
              + message.text()
              + "\n<"
              + message.link()
              + "|Open in Tandem>");
    } else {
      payload.put("type", message.kind());
      payload.put("week", week);
      payload.put("title", message.subject());
      payload.put("text", message.text());
      payload.put("link", message.link());
    }
    try {
      return json.writeValueAsBytes(payload);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Hex HMAC-SHA256 of the body with the channel's secret. */
  static String hmac(String secret, byte[] body) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      return HexFormat.of().formatHex(mac.doFinal(body));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }
}

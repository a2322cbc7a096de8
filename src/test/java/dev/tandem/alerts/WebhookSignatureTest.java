package dev.tandem.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class WebhookSignatureTest {

  /** The README's openssl example: the same body and secret give the same signature. */
  @Test
  void the_signature_is_the_hex_hmac_sha256_of_the_body_as_the_readme_example_computes_it() {
    byte[] body = "{\"type\":\"alert\",\"week\":\"2026-W12\"}".getBytes(StandardCharsets.UTF_8);

    assertThat(WebhookChannel.hmac("a-secret-of-24-characters", body))
        .isEqualTo("0c33911acd73d307c415a7b31fea03641f07dab9724bc6ed96ba4390a9560813");
    assertThat(WebhookChannel.hmac("another-secret-of-24-chars", body))
        .isNotEqualTo("0c33911acd73d307c415a7b31fea03641f07dab9724bc6ed96ba4390a9560813");
  }
}

package dev.tandem.connectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The HTTP guard rails that need no server: where requests may go and how long to wait. */
class VendorHttpTest {

  static VendorHttp http(String base, boolean allowHttp) {
    HttpSettings s =
        new HttpSettings(
            Duration.ofSeconds(1),
            Duration.ofSeconds(1),
            3,
            Duration.ofMillis(500),
            Duration.ofSeconds(30),
            allowHttp);
    return new VendorHttp(
        VendorHttp.client(s), URI.create(base), Set.of(), s, Map.of("x-api-key", "k"), d -> {});
  }

  @Test
  void retry_after_in_seconds_is_honoured_up_to_the_longest_wait_and_absent_it_doubles() {
    VendorHttp h = http("https://api.example.com", false);
    assertThat(h.retryAfter("1", 1)).isEqualTo(Duration.ofSeconds(1));
    assertThat(h.retryAfter("3600", 1)).isEqualTo(Duration.ofSeconds(30));
    assertThat(h.retryAfter(null, 1)).isEqualTo(Duration.ofMillis(500));
    assertThat(h.retryAfter(null, 3)).isEqualTo(Duration.ofMillis(2000));
    assertThat(h.retryAfter("soon", 2)).isEqualTo(Duration.ofMillis(1000));
  }

  @Test
  void retry_after_as_an_http_date_waits_until_then() {
    VendorHttp h = http("https://api.example.com", false);
    String in10s = DateTimeFormatter.RFC_1123_DATE_TIME.format(ZonedDateTime.now().plusSeconds(10));
    assertThat(h.retryAfter(in10s, 1)).isBetween(Duration.ofSeconds(8), Duration.ofSeconds(10));
  }

  @Test
  void a_link_to_another_host_or_plain_http_is_refused_before_any_request() {
    VendorHttp h = http("https://api.example.com", false);
    assertThatThrownBy(() -> h.download(URI.create("https://evil.example.net/x")))
        .isInstanceOf(VendorException.class)
        .hasMessageContaining("evil.example.net, which is not an allowed download host");
    VendorHttp plain = http("http://api.example.com", false);
    assertThatThrownBy(() -> plain.get("/v1/x"))
        .isInstanceOf(VendorException.class)
        .hasMessage("only https URLs are allowed, not http");
  }

  @Test
  void the_vendors_own_message_is_read_from_the_common_error_bodies() {
    assertThat(
            VendorHttp.vendorMessage("{\"error\":{\"message\":\"invalid x-api-key\"}}".getBytes()))
        .isEqualTo("invalid x-api-key");
    assertThat(VendorHttp.vendorMessage("{\"message\":\"Bad credentials\"}".getBytes()))
        .isEqualTo("Bad credentials");
    assertThat(VendorHttp.vendorMessage("{\"error\":\"Unauthorized\"}".getBytes()))
        .isEqualTo("Unauthorized");
    assertThat(VendorHttp.vendorMessage("upstream error".getBytes())).isEqualTo("upstream error");
  }
}

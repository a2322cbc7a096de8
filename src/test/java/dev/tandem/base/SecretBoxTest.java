package dev.tandem.base;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SecretBoxTest {

  @Test
  void a_sealed_secret_opens_with_the_same_key_and_its_cipher_text_does_not_hold_it() {
    SecretBox box = new SecretBox("a-key-for-the-test");
    SecretBox.Sealed sealed = box.seal("a-secret-of-24-characters");

    assertThat(sealed.cipher()).doesNotContain("a-secret-of-24-characters");
    assertThat(box.seal("a-secret-of-24-characters").cipher()).isNotEqualTo(sealed.cipher());
    assertThat(box.open(sealed)).isEqualTo("a-secret-of-24-characters");
  }

  @Test
  void without_tandem_secret_key_storing_a_secret_is_refused_with_what_to_do() {
    SecretBox box = new SecretBox("");

    assertThat(box.available()).isFalse();
    assertThatThrownBy(() -> box.seal("a-secret-of-24-characters"))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("secret")
        .hasMessageContaining("set the environment variable TANDEM_SECRET_KEY");
  }
}

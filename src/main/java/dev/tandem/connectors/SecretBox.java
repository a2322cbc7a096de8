package dev.tandem.connectors;

import dev.tandem.base.ValidationException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.crypto.encrypt.Encryptors;
import org.springframework.security.crypto.keygen.KeyGenerators;
import org.springframework.stereotype.Component;

/**
 * Encrypts connector secrets at rest (AES-256-GCM, Spring Security Crypto) with a key derived from
 * {@code TANDEM_SECRET_KEY} and a random salt per secret. Without the key nothing can be stored.
 */
@Component
class SecretBox {

  /** A secret as stored: cipher text and its salt, both hex. */
  record Sealed(String cipher, String salt) {}

  private final String password;

  SecretBox(@Value("${TANDEM_SECRET_KEY:${tandem.secret-key:}}") String password) {
    this.password = password == null ? "" : password;
  }

  boolean available() {
    return !password.isBlank();
  }

  Sealed seal(String secret) {
    if (!available()) {
      throw ValidationException.of(
          "secret",
          "cannot store a secret: set the environment variable TANDEM_SECRET_KEY (the key that"
              + " encrypts secrets at rest) or give the secret in the environment instead");
    }
    String salt = KeyGenerators.string().generateKey();
    return new Sealed(Encryptors.delux(password, salt).encrypt(secret), salt);
  }

  String open(Sealed sealed) {
    if (!available()) {
      throw new IllegalStateException(
          "a stored connector secret cannot be read: TANDEM_SECRET_KEY is not set");
    }
    return Encryptors.delux(password, sealed.salt()).decrypt(sealed.cipher());
  }
}

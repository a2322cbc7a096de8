package dev.tandem.base;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.crypto.encrypt.Encryptors;
import org.springframework.security.crypto.keygen.KeyGenerators;
import org.springframework.stereotype.Component;

/**
 * Encrypts secrets at rest (connector secrets, webhook signing secrets) with AES-256-GCM (Spring
 * Security Crypto) under a key derived from {@code TANDEM_SECRET_KEY} and a random salt per secret.
 * Without the key nothing can be stored.
 */
@Component
public class SecretBox {

  /** A secret as stored: cipher text and its salt, both hex. */
  public record Sealed(String cipher, String salt) {}

  private final String password;

  SecretBox(@Value("${TANDEM_SECRET_KEY:${tandem.secret-key:}}") String password) {
    this.password = password == null ? "" : password;
  }

  /** Whether TANDEM_SECRET_KEY is set, so secrets can be stored and read. */
  public boolean available() {
    return !password.isBlank();
  }

  /** Seals a secret; without the key a validation error on field {@code secret} says what to do. */
  public Sealed seal(String secret) {
    if (!available()) {
      throw ValidationException.of(
          "secret",
          "cannot store a secret: set the environment variable TANDEM_SECRET_KEY (the key that"
              + " encrypts secrets at rest) or give the secret in the environment instead");
    }
    String salt = KeyGenerators.string().generateKey();
    return new Sealed(Encryptors.delux(password, salt).encrypt(secret), salt);
  }

  public String open(Sealed sealed) {
    if (!available()) {
      throw new IllegalStateException(
          "a stored secret cannot be read: TANDEM_SECRET_KEY is not set");
    }
    return Encryptors.delux(password, sealed.salt()).decrypt(sealed.cipher());
  }
}

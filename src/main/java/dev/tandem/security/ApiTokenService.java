package dev.tandem.security;

import dev.tandem.base.NotFoundException;
import dev.tandem.base.ValidationException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** API tokens: random, shown once, stored only as their SHA-256. */
@Service
@PreAuthorize("hasRole('ADMIN')")
@Transactional(readOnly = true)
public class ApiTokenService {

  private final ApiTokenRepository tokens;
  private final AuditService audit;
  private final Clock clock;
  private final SecureRandom random = new SecureRandom();

  ApiTokenService(ApiTokenRepository tokens, AuditService audit, Clock clock) {
    this.tokens = tokens;
    this.audit = audit;
    this.clock = clock;
  }

  /** A token that was just created: the only moment its value is known. */
  public record CreatedToken(long id, String token) {}

  // Authentication itself and start-up use it, before anyone is signed in.
  @PreAuthorize("permitAll()")
  public boolean anyTokens() {
    return tokens.count() > 0;
  }

  /** An admin creates a token; its value is returned once and only its hash is stored. */
  @PreAuthorize("hasRole('ADMIN')")
  @Transactional
  public CreatedToken create(String name, Role role, Long teamId) {
    new ValidationException.Collector()
        .check(
            name != null && !name.isBlank() && name.length() <= 100,
            "name",
            "a name of 1–100 characters is required")
        .check(role != null, "role", "expected one of ADMIN, LEADER, MANAGER, MEMBER")
        .check(
            role == null || !role.needsTeamScope() || teamId != null,
            "team",
            "a " + role + " token needs a team")
        .throwIfAny();
    return store(name.trim(), role, teamId, "tdm_" + randomPart());
  }

  /** The token from TANDEM_BOOTSTRAP_TOKEN, created at start-up before anyone is signed in. */
  // Authentication itself and start-up use it, before anyone is signed in.
  @PreAuthorize("permitAll()")
  @Transactional
  CreatedToken bootstrap(String value) {
    return store("bootstrap", Role.ADMIN, null, value);
  }

  @PreAuthorize("hasRole('ADMIN')")
  public List<ApiToken> tokens() {
    return tokens.findAll();
  }

  /** Revokes a token at once: the next request with it gets 401. */
  @PreAuthorize("hasRole('ADMIN')")
  @Transactional
  public void revoke(long id) {
    ApiToken before =
        tokens
            .findById(id)
            .orElseThrow(() -> new NotFoundException("id", "There is no API token " + id + "."));
    tokens.revoke(id, clock.instant().atOffset(ZoneOffset.UTC));
    audit.record("revoke", "api-token", id, before, tokens.findById(id).orElseThrow());
  }

  private CreatedToken store(String name, Role role, Long teamId, String token) {
    long id =
        tokens.insert(
            name,
            sha256(token),
            role,
            teamId,
            CurrentUser.name(),
            clock.instant().atOffset(ZoneOffset.UTC));
    audit.record(
        "create", "api-token", id, null, java.util.Map.of("name", name, "role", role.name()));
    return new CreatedToken(id, token);
  }

  /** The active token with this value, marking it used now. */
  // Authentication itself and start-up use it, before anyone is signed in.
  @PreAuthorize("permitAll()")
  @Transactional
  public Optional<ApiToken> authenticate(String token) {
    Optional<ApiToken> found = tokens.findActiveByHash(sha256(token));
    OffsetDateTime now = clock.instant().atOffset(ZoneOffset.UTC);
    // "Last used" to the minute: a read answered with a token must not become a write each time
    // (twenty readers with one token would queue on its row).
    found
        .filter(t -> t.lastUsedAt() == null || t.lastUsedAt().isBefore(now.minus(TOUCH_EVERY)))
        .ifPresent(t -> tokens.touch(t.id(), now));
    return found;
  }

  /** How stale "last used" may be. */
  static final java.time.Duration TOUCH_EVERY = java.time.Duration.ofMinutes(1);

  private String randomPart() {
    byte[] bytes = new byte[32];
    random.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  static String sha256(String value) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}

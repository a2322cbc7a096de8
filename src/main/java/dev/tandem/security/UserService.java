package dev.tandem.security;

import dev.tandem.base.ValidationException;
import java.time.Clock;
import java.util.Optional;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Users who sign in. Creating users is for admins and for start-up (bootstrap admin, demo users).
 */
@Service
public class UserService {

  private final UserRepository users;
  private final PasswordEncoder encoder;
  private final AuditService audit;
  private final Clock clock;

  UserService(UserRepository users, PasswordEncoder encoder, AuditService audit, Clock clock) {
    this.users = users;
    this.encoder = encoder;
    this.audit = audit;
    this.clock = clock;
  }

  public boolean anyUsers() {
    return users.count() > 0;
  }

  public Optional<UserAccount> current() {
    return users.findByUsername(CurrentUser.name());
  }

  /**
   * Creates a user; used at start-up before anyone is signed in, so the caller checks who may do
   * this.
   */
  @Transactional
  public UserAccount createUser(UserAccount account, String rawPassword) {
    new ValidationException.Collector()
        .check(
            account.username() != null && account.username().matches("[A-Za-z0-9._@-]{2,100}"),
            "username",
            "2–100 letters, digits or . _ @ -")
        .check(
            rawPassword != null && rawPassword.length() >= 5, "password", "at least 5 characters")
        .check(
            !account.role().needsTeamScope() || account.teamId() != null,
            "team",
            "a " + account.role() + " needs a team scope")
        .throwIfAny();
    if (users.findByUsername(account.username()).isPresent()) {
      throw ValidationException.of("username", "already taken");
    }
    long id =
        users.insert(
            account,
            encoder.encode(rawPassword),
            clock.instant().atOffset(java.time.ZoneOffset.UTC));
    UserAccount created = users.findByUsername(account.username()).orElseThrow();
    audit.record("create", "user", id, null, created);
    return created;
  }
}

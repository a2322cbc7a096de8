package dev.tandem.security;

import dev.tandem.base.ValidationException;
import java.time.Clock;
import java.util.Optional;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Users who sign in. Creating users is for admins and for start-up (bootstrap admin, demo users).
 */
@Service
@PreAuthorize("hasRole('ADMIN')")
@Transactional(readOnly = true)
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

  // Authentication itself and start-up use it, before anyone is signed in.
  @PreAuthorize("permitAll()")
  public boolean anyUsers() {
    return users.count() > 0;
  }

  @PreAuthorize("hasRole('ADMIN')")
  public java.util.List<UserAccount> users() {
    return users.findAll();
  }

  /** Changes role, scope, developer link, name or enabled flag; audited. */
  @PreAuthorize("hasRole('ADMIN')")
  @Transactional
  public UserAccount updateUser(UserAccount account) {
    UserAccount before =
        users
            .findById(account.id())
            .orElseThrow(() -> ValidationException.of("id", "no such user"));
    new ValidationException.Collector()
        .check(
            account.displayName() != null && !account.displayName().isBlank(),
            "displayName",
            "a name is required")
        .check(
            account.displayName() == null || account.displayName().length() <= MAX_DISPLAY_NAME,
            "displayName",
            "at most " + MAX_DISPLAY_NAME + " characters")
        .check(
            !account.role().needsTeamScope() || account.teamId() != null,
            "team",
            "a " + account.role() + " needs a team scope")
        .check(
            !(before.username().equals(CurrentUser.name())
                && (!account.enabled() || account.role() != Role.ADMIN)),
            "role",
            "you cannot disable or demote yourself")
        .throwIfAny();
    UserAccount changed =
        new UserAccount(
            before.id(),
            before.username(),
            account.displayName().trim(),
            account.role(),
            account.role() == Role.ADMIN || account.role() == Role.LEADER ? null : account.teamId(),
            account.developerId(),
            account.enabled());
    users.update(changed);
    audit.record("update", "user", before.id(), before, changed);
    return changed;
  }

  /** Sets a new password (the value itself is never audited). */
  @PreAuthorize("hasRole('ADMIN')")
  @Transactional
  public void resetPassword(long userId, String rawPassword) {
    UserAccount user =
        users.findById(userId).orElseThrow(() -> ValidationException.of("id", "no such user"));
    if (users.signsInWithSso(userId)) {
      throw ValidationException.of(
          "password", "this user signs in with single sign-on and has no password");
    }
    if (rawPassword == null || rawPassword.length() < 8) {
      throw ValidationException.of("password", "at least 8 characters");
    }
    checkPasswordLength(rawPassword);
    users.setPasswordHash(userId, encoder.encode(rawPassword));
    audit.record(
        "reset-password", "user", userId, null, java.util.Map.of("username", user.username()));
  }

  /**
   * Who is acting: the signed-in user's role, team scope and developer link, or the API token's
   * role and team. Empty when nobody is signed in.
   */
  // About the caller only (empty when nobody is signed in).
  @PreAuthorize("permitAll()")
  public Optional<Principal> principal() {
    org.springframework.security.core.Authentication auth =
        org.springframework.security.core.context.SecurityContextHolder.getContext()
            .getAuthentication();
    if (auth == null || !auth.isAuthenticated()) {
      return Optional.empty();
    }
    if (auth.getDetails() instanceof ApiToken token) {
      return Optional.of(new Principal(auth.getName(), token.role(), token.teamId(), null));
    }
    Optional<UserAccount> account = users.findByUsername(auth.getName());
    if (account.isPresent()) {
      UserAccount u = account.get();
      return Optional.of(new Principal(u.username(), u.role(), u.teamId(), u.developerId()));
    }
    // Signed in without an account row (tests with mock users): the role from the authorities, no
    // scope.
    return java.util.Arrays.stream(Role.values())
        .filter(CurrentUser::hasRole)
        .findFirst()
        .map(role -> new Principal(auth.getName(), role, null, null));
  }

  // About the caller only (empty when nobody is signed in).
  @PreAuthorize("permitAll()")
  public Optional<UserAccount> current() {
    return users.findByUsername(CurrentUser.name());
  }

  /** app_user.display_name. */
  public static final int MAX_DISPLAY_NAME = 200;

  /** BCrypt reads at most 72 bytes of a password (and refuses longer ones). */
  public static final int MAX_PASSWORD_BYTES = 72;

  private static void checkPasswordLength(String rawPassword) {
    if (rawPassword.getBytes(java.nio.charset.StandardCharsets.UTF_8).length > MAX_PASSWORD_BYTES) {
      throw ValidationException.of(
          "password", "at most " + MAX_PASSWORD_BYTES + " bytes (72 plain letters or digits)");
    }
  }

  /** An admin creates a user. */
  @PreAuthorize("hasRole('ADMIN')")
  @Transactional
  public UserAccount createUserAsAdmin(UserAccount account, String rawPassword) {
    if (rawPassword == null || rawPassword.length() < 8) {
      throw ValidationException.of("password", "at least 8 characters");
    }
    checkPasswordLength(rawPassword);
    return createUser(account, rawPassword);
  }

  /**
   * Creates a user; used at start-up before anyone is signed in, so the caller checks who may do
   * this.
   */
  // The first-run set-up, single sign-on and the demo data create users, before anyone is signed
  // in.
  @PreAuthorize("permitAll()")
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
            account.displayName() == null || account.displayName().length() <= MAX_DISPLAY_NAME,
            "displayName",
            "at most " + MAX_DISPLAY_NAME + " characters")
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

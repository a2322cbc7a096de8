package dev.tandem.security;

import dev.tandem.base.LogSafe;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Accounts of people who sign in with the identity provider: created at the first sign-in, their
 * role, team scope, name and developer link set from the provider's claims at every sign-in, each
 * grant and change audited (actor {@code sso}).
 */
@Service
class SsoAccounts {

  /** The actor of the audit entries written at sign-in. */
  static final String ACTOR = "sso";

  private static final String USERNAME = "[A-Za-z0-9._@+-]{2,100}";
  private static final int MAX_GROUPS_AUDITED = 50;

  /** Who the provider says signed in. */
  record Identity(
      String issuer,
      String subject,
      String email,
      boolean emailVerified,
      String name,
      String preferredUsername,
      List<String> groups) {}

  /** A sign-in that gives no access; the message says why, and whom to ask. */
  static final class Refused extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Refused(String message) {
      super(message);
    }
  }

  private final SsoUserRepository repository;
  private final AuditService audit;
  private final SsoProperties properties;
  private final SsoRoleMapping mapping;
  private final Clock clock;

  SsoAccounts(
      SsoUserRepository repository, AuditService audit, SsoProperties properties, Clock clock) {
    this.repository = repository;
    this.audit = audit;
    this.properties = properties;
    this.mapping = properties.mapping();
    this.clock = clock;
  }

  /**
   * The account to sign in, created or brought up to date; refused without a mapped group (the
   * withdrawal of access and the refusal's audit entry are kept).
   */
  @Transactional(noRollbackFor = Refused.class)
  UserAccount signIn(Identity identity) {
    List<SsoRoleMapping.Grant> grants = mapping.grants(identity.groups());
    Set<String> keys =
        grants.stream()
            .map(SsoRoleMapping.Grant::teamKey)
            .filter(Objects::nonNull)
            .collect(Collectors.toSet());
    Map<String, Long> teamIds = keys.isEmpty() ? Map.of() : repository.teamIds(keys);
    Optional<SsoRoleMapping.Grant> grant =
        SsoRoleMapping.strongest(
            grants.stream()
                .filter(g -> g.teamKey() == null || teamIds.containsKey(g.teamKey()))
                .toList());
    Optional<SsoUserRepository.SsoAccount> existing =
        repository.findByIdentity(identity.issuer(), identity.subject());
    if (grant.isEmpty()) {
      existing.filter(a -> a.account().enabled()).ifPresent(a -> revoke(a.account(), identity));
      throw refuse(
          identity,
          "no-mapped-group",
          "Your account "
              + who(identity)
              + " is in none of the groups that give access to Tandem ("
              + String.join(", ", mapping.groupPatterns())
              + (keys.size() > teamIds.size() ? "; groups naming an unknown team do not count" : "")
              + ").");
    }
    String email = identity.emailVerified() ? normalEmail(identity.email()) : null;
    Long developerId = email == null ? null : repository.developerIdByEmail(email).orElse(null);
    Role role = grant.get().role();
    Long teamId = grant.get().teamKey() == null ? null : teamIds.get(grant.get().teamKey());
    if (existing.isEmpty()) {
      return create(identity, grant.get(), role, teamId, developerId);
    }
    UserAccount before = existing.get().account();
    if (!before.enabled() && !existing.get().revoked()) {
      throw refuse(
          identity, "disabled", "Your Tandem account " + before.username() + " is disabled.");
    }
    UserAccount after =
        new UserAccount(
            before.id(), before.username(), displayName(identity), role, teamId, developerId, true);
    if (!after.equals(before)) {
      repository.update(after, false);
      audit.recordAs(ACTOR, "update", "user", before.id(), before, granted(after, grant.get()));
    }
    return after;
  }

  private UserAccount create(
      Identity identity, SsoRoleMapping.Grant grant, Role role, Long teamId, Long developerId) {
    String username = username(identity);
    if (repository.usernameTaken(username)) {
      throw refuse(
          identity,
          "name-taken",
          "Another Tandem account is already named " + username + ", so yours cannot be created.");
    }
    UserAccount account =
        new UserAccount(null, username, displayName(identity), role, teamId, developerId, true);
    long id =
        repository.insert(
            account,
            identity.issuer(),
            identity.subject(),
            clock.instant().atOffset(ZoneOffset.UTC));
    UserAccount created =
        new UserAccount(id, username, account.displayName(), role, teamId, developerId, true);
    audit.recordAs(ACTOR, "create", "user", id, null, granted(created, grant));
    return created;
  }

  private void revoke(UserAccount before, Identity identity) {
    UserAccount after =
        new UserAccount(
            before.id(),
            before.username(),
            before.displayName(),
            before.role(),
            before.teamId(),
            before.developerId(),
            false);
    repository.update(after, true);
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("account", after);
    details.put("groups", audited(identity.groups()));
    audit.recordAs(ACTOR, "revoke", "user", before.id(), before, details);
  }

  private Refused refuse(Identity identity, String reason, String message) {
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("reason", reason);
    details.put("subject", identity.subject());
    details.put("groups", audited(identity.groups()));
    audit.recordSignIn(who(identity), "sign-in-refused", null, details);
    return new Refused(message + " Ask " + properties.contact() + ".");
  }

  private static Map<String, Object> granted(UserAccount account, SsoRoleMapping.Grant grant) {
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("account", account);
    details.put("group", grant.group());
    return details;
  }

  private static List<String> audited(List<String> groups) {
    return groups.stream().limit(MAX_GROUPS_AUDITED).map(g -> LogSafe.clip(g, 200)).toList();
  }

  private static String who(Identity identity) {
    return identity.email() != null
        ? identity.email()
        : identity.preferredUsername() != null ? identity.preferredUsername() : identity.subject();
  }

  /** The email if the person has one, else the provider's user name, else the subject. */
  private static String username(Identity identity) {
    for (String candidate :
        new String[] {
          normalEmail(identity.email()), identity.preferredUsername(), identity.subject()
        }) {
      if (candidate != null && candidate.matches(USERNAME)) {
        return candidate;
      }
    }
    return "sso-" + Integer.toHexString(identity.subject().hashCode());
  }

  private static String displayName(Identity identity) {
    String name = identity.name();
    if (name == null || name.isBlank()) {
      name = who(identity);
    }
    name = name.trim();
    return name.length() <= UserService.MAX_DISPLAY_NAME
        ? name
        : name.substring(0, UserService.MAX_DISPLAY_NAME);
  }

  private static String normalEmail(String email) {
    return email == null || email.isBlank()
        ? null
        : email.trim().toLowerCase(java.util.Locale.ROOT);
  }
}

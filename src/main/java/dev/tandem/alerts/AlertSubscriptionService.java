package dev.tandem.alerts;

import dev.tandem.access.AccessPolicy;
import dev.tandem.base.Emails;
import dev.tandem.base.Scope;
import dev.tandem.base.ValidationException;
import dev.tandem.roster.RosterService;
import dev.tandem.roster.Team;
import dev.tandem.security.AuditService;
import dev.tandem.security.Role;
import dev.tandem.security.UserAccount;
import dev.tandem.security.UserService;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What each person receives: alerts and/or the weekly digest, by email, for a scope whose figures
 * they may see, without the rules they muted. Anyone signed in sets their own; admins anyone's.
 */
@Service
@PreAuthorize("isAuthenticated()")
@Transactional(readOnly = true)
public class AlertSubscriptionService {

  private final AlertsRepository repository;
  private final Audience audience;
  private final UserService users;
  private final RosterService roster;
  private final AuditService audit;
  private final AccessPolicy access;

  AlertSubscriptionService(
      AlertsRepository repository,
      Audience audience,
      UserService users,
      RosterService roster,
      AuditService audit,
      AccessPolicy access) {
    this.repository = repository;
    this.audience = audience;
    this.users = users;
    this.roster = roster;
    this.audit = audit;
    this.access = access;
  }

  /** Sets what a user receives (admins for anyone). */
  @PreAuthorize("hasRole('ADMIN')")
  @Transactional
  public void subscribe(Subscription s) {
    if (s.email() != null && !Emails.check(s.email()).ok()) {
      throw ValidationException.of("email", Emails.check(s.email()).problem());
    }
    if (s.teamKey() != null && roster.team(s.teamKey()).map(Team::key).isEmpty()) {
      throw ValidationException.of("team", "no such team");
    }
    repository.saveSubscription(s);
    audit.record("update", "alert-subscription", s.userId(), null, s);
  }

  /**
   * What the signed-in user receives: their choice, else their role's default (empty: no account).
   */
  public Optional<Subscription> mySubscription() {
    return users
        .current()
        .map(
            u -> {
              Subscription s =
                  repository
                      .subscriptions()
                      .getOrDefault(u.id(), Audience.defaultFor(u, audience.teamKeys()));
              return s.email() != null ? s : withEmail(s, Audience.defaultAddress(u.username()));
            });
  }

  /** The scopes the signed-in user may subscribe to besides the organisation. */
  public List<Team> subscribableTeams() {
    return access.teamsWithAggregates();
  }

  /** Saves what the signed-in user receives, for a scope whose figures they may see; audited. */
  @Transactional
  public Subscription subscribeMe(String email, Scope scope, boolean alerts, boolean digest) {
    return subscribeMe(email, scope, alerts, digest, Set.of());
  }

  /**
   * Saves what the signed-in user receives, with the rules whose alerts they do not want ({@code
   * muted}); the import rules reach admins only, so muting them matters only to admins.
   */
  @Transactional
  public Subscription subscribeMe(
      String email, Scope scope, boolean alerts, boolean digest, Set<AlertRule> muted) {
    UserAccount me =
        users.current().orElseThrow(() -> ValidationException.of("user", "no user account"));
    // Stored as data: the team's key, null for the organisation.
    String key = scope.keyOrNull();
    Emails.Checked checked =
        email == null || email.isBlank()
            ? new Emails.Checked(null, "an email address is required")
            : Emails.check(email);
    new ValidationException.Collector()
        .check(checked.ok(), "email", checked.problem())
        .check(
            key == null || (roster.team(key).isPresent() && access.mayViewAggregates(scope)),
            "team",
            "you may subscribe to the organisation and to your own team's scope only")
        .throwIfAny();
    Subscription s = new Subscription(me.id(), checked.email(), key, alerts, digest, muted);
    repository.saveSubscription(s);
    audit.record("update", "alert-subscription", me.id(), null, s);
    return s;
  }

  private static Subscription withEmail(Subscription s, String email) {
    return new Subscription(s.userId(), email, s.teamKey(), s.alerts(), s.digest(), s.muted());
  }

  /** The rules a person may receive alerts of: the import rules only if they are an admin. */
  public List<AlertRule> rulesICanReceive() {
    boolean admin = users.current().map(u -> u.role() == Role.ADMIN).orElse(false);
    return java.util.Arrays.stream(AlertRule.values())
        .filter(r -> admin || !r.adminsOnly())
        .toList();
  }
}

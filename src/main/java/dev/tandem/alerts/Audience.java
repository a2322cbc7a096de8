package dev.tandem.alerts;

import dev.tandem.base.Emails;
import dev.tandem.base.SecretBox;
import dev.tandem.roster.RosterService;
import dev.tandem.security.Role;
import dev.tandem.security.UserAccount;
import dev.tandem.security.UserService;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Who receives alerts and the digest: the enabled users with their choice (else their role's
 * default) and the webhook channels with their signing secrets opened.
 */
@org.springframework.stereotype.Component
class Audience {

  private final AlertsRepository repository;
  private final UserService users;
  private final RosterService roster;
  private final SecretBox secrets;

  Audience(
      AlertsRepository repository, UserService users, RosterService roster, SecretBox secrets) {
    this.repository = repository;
    this.users = users;
    this.roster = roster;
    this.secrets = secrets;
  }

  /** Enabled users with where and what they receive: their choice, else their role's default. */
  List<Recipient> recipients() {
    Map<Long, Subscription> chosen = repository.subscriptions();
    Map<Long, String> teamKeys = teamKeys();
    List<Recipient> out = new ArrayList<>();
    for (UserAccount u : users.users()) {
      if (!u.enabled()) {
        continue;
      }
      Subscription s = chosen.getOrDefault(u.id(), defaultFor(u, teamKeys));
      String address = s.email() != null ? s.email() : defaultAddress(u.username());
      if (address != null) {
        out.add(
            new Recipient(
                u.username(),
                u.role(),
                address,
                s.teamKey(),
                s.alerts(),
                s.digest(),
                u.role() == Role.ADMIN,
                s.muted()));
      }
    }
    return out;
  }

  /** Managers get their team, leaders and admins the organisation; members only if they choose. */
  static Subscription defaultFor(UserAccount u, Map<Long, String> teamKeys) {
    return switch (u.role()) {
      case ADMIN, LEADER -> new Subscription(u.id(), null, null, true, true);
      case MANAGER -> new Subscription(u.id(), null, teamKeys.get(u.teamId()), true, true);
      case MEMBER -> new Subscription(u.id(), null, teamKeys.get(u.teamId()), false, false);
    };
  }

  static String defaultAddress(String username) {
    return Emails.check(username).ok() ? Emails.normalise(username) : null;
  }

  /** A webhook channel reads like a leader of the organisation: aggregates, small groups hidden. */
  static Recipient asChannel(Channel c) {
    return new Recipient(
        c.logKey(), Role.LEADER, c.url(), null, c.alerts(), c.digest(), true, Set.of());
  }

  /** The channels with their secrets opened (a plain one stored before V37 read as it is). */
  List<Webhook> webhooks() {
    return repository.channels().stream().map(this::opened).toList();
  }

  private Webhook opened(AlertsRepository.StoredChannel s) {
    if (s.sealed() == null) {
      return new Webhook(s.channel(), s.plainSecret(), null);
    }
    try {
      return new Webhook(s.channel(), secrets.open(s.sealed()), null);
    } catch (RuntimeException e) {
      // Key unset or changed: this channel fails visibly, the others still receive.
      return new Webhook(
          s.channel(),
          null,
          "the signing secret cannot be read: TANDEM_SECRET_KEY is not set or not the key it was"
              + " stored with; remove the channel and add it again");
    }
  }

  /** Each team's key by id. */
  Map<Long, String> teamKeys() {
    Map<Long, String> teamKeys = new java.util.HashMap<>();
    roster.teams().forEach(t -> teamKeys.put(t.id(), t.key()));
    return teamKeys;
  }
}

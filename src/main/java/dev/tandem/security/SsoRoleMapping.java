package dev.tandem.security;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Groups to a role and team scope. Written as {@code group=ROLE} rules separated by commas; a
 * {@code *} in a group stands for a team key, which becomes the scope of a MANAGER or MEMBER: with
 * the default, {@code tandem-leaders} gives LEADER, {@code team:payments:manager} MANAGER of
 * payments and {@code team:payments} MEMBER of payments. The most privileged grant wins; between
 * teams of the same role the first team key in alphabetical order.
 */
final class SsoRoleMapping {

  static final String DEFAULT =
      "tandem-admins=ADMIN, tandem-leaders=LEADER, team:*:manager=MANAGER, team:*=MEMBER";

  /** A team key in a group name: anything up to the next colon. */
  private static final String TEAM_KEY = "([^:]+)";

  private record Rule(String group, Pattern pattern, Role role) {}

  /** What one group gives: a role and, for a manager or member, a team key. */
  record Grant(String group, Role role, String teamKey) {}

  private final List<Rule> rules;

  private SsoRoleMapping(List<Rule> rules) {
    this.rules = rules;
  }

  static SsoRoleMapping parse(String text) {
    List<Rule> rules = new ArrayList<>();
    for (String part : text.split(",")) {
      String rule = part.trim();
      int eq = rule.lastIndexOf('=');
      if (rule.isEmpty()) {
        continue;
      }
      if (eq <= 0) {
        throw new IllegalStateException(
            "tandem.sso.roles: '" + rule + "' is not group=ROLE (e.g. tandem-leaders=LEADER)");
      }
      String group = rule.substring(0, eq).trim();
      Role role;
      try {
        role = Role.valueOf(rule.substring(eq + 1).trim().toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        throw new IllegalStateException(
            "tandem.sso.roles: '" + rule + "' names no role (ADMIN, LEADER, MANAGER, MEMBER)");
      }
      long stars = group.chars().filter(c -> c == '*').count();
      if (role.needsTeamScope() != (stars == 1) || stars > 1) {
        throw new IllegalStateException(
            "tandem.sso.roles: '"
                + rule
                + "': a MANAGER or MEMBER group holds one * for the team key, an ADMIN or LEADER group none");
      }
      String regex =
          stars == 0
              ? Pattern.quote(group)
              : Pattern.quote(group.substring(0, group.indexOf('*')))
                  + TEAM_KEY
                  + Pattern.quote(group.substring(group.indexOf('*') + 1));
      rules.add(new Rule(group, Pattern.compile(regex), role));
    }
    return new SsoRoleMapping(List.copyOf(rules));
  }

  /** Every grant the groups carry (a group may match several rules). */
  List<Grant> grants(Collection<String> groups) {
    List<Grant> grants = new ArrayList<>();
    for (String group : groups) {
      for (Rule rule : rules) {
        Matcher m = rule.pattern().matcher(group);
        if (m.matches()) {
          String teamKey = m.groupCount() == 1 ? m.group(1).toLowerCase(Locale.ROOT) : null;
          grants.add(new Grant(group, rule.role(), teamKey));
        }
      }
    }
    return grants;
  }

  /** The most privileged grant (ADMIN before LEADER before MANAGER before MEMBER). */
  static Optional<Grant> strongest(Collection<Grant> grants) {
    return grants.stream()
        .min(
            Comparator.comparing(Grant::role)
                .thenComparing(g -> g.teamKey() == null ? "" : g.teamKey()));
  }

  /** The groups people must be given, as configured: for the refusal page. */
  List<String> groupPatterns() {
    return rules.stream().map(r -> r.group().replace("*", "<team>")).toList();
  }
}

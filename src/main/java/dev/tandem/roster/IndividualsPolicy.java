package dev.tandem.roster;

import dev.tandem.base.Scope;

/**
 * Who may list developers one by one (DESIGN §3.4). Implemented by {@code access.AccessPolicy}; an
 * interface here so the roster can ask without a package cycle (the policy itself reads the team
 * tree from the roster).
 */
public interface IndividualsPolicy {

  /**
   * The scope whose developers the caller may list when asking for {@code requested}: admins get
   * what they ask for, managers their own team when asking for the organisation and the team asked
   * for when it lies inside their scope. Anything else throws {@link
   * org.springframework.security.access.AccessDeniedException}.
   */
  Scope individualsScope(Scope requested);

  /** Whether the caller may see the individual developers of this team's scope. */
  boolean maySeeIndividuals(Scope scope);
}

package dev.tandem.base;

import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The scope of a request: the whole organisation, or a team and every team below it, named by the
 * team's key. A name only: whether the team exists is for the roster to say when it resolves the
 * scope to team ids ({@code rollup.ScopeIds}).
 */
public final class Scope {

  public static final Scope ORGANISATION = new Scope(null);

  private final @Nullable String key;

  private Scope(@Nullable String key) {
    this.key = key;
  }

  /** The scope of the team with this key and every team below it. */
  public static Scope team(String key) {
    if (key == null || key.isBlank()) {
      throw new IllegalArgumentException("a team scope needs a team key, got '" + key + "'");
    }
    return new Scope(key);
  }

  /**
   * A scope as a URL, API parameter or picker names it: absent or blank is the organisation, else
   * the team of the trimmed key.
   */
  public static Scope of(@Nullable String key) {
    return key == null || key.isBlank() ? ORGANISATION : team(key.trim());
  }

  public boolean organisation() {
    return key == null;
  }

  /** The team's key; empty for the organisation. */
  public Optional<String> teamKey() {
    return Optional.ofNullable(key);
  }

  /** The team's key, or null for the organisation: for the places that store or print it. */
  public @Nullable String keyOrNull() {
    return key;
  }

  @Override
  public boolean equals(@Nullable Object o) {
    return o instanceof Scope other && Objects.equals(key, other.key);
  }

  @Override
  public int hashCode() {
    return Objects.hashCode(key);
  }

  @Override
  public String toString() {
    return key == null ? "organisation" : "team " + key;
  }
}

package dev.tandem.roster;

import com.ibm.icu.text.SpoofChecker;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Finds roster emails that differ from another one only by characters that look alike (a Cyrillic
 * "а" for a Latin "a", "rn" for "m", "1" for "l"), by comparing the Unicode confusable skeletons of
 * ICU4J's {@link SpoofChecker} (UTS #39). Such an address is not refused, since it may be a real
 * person, but flagged for a human to look at.
 */
public final class LookAlikeEmails {

  /** An email of the file at {@code line}. */
  public record Candidate(long line, String email) {}

  /**
   * {@code email} of {@code line} resembles {@code resembles}: an address on the roster ({@code
   * otherLine} null) or of an earlier line of the same file.
   */
  public record LookAlike(long line, String email, String resembles, Long otherLine) {

    public String message() {
      return email
          + " looks like "
          + resembles
          + (otherLine == null ? " already on the roster" : " of line " + otherLine)
          + " but differs in look-alike characters; check it is the right person and not a"
          + " mistyped or forged address";
    }
  }

  private static final SpoofChecker CHECKER =
      new SpoofChecker.Builder().setChecks(SpoofChecker.CONFUSABLE).build();

  private LookAlikeEmails() {}

  /** The confusable skeleton: two strings that look alike have the same one. */
  public static String skeleton(String email) {
    return CHECKER.getSkeleton(email);
  }

  /**
   * Each candidate that resembles, without being equal to, an existing email or an earlier row's;
   * an address already on the roster is the genuine one and never flagged itself.
   */
  public static List<LookAlike> find(Collection<String> existing, List<Candidate> candidates) {
    Map<String, String> rosterBySkeleton = new HashMap<>();
    for (String email : existing) {
      rosterBySkeleton.putIfAbsent(skeleton(email), email);
    }
    Map<String, Candidate> fileBySkeleton = new HashMap<>();
    List<LookAlike> found = new ArrayList<>();
    for (Candidate c : candidates) {
      String skeleton = skeleton(c.email());
      String onRoster = rosterBySkeleton.get(skeleton);
      Candidate earlier = fileBySkeleton.putIfAbsent(skeleton, c);
      if (onRoster != null && !onRoster.equals(c.email()) && !existing.contains(c.email())) {
        found.add(new LookAlike(c.line(), c.email(), onRoster, null));
      } else if (earlier != null
          && !earlier.email().equals(c.email())
          && !existing.contains(c.email())) {
        found.add(new LookAlike(c.line(), c.email(), earlier.email(), earlier.line()));
      }
    }
    return found;
  }
}

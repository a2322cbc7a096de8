package dev.tandem.base;

import com.ibm.icu.lang.UCharacter;
import com.ibm.icu.lang.UProperty;
import java.text.Normalizer;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The one rule for an email wherever it enters (roster import, identity map, vendor files, the
 * developer form): trimmed, NFKC-normalised and lower-cased, so that full-width or compatibility
 * look-alikes become the plain address; refused when it holds an invisible or format character
 * (zero-width space, joiners, bidi controls, soft hyphen, variation selectors, control characters,
 * unassigned or private-use code points, spaces inside), which no one types on purpose.
 */
public final class Emails {

  /** The longest address (RFC 5321 path limit, and the database column). */
  public static final int MAX_LENGTH = 320;

  private static final Pattern SHAPE = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

  private Emails() {}

  /** A checked email: the normalised address, or the problem in words. */
  public record Checked(String email, String problem) {
    public boolean ok() {
      return problem == null;
    }
  }

  /** NFKC, trimmed, lower case (no checks). */
  public static String normalise(String raw) {
    String nfkc = Normalizer.normalize(raw.strip(), Normalizer.Form.NFKC);
    return nfkc.strip().toLowerCase(Locale.ROOT);
  }

  /** Normalises and checks {@code raw} (which must not be blank). */
  public static Checked check(String raw) {
    String v = raw.strip();
    if (v.length() > MAX_LENGTH) {
      return new Checked(
          null, "is " + v.length() + " characters long; an email has at most " + MAX_LENGTH);
    }
    Optional<String> invisible = invisibleCharacter(v);
    if (invisible.isPresent()) {
      return new Checked(null, invisible.get());
    }
    String email = normalise(v);
    if (email.length() > MAX_LENGTH) {
      return new Checked(
          null, "is " + email.length() + " characters long; an email has at most " + MAX_LENGTH);
    }
    if (!SHAPE.matcher(email).matches()) {
      return new Checked(
          null,
          Excerpt.quote(v) + " is not an email; expected an email such as ana.silva@example.com");
    }
    return new Checked(email, null);
  }

  /**
   * The first invisible or format character of {@code value}, described for a person; empty when
   * there is none.
   */
  public static Optional<String> invisibleCharacter(String value) {
    int offset = 0;
    while (offset < value.length()) {
      int cp = value.codePointAt(offset);
      if (invisible(cp)) {
        String name = UCharacter.getName(cp);
        return Optional.of(
            String.format(
                Locale.ROOT,
                "contains the invisible character U+%04X%s at position %d; retype the address"
                    + " without it",
                cp,
                name == null ? "" : " (" + name + ")",
                value.codePointCount(0, offset) + 1));
      }
      offset += Character.charCount(cp);
    }
    return Optional.empty();
  }

  private static boolean invisible(int cp) {
    int type = Character.getType(cp);
    return type == Character.FORMAT
        || type == Character.CONTROL
        || type == Character.PRIVATE_USE
        || type == Character.SURROGATE
        || type == Character.UNASSIGNED
        || type == Character.LINE_SEPARATOR
        || type == Character.PARAGRAPH_SEPARATOR
        || type == Character.SPACE_SEPARATOR
        || UCharacter.hasBinaryProperty(cp, UProperty.DEFAULT_IGNORABLE_CODE_POINT)
        || cp == 0x3164 // Hangul filler (Lo, rendered blank)
        || cp == 0x2800; // braille pattern blank
  }
}

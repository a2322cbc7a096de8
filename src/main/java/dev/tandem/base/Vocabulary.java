package dev.tandem.base;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * A closed vocabulary of DESIGN §2/§3.2 (severity, AI involvement, root cause): each constant has
 * the spelling stored in the database and in import files, and the label screens show. Constants
 * override {@code toString()} with {@link #stored()}, so string concatenation shows the spelling.
 * Files may use any case; the stored spelling is the one written back.
 */
public interface Vocabulary {

  /**
   * The spelling in the database and in import files: by default the constant's name in lower case
   * with hyphens ({@code ACCESS_CONTROL} is {@code access-control}).
   */
  @JsonValue // audit records and JSON answers keep the stored spelling
  default String stored() {
    return Keyed.hyphenated((Enum<?>) this);
  }

  /** What screens show: the stored spelling unless a constant says otherwise. */
  default String label() {
    return stored();
  }

  /** The constant spelled {@code text} (any case, surrounding blanks ignored), if any. */
  static <E extends Enum<E> & Vocabulary> Optional<E> find(Class<E> type, String text) {
    if (text == null) {
      return Optional.empty();
    }
    String wanted = text.trim();
    return Arrays.stream(type.getEnumConstants())
        .filter(e -> e.stored().equalsIgnoreCase(wanted))
        .findFirst();
  }

  /**
   * The constant whose stored spelling is exactly {@code stored} (as links and the database write
   * it).
   */
  static <E extends Enum<E> & Vocabulary> Optional<E> fromStored(Class<E> type, String stored) {
    return Arrays.stream(type.getEnumConstants())
        .filter(e -> e.stored().equals(stored))
        .findFirst();
  }

  /**
   * The constant spelled {@code text}; an {@link IllegalArgumentException} naming the valid
   * spellings (the import's line-level error text) otherwise.
   */
  static <E extends Enum<E> & Vocabulary> E parse(Class<E> type, String text) {
    return find(type, text)
        .orElseThrow(
            () ->
                new IllegalArgumentException(
                    Excerpt.quote(text == null ? null : text.trim())
                        + " is not allowed; expected one of "
                        + expected(type)));
  }

  /** The valid spellings as import errors list them: lower case, alphabetical. */
  static <E extends Enum<E> & Vocabulary> String expected(Class<E> type) {
    return Arrays.stream(type.getEnumConstants())
        .map(e -> e.stored().toLowerCase(Locale.ROOT))
        .sorted()
        .collect(Collectors.joining(", "));
  }
}

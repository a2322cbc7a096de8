package dev.tandem.base;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * An enum whose constants URLs, settings, the API and the database name by a key: by default the
 * constant's name in lower case with hyphens ({@code DEVELOPER_WEEKS} is {@code developer-weeks}),
 * so the key is not written a second time beside the name.
 */
public interface Keyed {

  /** The constant's key: its name in lower case with hyphens unless the constant says otherwise. */
  default String key() {
    return hyphenated((Enum<?>) this);
  }

  /** A constant's name in lower case with hyphens: {@code ACCESS_CONTROL} is access-control. */
  static String hyphenated(Enum<?> constant) {
    return constant.name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  /** The constant whose key is exactly {@code key}, if any. */
  static <E extends Enum<E> & Keyed> Optional<E> byKey(Class<E> type, String key) {
    return Arrays.stream(type.getEnumConstants()).filter(e -> e.key().equals(key)).findFirst();
  }
}

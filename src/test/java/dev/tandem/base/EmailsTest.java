package dev.tandem.base;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class EmailsTest {

  @Test
  void an_email_is_trimmed_nfkc_normalised_and_lower_cased() {
    // Full-width letters and the full-width at sign become plain ASCII under NFKC.
    Emails.Checked checked = Emails.check("  Ａｎａ.Silva＠Example.COM\t");
    assertThat(checked.ok()).isTrue();
    assertThat(checked.email()).isEqualTo("ana.silva@example.com");
  }

  @Test
  void a_zero_width_space_is_refused_naming_the_character_and_its_position() {
    Emails.Checked checked = Emails.check("ana\u200B.silva@example.com");
    assertThat(checked.ok()).isFalse();
    assertThat(checked.problem())
        .isEqualTo(
            "contains the invisible character U+200B (ZERO WIDTH SPACE) at position 4; retype"
                + " the address without it");
  }

  @Test
  void other_invisible_or_format_characters_are_refused_too() {
    for (String sneaky :
        new String[] {
          "ana\u00AD@example.com", // soft hyphen (Cf)
          "ana\u202E@example.com", // right-to-left override (Cf)
          "ana\u2060@example.com", // word joiner (Cf)
          "ana\uFE0F@example.com", // variation selector (default ignorable)
          "ana\u3164@example.com", // Hangul filler
          "ana\u0007@example.com", // bell (Cc)
          "ana silva@example.com", // a space inside
        }) {
      assertThat(Emails.check(sneaky).ok()).as(sneaky).isFalse();
    }
  }

  @Test
  void an_overlong_address_is_refused_without_echoing_it() {
    Emails.Checked checked = Emails.check("a".repeat(400) + "@example.com");
    assertThat(checked.problem()).isEqualTo("is 412 characters long; an email has at most 320");
  }
}

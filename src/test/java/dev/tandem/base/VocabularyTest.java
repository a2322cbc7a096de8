package dev.tandem.base;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** The vocabulary's spellings: stored as before, parsed in any case, errors naming the choices. */
class VocabularyTest {

  @Test
  void each_constant_keeps_the_spelling_the_database_and_files_hold() {
    assertThat(Arrays.stream(Severity.values()).map(Severity::stored))
        .containsExactly("SEV1", "SEV2", "SEV3", "SEV4");
    assertThat(Arrays.stream(AiInvolvement.values()).map(AiInvolvement::stored))
        .containsExactly("none", "assisted", "agent", "unknown");
    assertThat(Arrays.stream(RootCause.values()).map(RootCause::stored))
        .containsExactly(
            "user-error", "ai-error", "access-control", "process", "infrastructure", "other");
    assertThat(Attribution.NONE).isEqualTo(AiInvolvement.NONE.stored());
  }

  @Test
  void screens_and_string_conversion_show_the_stored_spelling() {
    assertThat(Severity.SEV2.label()).isEqualTo("SEV2");
    assertThat(AiInvolvement.ASSISTED.label()).isEqualTo("assisted");
    assertThat(RootCause.ACCESS_CONTROL.label()).isEqualTo("access-control");
    assertThat("classified as " + AiInvolvement.AGENT).isEqualTo("classified as agent");
  }

  @Test
  void parsing_ignores_case_and_surrounding_blanks() {
    assertThat(Severity.parse(" sev1 ")).isEqualTo(Severity.SEV1);
    assertThat(AiInvolvement.parse("Agent")).isEqualTo(AiInvolvement.AGENT);
    assertThat(RootCause.parse("AI-ERROR")).isEqualTo(RootCause.AI_ERROR);
  }

  @Test
  void an_unknown_word_is_an_error_naming_the_valid_spellings_alphabetically() {
    assertThatThrownBy(() -> Severity.parse("sev9"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("'sev9' is not allowed; expected one of sev1, sev2, sev3, sev4");
    assertThatThrownBy(() -> AiInvolvement.parse(" maybe "))
        .hasMessage("'maybe' is not allowed; expected one of agent, assisted, none, unknown");
    assertThatThrownBy(() -> RootCause.parse("gremlins"))
        .hasMessage(
            "'gremlins' is not allowed; expected one of access-control, ai-error, infrastructure,"
                + " other, process, user-error");
  }

  @Test
  void links_match_the_stored_spelling_exactly() {
    assertThat(Vocabulary.fromStored(AiInvolvement.class, "none")).contains(AiInvolvement.NONE);
    assertThat(Vocabulary.fromStored(AiInvolvement.class, "NONE")).isEmpty();
    assertThat(Vocabulary.fromStored(RootCause.class, "not recorded")).isEmpty();
  }

  @Test
  void json_and_the_database_converter_use_the_stored_spelling() throws Exception {
    assertThat(new ObjectMapper().writeValueAsString(RootCause.USER_ERROR))
        .isEqualTo("\"user-error\"");
    assertThat(new ObjectMapper().writeValueAsString(Severity.SEV3)).isEqualTo("\"SEV3\"");
    assertThat(new ObjectMapper().writeValueAsString(AiInvolvement.NONE)).isEqualTo("\"none\"");
    assertThat(new ObjectMapper().readValue("\"agent\"", AiInvolvement.class))
        .isEqualTo(AiInvolvement.AGENT);
    var converter = new VocabularyConverters.RootCauseConverter();
    assertThat(converter.to(RootCause.ACCESS_CONTROL)).isEqualTo("access-control");
    assertThat(converter.from("infrastructure")).isEqualTo(RootCause.INFRASTRUCTURE);
    assertThat(new VocabularyConverters.AiInvolvementConverter().to(AiInvolvement.NONE))
        .isEqualTo("none");
    assertThat(new VocabularyConverters.SeverityConverter().from("SEV4")).isEqualTo(Severity.SEV4);
  }
}

package dev.tandem.base;

import org.jooq.impl.EnumConverter;

/**
 * The jOOQ converters of the vocabulary columns ({@code <forcedTypes>} in {@code pom.xml}): the
 * database keeps the stored spellings, the generated code reads and writes the enums.
 */
public final class VocabularyConverters {

  private VocabularyConverters() {}

  public static final class SeverityConverter extends EnumConverter<String, Severity> {
    public SeverityConverter() {
      super(String.class, Severity.class, Severity::stored);
    }
  }

  public static final class AiInvolvementConverter extends EnumConverter<String, AiInvolvement> {
    public AiInvolvementConverter() {
      super(String.class, AiInvolvement.class, AiInvolvement::stored);
    }
  }

  public static final class RootCauseConverter extends EnumConverter<String, RootCause> {
    public RootCauseConverter() {
      super(String.class, RootCause.class, RootCause::stored);
    }
  }
}

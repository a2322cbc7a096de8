package dev.tandem.base;

import org.jooq.conf.RenderQuotedNames;
import org.springframework.boot.autoconfigure.jooq.DefaultConfigurationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Unquoted identifiers, so the same generated code works on H2 (upper-case names) and PostgreSQL
 * (lower-case names).
 */
@Configuration
class JooqSettings {

  @Bean
  DefaultConfigurationCustomizer unquotedNames() {
    return configuration -> configuration.settings().withRenderQuotedNames(RenderQuotedNames.NEVER);
  }
}

package dev.tandem.architecture;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tandem.Application;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/**
 * Each top-level package of {@code dev.tandem} is a module whose root package is its public API;
 * other modules may use only that (or a declared named interface). The jOOQ classes generated from
 * {@code db/migration} are the shared schema, not a module: {@link ArchitectureTest} decides who
 * may touch them.
 */
class ModulesTest {

  static final ApplicationModules MODULES =
      ApplicationModules.of(Application.class, resideInAPackage("dev.tandem.db.."));

  @Test
  void modules_use_each_other_only_through_their_public_api_and_have_no_cycles() {
    MODULES.verify();
  }

  @Test
  void writes_the_module_documentation_into_docs_modules() {
    new Documenter(MODULES, Documenter.Options.defaults().withOutputFolder("docs/modules"))
        .writeDocumentation();
    assertThat(Path.of("docs/modules/components.puml"))
        .content()
        .contains(MODULES.stream().map(m -> m.getDisplayName()).toList());
  }
}

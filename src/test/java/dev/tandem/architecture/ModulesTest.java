package dev.tandem.architecture;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tandem.Application;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.Stream;
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
  void writes_the_module_documentation_into_docs_modules() throws IOException {
    Path docs = Path.of("docs/modules");
    new Documenter(MODULES, Documenter.Options.defaults().withOutputFolder(docs.toString()))
        .writeDocumentation();
    try (Stream<Path> files = Files.list(docs)) {
      for (Path file : files.toList()) {
        Files.write(file, inStableOrder(Files.readAllLines(file)));
      }
    }
    assertThat(docs.resolve("components.puml"))
        .content()
        .contains(MODULES.stream().map(m -> m.getDisplayName()).toList());
  }

  @Test
  void the_module_documentation_is_written_in_a_stable_order() {
    // The Documenter lists relations and bullet items in hash order; the committed files must not
    // change from one run to the next.
    assertThat(
            inStableOrder(
                List.of(
                    "x", "Rel(b)", "Rel(a)", "|* `z`", "", "* `y`", "* `x`", "", "|===", "* `b`")))
        .containsExactly("x", "Rel(a)", "Rel(b)", "|* `x`", "* `y`", "* `z`", "|===", "* `b`");
  }

  /**
   * Sorts each run of PlantUML {@code Rel(}/{@code Component(} lines and of AsciiDoc list items.
   */
  static List<String> inStableOrder(List<String> lines) {
    List<String> out = new ArrayList<>();
    List<String> run = new ArrayList<>();
    String kind = null;
    boolean cell = false;
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i);
      String next = i + 1 < lines.size() ? lines.get(i + 1) : "";
      if (line.isBlank()
          && "item".equals(kind)
          && (next.startsWith("* ") || next.startsWith("|"))) {
        continue; // the Documenter ends some items with a blank line, wherever they fall
      }
      String k = kindOf(line);
      if (k == null || !k.equals(kind) || (line.startsWith("|* ") && !run.isEmpty())) {
        flush(out, run, cell);
        cell = line.startsWith("|* ");
      }
      kind = k;
      if (k == null) {
        out.add(line);
      } else {
        run.add(cell && run.isEmpty() ? line.substring(1) : line);
      }
    }
    flush(out, run, cell);
    return out;
  }

  private static String kindOf(String line) {
    if (line.startsWith("Rel(")) {
      return "rel";
    }
    if (line.startsWith("  Component(")) {
      return "component";
    }
    return line.startsWith("* ") || line.startsWith("|* ") ? "item" : null;
  }

  private static void flush(List<String> out, List<String> run, boolean cell) {
    Collections.sort(run);
    for (int i = 0; i < run.size(); i++) {
      out.add(i == 0 && cell ? "|" + run.get(i) : run.get(i));
    }
    run.clear();
  }
}

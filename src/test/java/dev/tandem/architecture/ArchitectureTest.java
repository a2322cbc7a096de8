package dev.tandem.architecture;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.simpleNameEndingWith;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** CONVENTIONS.md's layout rules, enforced. */
class ArchitectureTest {

  private static final JavaClasses CLASSES =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("dev.tandem");

  @Test
  void only_repositories_and_queries_touch_the_generated_jooq_classes() {
    noClasses()
        .that()
        .resideOutsideOfPackage("dev.tandem.db..")
        .and()
        .haveSimpleNameNotEndingWith("Repository")
        .and()
        .haveSimpleNameNotEndingWith("Query")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("dev.tandem.db..")
        .check(CLASSES);
  }

  @Test
  void views_and_controllers_use_services_never_repositories_or_jooq() {
    noClasses()
        .that()
        .resideInAnyPackage("..ui..", "dev.tandem.api..")
        .should()
        .dependOnClassesThat(
            resideInAPackage("dev.tandem..")
                .and(simpleNameEndingWith("Repository").or(simpleNameEndingWith("Query"))))
        .orShould()
        .dependOnClassesThat()
        .resideInAnyPackage("org.jooq..", "dev.tandem.db..")
        .check(CLASSES);
  }

  @Test
  void stats_is_pure_java_without_spring_or_a_database() {
    noClasses()
        .that()
        .resideInAPackage("dev.tandem.stats..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("org.springframework..", "org.jooq..", "com.vaadin..", "java.sql..")
        .allowEmptyShould(true)
        .check(CLASSES);
  }

  @Test
  void feature_packages_have_no_dependency_cycles() {
    slices().matching("dev.tandem.(*)..").should().beFreeOfCycles().check(CLASSES);
  }

  @Test
  void the_shared_kernel_does_not_depend_on_features() {
    noClasses()
        .that()
        .resideInAPackage("dev.tandem.base..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "dev.tandem.roster..",
            "dev.tandem.tools..",
            "dev.tandem.security..",
            "dev.tandem.demo..",
            "dev.tandem.api..")
        .check(CLASSES);
  }

  @Test
  void services_are_secure_by_default_with_a_class_level_access_rule() {
    classes()
        .that()
        .areAnnotatedWith(Service.class)
        .and()
        .areNotAssignableTo(UserDetailsService.class) // authentication itself
        .and()
        .doNotHaveSimpleName("RollupService") // called only inside other services' writes
        .and()
        .doNotHaveSimpleName("SsoAccounts") // single sign-on, before anyone is signed in
        .and()
        .doNotHaveSimpleName("AccessPolicy") // the access rule itself, asked by the services
        .should()
        .beAnnotatedWith(PreAuthorize.class)
        .check(CLASSES);
  }

  @Test
  void services_read_in_one_transaction_by_default() {
    classes()
        .that()
        .areAnnotatedWith(Service.class)
        .and()
        .areNotAssignableTo(UserDetailsService.class) // authentication itself
        .and()
        .doNotHaveSimpleName("SsoAccounts") // single sign-on, per method
        .and()
        .doNotHaveSimpleName("AccessPolicy") // no database of its own: asks the roster
        .and()
        .doNotHaveSimpleName("RollupService") // each method joins its caller's write (MANDATORY)
        .and()
        .doNotHaveSimpleName("AlertService") // sends mail and webhooks: no transaction held open
        .should()
        .beAnnotatedWith(Transactional.class)
        .check(CLASSES);
  }
}

package dev.tandem;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.test.context.junit.jupiter.SpringExtension;

/**
 * Each test starts on the tables as the Spring context had them at start-up ({@link
 * TableSnapshot}), before the class's own {@code @BeforeEach} methods run; after the class the
 * tables are left that way for the next class that shares the cached context. Instead of
 * {@code @DirtiesContext(AFTER_EACH_TEST_METHOD)}, which started a new context (about ten seconds)
 * per test.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(ResetTables.Extension.class)
public @interface ResetTables {

  /** Restores the snapshot of the test's context. */
  class Extension implements BeforeEachCallback, AfterAllCallback {

    @Override
    public void beforeEach(ExtensionContext context) {
      TableSnapshot.of(SpringExtension.getApplicationContext(context)).restore();
    }

    @Override
    public void afterAll(ExtensionContext context) {
      TableSnapshot.of(SpringExtension.getApplicationContext(context)).restore();
    }
  }
}

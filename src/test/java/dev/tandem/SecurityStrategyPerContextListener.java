package dev.tandem;

import org.springframework.context.ApplicationContext;
import org.springframework.core.Ordered;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.test.context.TestContext;
import org.springframework.test.context.TestExecutionListener;

/**
 * Each Spring context in the test JVM gets its own Vaadin-aware security-context strategy and makes
 * it the global one when it starts, so code reading the static {@link SecurityContextHolder} (the
 * API token filter, {@code CurrentUser}, Karibu's sign-in) would see a different strategy than the
 * context under test once a later context has started. Before each test the global strategy is set
 * back to the strategy of the test's own context, as in production, where there is one context.
 */
public class SecurityStrategyPerContextListener implements TestExecutionListener, Ordered {

  @Override
  public void beforeTestMethod(TestContext testContext) {
    if (!testContext.hasApplicationContext()) {
      return;
    }
    ApplicationContext context = testContext.getApplicationContext();
    SecurityContextHolderStrategy strategy =
        context.getBeanProvider(SecurityContextHolderStrategy.class).getIfUnique();
    if (strategy != null) {
      SecurityContextHolder.setContextHolderStrategy(strategy);
    }
  }

  @Override
  public int getOrder() {
    // Before WithSecurityContextTestExecutionListener (10000) puts @WithMockUser's user in place.
    return Ordered.HIGHEST_PRECEDENCE;
  }
}

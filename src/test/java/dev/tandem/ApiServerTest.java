package dev.tandem;

import dev.tandem.api.TestApiEndpoints;
import dev.tandem.security.FailingEndpoints;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;

/**
 * The server the API and security tests talk to over HTTP: the real app on a random port, without
 * demo data, with metrics, the bootstrap token {@link #TOKEN} and the first admin's password {@link
 * #ADMIN_PASSWORD}, and the test-only failing endpoints (under {@code /api/v1/test-*}) that the
 * error-answer tests call. Every class with this annotation shares one cached Spring context (one
 * start of about eight seconds instead of one per class), so a class that writes data it later
 * counts resets the tables first ({@link ResetTables}).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@AutoConfigureObservability
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "TANDEM_BOOTSTRAP_TOKEN=" + ApiServerTest.TOKEN,
      "TANDEM_ADMIN_PASSWORD=" + ApiServerTest.ADMIN_PASSWORD
    })
@Import({TestApiEndpoints.class, FailingEndpoints.class})
public @interface ApiServerTest {

  /** The bootstrap API token (role admin). */
  String TOKEN = "it-bootstrap-token";

  /** The first admin's password (user {@code admin}). */
  String ADMIN_PASSWORD = "it-admin-password";
}

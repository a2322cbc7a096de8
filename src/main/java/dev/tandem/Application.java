package dev.tandem;

import com.vaadin.flow.component.page.AppShellConfigurator;
import com.vaadin.flow.theme.Theme;
import java.time.Clock;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Tandem: weekly AI coding-tool adoption versus incident rate, per tool. */
@SpringBootApplication
@EnableScheduling
@Theme("tandem")
public class Application implements AppShellConfigurator {

  public static void main(String[] args) {
    SpringApplication.run(Application.class, args);
  }

  /** "Now" and "this week" come from this clock so tests can pin them. */
  @Bean
  Clock clock() {
    return Clock.systemUTC();
  }
}

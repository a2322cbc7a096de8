package dev.tandem;

import com.vaadin.flow.component.page.AppShellConfigurator;
import com.vaadin.flow.component.page.Inline;
import com.vaadin.flow.server.AppShellSettings;
import com.vaadin.flow.theme.Theme;
import dev.tandem.base.ui.MainLayout;
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

  /** The light/dark choice is applied in the page's head, before the first paint. */
  @Override
  public void configurePage(AppShellSettings settings) {
    settings.addInlineWithContents(
        Inline.Position.PREPEND, MainLayout.EARLY_THEME_SCRIPT, Inline.Wrapping.JAVASCRIPT);
  }

  /** "Now" and "this week" come from this clock so tests can pin them. */
  @Bean
  Clock clock() {
    return Clock.systemUTC();
  }
}

package dev.tandem.security.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.server.ErrorEvent;
import com.vaadin.flow.server.ErrorHandler;
import dev.tandem.base.LogSafe;
import dev.tandem.base.ui.Notifications;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Unexpected UI failures: the exception goes to the log under a short id, the user gets that id and
 * a generic message, never the exception's text (which may hold SQL or internals).
 */
public class UiErrorHandler implements ErrorHandler {

  private static final Logger log = LoggerFactory.getLogger(UiErrorHandler.class);

  /** What the user sees for the failure with this id. */
  public static String message(String id) {
    return "Something went wrong on our side (error " + id + "). It has been logged.";
  }

  /** Logs the failure and returns the id the user is shown. */
  static String logged(Throwable failure) {
    String id = UUID.randomUUID().toString().substring(0, 8);
    // One bounded line: the class and the start of the message (which may hold SQL and its binds).
    log.error("UI error {}: {}", id, LogSafe.describe(failure), failure);
    return id;
  }

  @Override
  public void error(ErrorEvent event) {
    String id = logged(event.getThrowable());
    UI ui = event.getComponent().flatMap(Component::getUI).orElseGet(UI::getCurrent);
    if (ui == null) {
      return;
    }
    if (ui.getSession() != null && ui.getSession().hasLock()) {
      Notifications.error(message(id));
    } else {
      ui.access(() -> Notifications.error(message(id)));
    }
  }
}

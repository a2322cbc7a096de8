package dev.tandem.security.ui;

import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;
import org.springframework.stereotype.Component;

/** Every Vaadin session reports unexpected failures through {@link UiErrorHandler}. */
@Component
class UiErrorHandling implements VaadinServiceInitListener {

  @Override
  public void serviceInit(ServiceInitEvent event) {
    event
        .getSource()
        .addSessionInitListener(init -> init.getSession().setErrorHandler(new UiErrorHandler()));
  }
}

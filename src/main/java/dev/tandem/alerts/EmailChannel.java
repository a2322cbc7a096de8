package dev.tandem.alerts;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;

/**
 * Email through Spring Boot's mail sender: on only when SMTP is configured ({@code
 * SPRING_MAIL_HOST}); otherwise email is off and nothing is sent or logged.
 */
@Component
class EmailChannel {

  static final String LOG_KEY = "email";

  private final ObjectProvider<JavaMailSender> sender;
  private final AlertsProperties properties;
  private final Deliveries deliveries;

  EmailChannel(
      ObjectProvider<JavaMailSender> sender, AlertsProperties properties, Deliveries deliveries) {
    this.sender = sender;
    this.properties = properties;
    this.deliveries = deliveries;
  }

  boolean configured() {
    return sender.getIfAvailable() != null;
  }

  void send(String to, Message message) {
    JavaMailSender mail = sender.getIfAvailable();
    if (mail == null || to == null) {
      return;
    }
    SimpleMailMessage m = new SimpleMailMessage();
    m.setFrom(properties.mailFrom());
    m.setTo(to);
    m.setSubject(message.subject());
    m.setText(message.text() + "\n\n" + message.link() + "\n");
    deliveries.deliver(LOG_KEY, to, message.subject(), () -> mail.send(m));
  }
}

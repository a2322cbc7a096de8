package dev.tandem.connectors;

import org.springframework.stereotype.Component;

/** Amazon Q Developer's daily user activity report (QDeveloperLogs/by_user_analytic). */
@Component
class QDeveloperConnector extends S3ReportConnector {

  QDeveloperConnector() {
    super("q-developer", "Amazon Q Developer");
  }

  @Override
  String logs() {
    return "QDeveloperLogs";
  }
}

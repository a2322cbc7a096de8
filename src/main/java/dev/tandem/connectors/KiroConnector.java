package dev.tandem.connectors;

import org.springframework.stereotype.Component;

/**
 * Kiro's daily user activity report (KiroLogs/by_user_analytic, the legacy layout Kiro still
 * writes), imported as q-developer-csv for the tool kiro (every active Kiro day an agent day).
 */
@Component
class KiroConnector extends S3ReportConnector {

  KiroConnector() {
    super("kiro", "Kiro");
  }

  @Override
  public String tool() {
    return "kiro";
  }

  @Override
  String logs() {
    return "KiroLogs";
  }
}

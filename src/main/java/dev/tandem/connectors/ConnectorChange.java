package dev.tandem.connectors;

import java.time.LocalDate;
import java.util.Map;

/** What an admin changes on a connector (everything but the secret). */
public record ConnectorChange(
    boolean enabled,
    String baseUrl,
    Map<String, String> settings,
    String cron,
    LocalDate backfillFrom,
    Integer redoDays) {}

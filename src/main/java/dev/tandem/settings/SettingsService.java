package dev.tandem.settings;

import java.math.BigDecimal;
import java.time.ZoneId;
import java.util.Map;
import org.springframework.stereotype.Service;

/**
 * Reads the organisation's settings; every screen asks here so a change applies everywhere at once.
 */
@Service
public class SettingsService {

  private final SettingsRepository repository;

  SettingsService(SettingsRepository repository) {
    this.repository = repository;
  }

  public Settings current() {
    Map<String, String> values = repository.all();
    return new Settings(
        new BigDecimal(values.getOrDefault("goal", "0.80")),
        Integer.parseInt(values.getOrDefault("min-group-size", "5")),
        ZoneId.of(values.getOrDefault("zone", "UTC")),
        values.getOrDefault("default-exposure", "changes"));
  }
}

package dev.tandem.settings;

import dev.tandem.base.PerTransaction;
import dev.tandem.base.ValidationException;
import dev.tandem.security.AuditService;
import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads and changes the organisation's settings; every screen asks here so a change applies
 * everywhere at once.
 */
@Service
@PreAuthorize("hasRole('ADMIN')")
@Transactional(readOnly = true)
public class SettingsService {

  public static final List<String> EXPOSURES = List.of("changes", "developer-weeks");
  private final SettingsRepository repository;
  private final AuditService audit;

  /**
   * The settings as this transaction read them (read once per request; {@link #update} forgets).
   */
  private final PerTransaction<Settings> current = new PerTransaction<>();

  SettingsService(SettingsRepository repository, AuditService audit) {
    this.repository = repository;
    this.audit = audit;
  }

  /**
   * Holds no secret; every screen, the schedule and the metrics gauges read it, with or without a
   * user.
   */
  @PreAuthorize("permitAll()")
  public Settings current() {
    return current.get(this::read);
  }

  private Settings read() {
    Map<String, String> values = repository.all();
    return new Settings(
        new BigDecimal(values.getOrDefault("goal", "0.80")),
        Integer.parseInt(values.getOrDefault("min-group-size", "5")),
        ZoneId.of(values.getOrDefault("zone", "UTC")),
        values.getOrDefault("default-exposure", "changes"));
  }

  /**
   * Validates and stores all settings at once; the change is audited with the values before and
   * after.
   */
  @Transactional
  public Settings update(String goal, String minGroupSize, String zone, String defaultExposure) {
    ValidationException.Collector problems = new ValidationException.Collector();
    BigDecimal parsedGoal = parseGoal(goal, problems);
    Integer k = parseK(minGroupSize, problems);
    ZoneId parsedZone = parseZone(zone, problems);
    problems.check(
        EXPOSURES.contains(defaultExposure), "defaultExposure", "expected one of " + EXPOSURES);
    problems.throwIfAny();
    Settings before = current();
    repository.put("goal", parsedGoal.toPlainString());
    repository.put("min-group-size", String.valueOf(k));
    repository.put("zone", parsedZone.getId());
    repository.put("default-exposure", defaultExposure);
    current.forget();
    Settings after = current();
    audit.record("update", "settings", null, before, after);
    return after;
  }

  private static BigDecimal parseGoal(String text, ValidationException.Collector problems) {
    try {
      BigDecimal goal = new BigDecimal(text == null ? "" : text.trim());
      problems.check(
          goal.signum() > 0 && goal.compareTo(BigDecimal.ONE) <= 0,
          "goal",
          "expected a share above 0 and at most 1, e.g. 0.80 for 80%");
      return goal;
    } catch (NumberFormatException e) {
      problems.check(false, "goal", "expected a decimal number such as 0.80, got '" + text + "'");
      return null;
    }
  }

  private static Integer parseK(String text, ValidationException.Collector problems) {
    try {
      int k = Integer.parseInt(text == null ? "" : text.trim());
      problems.check(k >= 1 && k <= 100, "minGroupSize", "expected a whole number from 1 to 100");
      return k;
    } catch (NumberFormatException e) {
      problems.check(
          false, "minGroupSize", "expected a whole number such as 5, got '" + text + "'");
      return null;
    }
  }

  private static ZoneId parseZone(String text, ValidationException.Collector problems) {
    try {
      return ZoneId.of(text == null ? "" : text.trim());
    } catch (DateTimeException e) {
      problems.check(
          false, "zone", "expected a time zone such as UTC or Europe/Berlin, got '" + text + "'");
      return null;
    }
  }
}

package dev.tandem.tools;

import dev.tandem.base.ValidationException;
import dev.tandem.security.AuditService;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The tool catalogue: everyone signed in may read it, only admins change it. */
@Service
@PreAuthorize("hasRole('ADMIN')")
@Transactional(readOnly = true)
public class ToolService {

  private static final Pattern KEY = Pattern.compile("[a-z0-9][a-z0-9-]{0,49}");
  private final ToolRepository repository;
  private final AuditService audit;

  ToolService(ToolRepository repository, AuditService audit) {
    this.repository = repository;
    this.audit = audit;
  }

  /** The catalogue: every screen and the metrics gauges (at start-up, without a user) read it. */
  @PreAuthorize("permitAll()")
  public List<Tool> tools() {
    return repository.findAll();
  }

  /** Each tool's name by its key, in catalogue order. */
  @PreAuthorize("permitAll()")
  public Map<String, String> names() {
    Map<String, String> names = new LinkedHashMap<>();
    tools().forEach(t -> names.put(t.key(), t.name()));
    return names;
  }

  @Transactional
  public Tool create(Tool tool) {
    validate(tool);
    if (repository.find(tool.key()).isPresent()) {
      throw ValidationException.of("key", "a tool with key '" + tool.key() + "' already exists");
    }
    repository.insert(tool);
    audit.record("create", "tool", tool.key(), null, tool);
    return tool;
  }

  @Transactional
  public Tool update(Tool tool) {
    validate(tool);
    Tool before =
        repository
            .find(tool.key())
            .orElseThrow(
                () -> ValidationException.of("key", "no tool with key '" + tool.key() + "'"));
    repository.update(tool);
    audit.record("update", "tool", tool.key(), before, tool);
    return tool;
  }

  /** tool.name and tool.vendor. */
  public static final int MAX_NAME = 100;

  private static void validate(Tool tool) {
    new ValidationException.Collector()
        .check(
            tool.key() != null && KEY.matcher(tool.key()).matches(),
            "key",
            "expected lower-case letters, digits and '-', e.g. claude-code")
        .check(tool.name() != null && !tool.name().isBlank(), "name", "a name is required")
        .check(tool.vendor() != null && !tool.vendor().isBlank(), "vendor", "a vendor is required")
        .check(
            tool.name() == null || tool.name().length() <= MAX_NAME,
            "name",
            "at most " + MAX_NAME + " characters")
        .check(
            tool.vendor() == null || tool.vendor().length() <= MAX_NAME,
            "vendor",
            "at most " + MAX_NAME + " characters")
        .check(Tool.KINDS.contains(tool.kind()), "kind", "expected one of " + Tool.KINDS)
        .throwIfAny();
  }
}

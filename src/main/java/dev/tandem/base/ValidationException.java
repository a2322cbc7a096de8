package dev.tandem.base;

import java.util.List;
import java.util.stream.Collectors;

/** A request the user can fix: each problem names the field and says what was expected. */
public class ValidationException extends RuntimeException {

  /** One problem with one field. */
  public record FieldProblem(String field, String message) {}

  private final List<FieldProblem> problems;

  public ValidationException(List<FieldProblem> problems) {
    super(
        problems.stream()
            .map(p -> p.field() + ": " + p.message())
            .collect(Collectors.joining("; ")));
    this.problems = List.copyOf(problems);
  }

  public static ValidationException of(String field, String message) {
    return new ValidationException(List.of(new FieldProblem(field, message)));
  }

  public List<FieldProblem> problems() {
    return problems;
  }

  /** Collects problems and throws once at the end, so the user sees all of them together. */
  public static final class Collector {
    private final java.util.ArrayList<FieldProblem> problems = new java.util.ArrayList<>();

    public Collector check(boolean ok, String field, String message) {
      if (!ok) {
        problems.add(new FieldProblem(field, message));
      }
      return this;
    }

    public void throwIfAny() {
      if (!problems.isEmpty()) {
        throw new ValidationException(problems);
      }
    }
  }
}

package dev.tandem.base;

import java.util.List;

/**
 * The thing a request names (by id or key) does not exist. A {@link ValidationException} for the
 * screens (they show its message beside the field like any other problem); the API answers it once,
 * in one place, as 404 with the detail given here.
 */
public class NotFoundException extends ValidationException {

  /**
   * @param field the request's field that named it (e.g. {@code batchId})
   * @param detail a whole sentence for the user, e.g. "There is no import batch 7."
   */
  public NotFoundException(String field, String detail) {
    super(List.of(new FieldProblem(field, detail)));
  }

  /** The sentence for the user. */
  public String detail() {
    return problems().get(0).message();
  }
}

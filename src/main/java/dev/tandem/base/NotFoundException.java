package dev.tandem.base;

/**
 * The thing a request names (by id or key) does not exist. A {@link ValidationException} for the
 * screens (they show its message beside the field like any other problem); the API answers it once,
 * in one place, as 404 with the detail given here.
 */
public class NotFoundException extends ValidationException {

  private final String detail;

  /**
   * @param field the request's field that named it (e.g. {@code batchId})
   * @param detail a whole sentence for the user, e.g. "There is no import batch 7."
   */
  public NotFoundException(String field, String detail) {
    super(java.util.List.of(new FieldProblem(field, detail)));
    this.detail = detail;
  }

  public String detail() {
    return detail;
  }
}

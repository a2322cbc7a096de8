package dev.tandem.api;

import dev.tandem.base.DatabaseBusy;
import dev.tandem.base.LogSafe;
import dev.tandem.base.ValidationException;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/** RFC 9457 problem details for every API error; never a stack trace or SQL in the response. */
@RestControllerAdvice(basePackages = "dev.tandem.api")
class ApiExceptionHandler extends ResponseEntityExceptionHandler {

  private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

  @ExceptionHandler(ValidationException.class)
  ProblemDetail invalid(ValidationException e) {
    ProblemDetail problem =
        ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, "The request has invalid values.");
    List<Map<String, String>> errors =
        e.problems().stream().map(p -> Map.of("field", p.field(), "message", p.message())).toList();
    problem.setProperty("errors", errors);
    return problem;
  }

  @ExceptionHandler(AccessDeniedException.class)
  ProblemDetail forbidden(AccessDeniedException e) {
    return ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN, "Your role may not do this.");
  }

  /**
   * Logged as one bounded line (error id, exception class, the start of its message; the stack
   * trace is cut by logback-spring.xml): a driver's message can hold the whole SQL with every bind
   * value, and the parameters behind it come from the client.
   */
  @ExceptionHandler(Exception.class)
  ResponseEntity<ProblemDetail> unexpected(Exception e) {
    if (DatabaseBusy.causedBy(e)) {
      log.warn("API request answered 503: {}", LogSafe.describe(e));
      return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
          .header(HttpHeaders.RETRY_AFTER, String.valueOf(DatabaseBusy.RETRY_AFTER_SECONDS))
          .body(
              ProblemDetail.forStatusAndDetail(
                  HttpStatus.SERVICE_UNAVAILABLE, DatabaseBusy.DETAIL));
    }
    String id = UUID.randomUUID().toString().substring(0, 8);
    log.error("API request failed (error {}): {}", id, LogSafe.describe(e), e);
    ProblemDetail problem =
        ProblemDetail.forStatusAndDetail(
            HttpStatus.INTERNAL_SERVER_ERROR,
            "Something went wrong on our side (error " + id + "); it has been logged.");
    problem.setProperty("errorId", id);
    return ResponseEntity.internalServerError().body(problem);
  }
}

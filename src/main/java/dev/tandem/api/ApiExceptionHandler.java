package dev.tandem.api;

import dev.tandem.base.DatabaseBusy;
import dev.tandem.base.Excerpt;
import dev.tandem.base.LogSafe;
import dev.tandem.base.NotFoundException;
import dev.tandem.base.ValidationException;
import dev.tandem.connectors.ConnectorBusyException;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * RFC 9457 problem details for every error under {@code /api} and {@code /actuator}; never a stack
 * trace or SQL in the response.
 *
 * <p>Global rather than limited to this package: an unknown path (404), a method the path does not
 * take (405), a body type it does not read (415) and an {@code Accept} it cannot answer (406) fail
 * while Spring looks for a handler, before any controller is chosen, so a package-scoped advice
 * never sees them. The UI (Vaadin) never answers those paths ({@code vaadin.exclude-urls}).
 */
@RestControllerAdvice
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

  /** 404 for an id or key that names nothing: the detail says which. */
  @ExceptionHandler(NotFoundException.class)
  ProblemDetail notFound(NotFoundException e) {
    return ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, e.detail());
  }

  /** 409: a connector run was asked for while one of the same connector runs. */
  @ExceptionHandler(ConnectorBusyException.class)
  ProblemDetail busy(ConnectorBusyException e) {
    return ProblemDetail.forStatusAndDetail(
        HttpStatus.CONFLICT, e.getMessage() + "; try again when it has ended.");
  }

  /** 404: names the path and where the API's description is. */
  @Override
  protected ResponseEntity<Object> handleNoResourceFoundException(
      NoResourceFoundException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
    String detail =
        "There is no resource at "
            + Excerpt.quote("/" + e.getResourcePath())
            + "; the API's paths are listed in /api/v1/openapi.json.";
    return problem(e, detail, headers, status, request);
  }

  /** 405: names the methods the path takes (also in {@code Allow}). */
  @Override
  protected ResponseEntity<Object> handleHttpRequestMethodNotSupported(
      HttpRequestMethodNotSupportedException e,
      HttpHeaders headers,
      HttpStatusCode status,
      WebRequest request) {
    String methods =
        String.join(", ", e.getSupportedHttpMethods().stream().map(Object::toString).toList());
    String detail = e.getMethod() + " is not supported here; this path takes " + methods + ".";
    return problem(e, detail, headers, status, request);
  }

  /** 415: names the body types the path reads (also in {@code Accept}). */
  @Override
  protected ResponseEntity<Object> handleHttpMediaTypeNotSupported(
      HttpMediaTypeNotSupportedException e,
      HttpHeaders headers,
      HttpStatusCode status,
      WebRequest request) {
    MediaType type = e.getContentType();
    String sent = type == null ? "none" : type.getType() + "/" + type.getSubtype();
    String detail =
        "The body's Content-Type "
            + Excerpt.quote(sent)
            + " is not one this path reads; send "
            + MediaType.toString(e.getSupportedMediaTypes())
            + ".";
    return problem(e, detail, headers, status, request);
  }

  /** 406: the API answers JSON (errors as problem JSON), whatever {@code Accept} asked for. */
  @Override
  protected ResponseEntity<Object> handleHttpMediaTypeNotAcceptable(
      HttpMediaTypeNotAcceptableException e,
      HttpHeaders headers,
      HttpStatusCode status,
      WebRequest request) {
    String detail =
        "This path answers "
            + MediaType.toString(e.getSupportedMediaTypes())
            + "; send an Accept header that includes one of them (or none).";
    headers.setContentType(MediaType.APPLICATION_PROBLEM_JSON);
    return problem(e, detail, headers, status, request);
  }

  /** A problem detail of this status and detail, through Spring's own handling of the rest. */
  private ResponseEntity<Object> problem(
      Exception e, String detail, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
    return handleExceptionInternal(
        e, ProblemDetail.forStatusAndDetail(status, detail), headers, status, request);
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
  ResponseEntity<ProblemDetail> unexpected(Exception e, HttpServletRequest request)
      throws Exception {
    if (!ApiPaths.isApi(request)) {
      throw e; // anything else keeps Spring's error page (details switched off)
    }
    return unexpected(e);
  }

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

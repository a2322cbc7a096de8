package dev.tandem.api;

import dev.tandem.base.ValidationException;
import dev.tandem.ingest.ImportMode;
import dev.tandem.ingest.ImportQueueFullException;
import dev.tandem.ingest.ImportRequest;
import dev.tandem.ingest.ImportResult;
import dev.tandem.ingest.ImportService;
import dev.tandem.ingest.ImportTooLargeException;
import dev.tandem.ingest.format.ImportError;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.multipart.MultipartHttpServletRequest;

/**
 * DESIGN §5 imports: a raw body or one multipart {@code file}; {@code async=true} queues a job (202
 * with its {@code Location}); a batch's state; undo of a whole batch.
 */
@RestController
@RequestMapping("/api/v1/imports")
class ImportsController {

  /** The response of an import: 200 when applied (or a dry run), 422 when refused. */
  record ImportResponse(
      Long batchId,
      String format,
      long rowsRead,
      long rowsApplied,
      long rowsRejected,
      long rowsUnmatched,
      List<ImportError> errors,
      List<ImportError> warnings) {}

  private final ImportService imports;

  ImportsController(ImportService imports) {
    this.imports = imports;
  }

  /** An asynchronous import's first answer: follow {@code Location} for its progress. */
  record Accepted(long batchId, String state) {}

  /** A batch as a job (GET): state, rows read so far, counts, errors, and whether undo can run. */
  record JobResponse(
      long batchId,
      String state,
      String format,
      String fileName,
      long rowsRead,
      long rowsApplied,
      long rowsRejected,
      long rowsUnmatched,
      List<ImportError> errors,
      boolean undoable,
      String notUndoableBecause) {}

  @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
  ResponseEntity<?> multipart(
      @RequestParam String format,
      @RequestParam(required = false) String mode,
      @RequestParam(defaultValue = "false") boolean dryRun,
      @RequestParam(required = false) String tool,
      @RequestParam(defaultValue = "false") boolean async,
      HttpServletRequest http)
      throws IOException {
    MultipartFile file = onlyFile(http);
    ImportRequest request = request(format, mode, dryRun, file.getOriginalFilename(), tool);
    try (InputStream in = file.getInputStream()) {
      return async
          ? accepted(imports.startImport(request, in))
          : respond(imports.importFile(request, in));
    }
  }

  @PostMapping
  ResponseEntity<?> raw(
      @RequestParam String format,
      @RequestParam(required = false) String mode,
      @RequestParam(defaultValue = "false") boolean dryRun,
      @RequestParam(required = false) String tool,
      @RequestParam(defaultValue = "false") boolean async,
      HttpServletRequest http)
      throws IOException {
    if (http.getContentLengthLong() > imports.maxBytes()) {
      throw new ImportTooLargeException(imports.maxBytes());
    }
    ImportRequest request = request(format, mode, dryRun, null, tool);
    try (InputStream in = http.getInputStream()) {
      return async
          ? accepted(imports.startImport(request, in))
          : respond(imports.importFile(request, in));
    }
  }

  @GetMapping("/{batchId}")
  ResponseEntity<?> status(@PathVariable long batchId) {
    return imports
        .importStatus(batchId)
        .<ResponseEntity<?>>map(
            s ->
                ResponseEntity.ok(
                    new JobResponse(
                        s.batchId(),
                        s.state(),
                        s.format(),
                        s.fileName(),
                        s.rowsRead(),
                        s.rowsApplied(),
                        s.rowsRejected(),
                        s.rowsUnmatched(),
                        s.errors(),
                        s.undoable(),
                        s.notUndoableBecause())))
        .orElseGet(
            () -> problem(HttpStatus.NOT_FOUND, "There is no import batch " + batchId + "."));
  }

  /** The one part named {@code file}: a request with none or several is refused as a whole. */
  private static MultipartFile onlyFile(HttpServletRequest http) {
    if (!(http instanceof MultipartHttpServletRequest multipart)) {
      throw ValidationException.of("file", "the multipart body could not be read");
    }
    List<MultipartFile> files = multipart.getMultiFileMap().get("file");
    if (files == null || files.isEmpty()) {
      throw ValidationException.of(
          "file", "the multipart body has no part named file; send the file as the part file");
    }
    if (files.size() > 1) {
      throw ValidationException.of(
          "file",
          "one file per request: the body has "
              + files.size()
              + " parts named file; send each file in its own request");
    }
    return files.get(0);
  }

  private static ResponseEntity<Accepted> accepted(long batchId) {
    return ResponseEntity.accepted()
        .location(URI.create("/api/v1/imports/" + batchId))
        .body(new Accepted(batchId, "queued"));
  }

  @DeleteMapping("/{batchId}")
  ResponseEntity<Void> undo(@PathVariable long batchId) {
    imports.undo(batchId);
    return ResponseEntity.noContent().build();
  }

  @ExceptionHandler(MaxUploadSizeExceededException.class)
  ResponseEntity<ProblemDetail> multipartTooLarge(MaxUploadSizeExceededException e) {
    return tooLarge(new ImportTooLargeException(imports.maxBytes()));
  }

  /** A multipart body that cannot be parsed (no boundary, truncated): the client's fault. */
  @ExceptionHandler(MultipartException.class)
  ResponseEntity<ProblemDetail> badMultipart(MultipartException e) {
    return problem(
        HttpStatus.BAD_REQUEST,
        "The multipart body could not be read: send Content-Type multipart/form-data with its"
            + " boundary and one part named file, or the file as the raw body.");
  }

  @ExceptionHandler(ImportQueueFullException.class)
  ResponseEntity<ProblemDetail> queueFull(ImportQueueFullException e) {
    return problem(
        HttpStatus.SERVICE_UNAVAILABLE,
        "Too many imports are waiting; nothing was queued. Try again later.");
  }

  private static ResponseEntity<ProblemDetail> problem(HttpStatus status, String detail) {
    return ResponseEntity.status(status)
        .contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .body(ProblemDetail.forStatusAndDetail(status, detail));
  }

  @ExceptionHandler(ImportTooLargeException.class)
  ResponseEntity<ProblemDetail> tooLarge(ImportTooLargeException e) {
    ProblemDetail problem =
        ProblemDetail.forStatusAndDetail(
            HttpStatus.PAYLOAD_TOO_LARGE,
            "The file is larger than the import limit of " + e.maxBytes() + " bytes.");
    return ResponseEntity.status(HttpStatus.PAYLOAD_TOO_LARGE)
        .contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .body(problem);
  }

  private static ImportRequest request(
      String format, String mode, boolean dryRun, String fileName, String tool) {
    return new ImportRequest(format, ImportMode.of(mode), dryRun, fileName, tool);
  }

  private static ResponseEntity<ImportResponse> respond(ImportResult r) {
    ImportResponse body =
        new ImportResponse(
            r.batchId(),
            r.format(),
            r.rowsRead(),
            r.rowsApplied(),
            r.rowsRejected(),
            r.rowsUnmatched(),
            r.errors(),
            r.warnings());
    return ResponseEntity.status(r.refused() ? HttpStatus.UNPROCESSABLE_ENTITY : HttpStatus.OK)
        .body(body);
  }
}

package dev.tandem.api;

import dev.tandem.ingest.ImportMode;
import dev.tandem.ingest.ImportRequest;
import dev.tandem.ingest.ImportResult;
import dev.tandem.ingest.ImportService;
import dev.tandem.ingest.ImportTooLargeException;
import dev.tandem.ingest.format.ImportError;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** DESIGN §5 imports: a raw body or a multipart {@code file}; undo of a whole batch. */
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

  @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
  ResponseEntity<ImportResponse> multipart(
      @RequestParam String format,
      @RequestParam(required = false) String mode,
      @RequestParam(defaultValue = "false") boolean dryRun,
      @RequestParam(required = false) String tool,
      @RequestPart("file") MultipartFile file)
      throws IOException {
    try (InputStream in = file.getInputStream()) {
      return respond(
          imports.importFile(request(format, mode, dryRun, file.getOriginalFilename(), tool), in));
    }
  }

  @PostMapping
  ResponseEntity<ImportResponse> raw(
      @RequestParam String format,
      @RequestParam(required = false) String mode,
      @RequestParam(defaultValue = "false") boolean dryRun,
      @RequestParam(required = false) String tool,
      HttpServletRequest http)
      throws IOException {
    if (http.getContentLengthLong() > imports.maxBytes()) {
      throw new ImportTooLargeException(imports.maxBytes());
    }
    try (InputStream in = http.getInputStream()) {
      return respond(imports.importFile(request(format, mode, dryRun, null, tool), in));
    }
  }

  @DeleteMapping("/{batchId}")
  ResponseEntity<Void> undo(@PathVariable long batchId) {
    imports.undo(batchId);
    return ResponseEntity.noContent().build();
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

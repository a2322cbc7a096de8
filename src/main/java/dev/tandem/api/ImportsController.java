package dev.tandem.api;

import dev.tandem.api.ImportResponses.Accepted;
import dev.tandem.api.ImportResponses.FilePart;
import dev.tandem.api.ImportResponses.ImportResponse;
import dev.tandem.api.ImportResponses.JobResponse;
import dev.tandem.base.ValidationException;
import dev.tandem.ingest.ImportMode;
import dev.tandem.ingest.ImportQueueFullException;
import dev.tandem.ingest.ImportRequest;
import dev.tandem.ingest.ImportResult;
import dev.tandem.ingest.ImportService;
import dev.tandem.ingest.ImportTooLargeException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
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
@RequestMapping(path = "/api/v1/imports", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Imports", description = "Load a vendor's export or a Tandem file; follow and undo it.")
class ImportsController {

  private final ImportService imports;

  ImportsController(ImportService imports) {
    this.imports = imports;
  }

  @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
  @Operation(hidden = true) // documented with the raw body below: one operation, two body types
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
  @Operation(
      operationId = "importFile",
      summary = "Import a file (admins)",
      description =
          "The body is the file: raw with any content type, or multipart/form-data with one part"
              + " named file. Without async the answer comes when the import is done (200 applied"
              + " or dry run, 422 refused with nothing applied); with async=true it is queued (202"
              + " with Location).",
      requestBody =
          @io.swagger.v3.oas.annotations.parameters.RequestBody(
              required = true,
              content = {
                @Content(mediaType = "*/*", schema = @Schema(type = "string", format = "binary")),
                @Content(
                    mediaType = "multipart/form-data",
                    schema = @Schema(implementation = FilePart.class))
              }))
  @ApiResponse(
      responseCode = "200",
      description = "Applied, or checked without writing (dryRun=true).",
      content = @Content(schema = @Schema(implementation = ImportResponse.class)))
  @ApiResponse(
      responseCode = "202",
      description = "Queued (async=true); follow Location.",
      headers = @Header(name = "Location", description = "/api/v1/imports/{batchId}"),
      content = @Content(schema = @Schema(implementation = Accepted.class)))
  @ApiResponse(
      responseCode = "422",
      description = "Refused: nothing was applied; errors name each line and field.",
      content = @Content(schema = @Schema(implementation = ImportResponse.class)))
  @ApiResponse(responseCode = "413", description = "The file is over the import size limit.")
  ResponseEntity<?> raw(
      @Parameter(description = "The format's key, e.g. tandem-usage-csv (docs/formats.md).")
          @RequestParam
          String format,
      @Parameter(
              description = "all-or-nothing (default) or skip-invalid",
              schema = @Schema(allowableValues = {"all-or-nothing", "skip-invalid"}))
          @RequestParam(required = false)
          String mode,
      @Parameter(description = "Check the file and answer what it would do; write nothing.")
          @RequestParam(defaultValue = "false")
          boolean dryRun,
      @Parameter(description = "The tool key, for formats that do not name the tool.")
          @RequestParam(required = false)
          String tool,
      @Parameter(description = "Queue the import as a job and answer 202 at once.")
          @RequestParam(defaultValue = "false")
          boolean async,
      @Parameter(hidden = true) HttpServletRequest http)
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
  @Operation(
      operationId = "importStatus",
      summary = "An import batch as a job (admins)",
      description = "Its state, rows read so far, counts, errors, and whether it can be undone.")
  @ApiResponse(
      responseCode = "200",
      description = "The batch.",
      content = @Content(schema = @Schema(implementation = JobResponse.class)))
  @ApiResponse(responseCode = "404", description = "There is no batch with this id.")
  // ResponseEntity<?>, not <JobResponse>: the OpenAPI document would give the 404 the job's schema.
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
        .orElseThrow(() -> ImportService.unknownBatch(batchId));
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
  @Operation(
      operationId = "undoImport",
      summary = "Undo a whole import batch (admins)",
      description =
          "Restores what the batch replaced. Refused (400) for a batch that cannot be undone"
              + " (the reason is in the detail).")
  @ApiResponse(responseCode = "204", description = "Undone.", content = @Content)
  @ApiResponse(responseCode = "404", description = "There is no batch with this id.")
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

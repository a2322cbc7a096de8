package dev.tandem.api;

import dev.tandem.rollup.RollupService;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code POST /api/v1/admin/rollup/rebuild}: recomputes the whole rollup (admins). */
@RestController
@RequestMapping(path = "/api/v1/admin/rollup", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Administration", description = "Maintenance (admins).")
class AdminRollupController {

  private final RollupService rollup;

  AdminRollupController(RollupService rollup) {
    this.rollup = rollup;
  }

  @PostMapping("/rebuild")
  @PreAuthorize("hasRole('ADMIN')")
  @Operation(
      operationId = "rebuildRollup",
      summary = "Recompute the weekly rollup from the base tables (admins)",
      description = "For data restored by hand; every write keeps the rollup current anyway.")
  @ApiResponse(responseCode = "204", description = "Rebuilt.")
  ResponseEntity<Void> rebuild() {
    rollup.rebuildAll();
    return ResponseEntity.noContent().build();
  }
}

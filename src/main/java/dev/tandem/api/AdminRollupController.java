package dev.tandem.api;

import dev.tandem.rollup.RollupService;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code POST /api/v1/admin/rollup/rebuild}: recomputes the whole rollup (admins). */
@RestController
@RequestMapping("/api/v1/admin/rollup")
class AdminRollupController {

  private final RollupService rollup;

  AdminRollupController(RollupService rollup) {
    this.rollup = rollup;
  }

  @PostMapping("/rebuild")
  @PreAuthorize("hasRole('ADMIN')")
  ResponseEntity<Void> rebuild() {
    rollup.rebuildAll();
    return ResponseEntity.noContent().build();
  }
}

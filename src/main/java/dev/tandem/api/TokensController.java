package dev.tandem.api;

import dev.tandem.base.ValidationException;
import dev.tandem.roster.RosterService;
import dev.tandem.roster.Team;
import dev.tandem.security.ApiTokenService;
import dev.tandem.security.Role;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.Arrays;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** {@code POST /api/v1/tokens} and {@code DELETE /api/v1/tokens/{id}} (admins only, DESIGN §5). */
@RestController
@RequestMapping(path = "/api/v1/tokens", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Tokens", description = "API tokens (admins).")
class TokensController {

  private final ApiTokenService tokens;
  private final RosterService roster;

  TokensController(ApiTokenService tokens, RosterService roster) {
    this.tokens = tokens;
    this.roster = roster;
  }

  @Schema(
      description = "A token to create.",
      requiredProperties = {"name", "role"})
  record CreateToken(
      @Schema(
              description = "What the token is for, shown in the token list.",
              example = "CI export")
          String name,
      @Schema(allowableValues = {"ADMIN", "LEADER", "MANAGER", "MEMBER"}) String role,
      @Schema(
              nullable = true,
              description = "A team key: the scope of a MANAGER or MEMBER token.",
              example = "payments")
          String team) {}

  @Schema(description = "The new token: shown once, stored only as a hash.")
  record Created(long id, String token) {}

  @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
  @ResponseStatus(HttpStatus.CREATED)
  @Operation(operationId = "createToken", summary = "Create an API token (admins)")
  @ApiResponse(responseCode = "201", description = "Created; the token is not shown again.")
  Created create(@RequestBody CreateToken request) {
    Role role =
        Arrays.stream(Role.values())
            .filter(r -> r.name().equalsIgnoreCase(String.valueOf(request.role())))
            .findFirst()
            .orElseThrow(
                () ->
                    ValidationException.of(
                        "role", "expected one of ADMIN, LEADER, MANAGER, MEMBER"));
    Long teamId =
        request.team() == null || request.team().isBlank()
            ? null
            : roster
                .team(request.team())
                .map(Team::id)
                .orElseThrow(
                    () ->
                        ValidationException.of(
                            "team",
                            "no team with key " + dev.tandem.base.Excerpt.quote(request.team())));
    ApiTokenService.CreatedToken created = tokens.create(request.name(), role, teamId);
    return new Created(created.id(), created.token());
  }

  @DeleteMapping("/{id}")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  @Operation(
      operationId = "revokeToken",
      summary = "Revoke an API token (admins)",
      description = "Answers 404 for an unknown id.")
  @ApiResponse(responseCode = "204", description = "Revoked.")
  @ApiResponse(responseCode = "404", description = "There is no token with this id.")
  void revoke(@PathVariable long id) {
    tokens.revoke(id);
  }
}

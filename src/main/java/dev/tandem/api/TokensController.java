package dev.tandem.api;

import dev.tandem.base.ValidationException;
import dev.tandem.roster.RosterService;
import dev.tandem.roster.Team;
import dev.tandem.security.ApiTokenService;
import dev.tandem.security.Role;
import java.util.Arrays;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** {@code POST /api/v1/tokens} and {@code DELETE /api/v1/tokens/{id}} (admins only, DESIGN §5). */
@RestController
@RequestMapping("/api/v1/tokens")
class TokensController {

  private final ApiTokenService tokens;
  private final RosterService roster;

  TokensController(ApiTokenService tokens, RosterService roster) {
    this.tokens = tokens;
    this.roster = roster;
  }

  record CreateToken(String name, String role, String team) {}

  record Created(long id, String token) {}

  @PostMapping
  @ResponseStatus(HttpStatus.CREATED)
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
  void revoke(@PathVariable long id) {
    tokens.revoke(id);
  }
}

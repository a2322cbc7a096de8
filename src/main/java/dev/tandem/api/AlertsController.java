package dev.tandem.api;

import dev.tandem.alerts.AlertRule;
import dev.tandem.alerts.AlertService;
import dev.tandem.alerts.AlertSubscriptionService;
import dev.tandem.alerts.Delivery;
import dev.tandem.alerts.RuleSetting;
import dev.tandem.alerts.Subscription;
import dev.tandem.base.Scope;
import dev.tandem.base.ValidationException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Alert rules and the delivery log (admins), and what the caller receives (a person: HTTP basic
 * with their user, since API tokens belong to no person).
 */
@RestController
@RequestMapping(path = "/api/v1/alerts", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Alerts", description = "Alert rules, deliveries and a person's own subscription.")
class AlertsController {

  static final int MAX_DELIVERIES = 1000;

  private final AlertService alerts;
  private final AlertSubscriptionService subscriptions;

  AlertsController(AlertService alerts, AlertSubscriptionService subscriptions) {
    this.alerts = alerts;
    this.subscriptions = subscriptions;
  }

  /** A rule as admins set it. */
  record RuleResponse(
      @Schema(example = "adoption-below-goal") String rule,
      String label,
      boolean enabled,
      @Schema(nullable = true, description = "Null for the rules that take none.")
          BigDecimal threshold,
      @Schema(description = "What the threshold counts.") String thresholdMeaning) {

    static RuleResponse of(RuleSetting r) {
      return new RuleResponse(
          r.rule().key(),
          r.rule().label(),
          r.enabled(),
          r.rule().thresholdUnused() ? null : r.threshold().stripTrailingZeros(),
          r.rule().thresholdMeaning());
    }
  }

  /** One message on one channel after its last attempt. */
  record DeliveryResponse(
      long id,
      @Schema(description = "'email' or 'webhook:<name>'.") String channel,
      @Schema(description = "The address or the webhook's URL.") String recipient,
      String subject,
      int attempts,
      @Schema(allowableValues = {"sent", "failed"}) String outcome,
      @Schema(nullable = true) String error,
      OffsetDateTime deliveredAt) {

    static DeliveryResponse of(Delivery d) {
      return new DeliveryResponse(
          d.id(),
          d.channel(),
          d.recipient(),
          d.subject(),
          d.attempts(),
          d.outcome(),
          d.error(),
          d.deliveredAt());
    }
  }

  /** What a person receives. */
  record SubscriptionResponse(
      @Schema(nullable = true) String email,
      @Schema(nullable = true, description = "A team key; null: the organisation.") String team,
      boolean alerts,
      boolean digest,
      @ArraySchema(arraySchema = @Schema(description = "The rules whose alerts they receive."))
          List<String> rules,
      @ArraySchema(arraySchema = @Schema(description = "The rules they may choose from."))
          List<String> availableRules) {}

  @Schema(
      description = "What the caller wants to receive.",
      requiredProperties = {"email", "alerts", "digest"})
  record SubscriptionRequest(
      @Schema(example = "ana.silva@example.com") String email,
      @Schema(
              nullable = true,
              description =
                  "A team key whose figures the caller may see; absent: the organisation.",
              example = "payments")
          String team,
      Boolean alerts,
      Boolean digest,
      @ArraySchema(
              arraySchema =
                  @Schema(
                      nullable = true,
                      description = "Rule keys to receive; absent: every rule they may receive."))
          List<String> rules) {}

  @GetMapping("/rules")
  @Operation(operationId = "alertRules", summary = "The alert rules with their settings (admins)")
  @ApiResponse(responseCode = "200", description = "Every rule, on or off.")
  List<RuleResponse> rules() {
    return alerts.rules().stream().map(RuleResponse::of).toList();
  }

  @GetMapping("/deliveries")
  @Operation(
      operationId = "alertDeliveries",
      summary = "The delivery log, newest first (admins)",
      description = "Each email or webhook message after its last attempt; failed ones carry why.")
  @ApiResponse(responseCode = "200", description = "The latest deliveries.")
  List<DeliveryResponse> deliveries(
      @Parameter(description = "How many, 1–" + MAX_DELIVERIES, example = "100")
          @RequestParam(defaultValue = "100")
          String limit) {
    int n;
    try {
      n = Integer.parseInt(limit.trim());
    } catch (NumberFormatException e) {
      n = -1;
    }
    if (n < 1 || n > MAX_DELIVERIES) {
      throw ValidationException.of("limit", "a whole number from 1 to " + MAX_DELIVERIES);
    }
    return alerts.deliveries(n).stream().map(DeliveryResponse::of).toList();
  }

  @GetMapping("/subscriptions/me")
  @Operation(
      operationId = "mySubscription",
      summary = "What the caller receives",
      description =
          "The caller's choice, else their role's default. Only a person has one: authenticate"
              + " with HTTP basic as your user; an API token gets 404.",
      security = {@SecurityRequirement(name = "basic"), @SecurityRequirement(name = "bearer")})
  @ApiResponse(responseCode = "200", description = "The subscription.")
  @ApiResponse(responseCode = "404", description = "The caller is not a person (an API token).")
  ResponseEntity<?> mine() {
    return subscriptions
        .mySubscription()
        .<ResponseEntity<?>>map(s -> ResponseEntity.ok(response(s)))
        .orElseGet(AlertsController::noPerson);
  }

  @PutMapping(path = "/subscriptions/me", consumes = MediaType.APPLICATION_JSON_VALUE)
  @Operation(
      operationId = "updateMySubscription",
      summary = "Choose what the caller receives",
      description =
          "The address, the scope (the organisation or a team whose figures the caller may see),"
              + " alerts and the digest on or off, and which rules' alerts.",
      security = {@SecurityRequirement(name = "basic"), @SecurityRequirement(name = "bearer")})
  @ApiResponse(responseCode = "200", description = "Saved.")
  @ApiResponse(responseCode = "404", description = "The caller is not a person (an API token).")
  ResponseEntity<?> update(@RequestBody SubscriptionRequest request) {
    if (subscriptions.mySubscription().isEmpty()) {
      return noPerson();
    }
    List<AlertRule> available = subscriptions.rulesICanReceive();
    ValidationException.Collector problems =
        new ValidationException.Collector()
            .check(request.alerts() != null, "alerts", "true or false")
            .check(request.digest() != null, "digest", "true or false");
    Set<AlertRule> receive = EnumSet.noneOf(AlertRule.class);
    if (request.rules() == null) {
      receive.addAll(available);
    } else {
      for (String key : request.rules()) {
        AlertRule rule =
            available.stream().filter(r -> r.key().equals(key)).findFirst().orElse(null);
        problems.check(
            rule != null,
            "rules",
            "'" + key + "' is not a rule you may receive; expected some of " + keys(available));
        if (rule != null) {
          receive.add(rule);
        }
      }
    }
    problems.throwIfAny();
    Set<AlertRule> muted = EnumSet.noneOf(AlertRule.class);
    muted.addAll(available);
    muted.removeAll(receive);
    subscriptions.subscribeMe(
        request.email(), Scope.of(request.team()), request.alerts(), request.digest(), muted);
    return ResponseEntity.ok(response(subscriptions.mySubscription().orElseThrow()));
  }

  private SubscriptionResponse response(Subscription s) {
    List<AlertRule> available = subscriptions.rulesICanReceive();
    return new SubscriptionResponse(
        s.email(),
        s.teamKey(),
        s.alerts(),
        s.digest(),
        keys(available.stream().filter(r -> !s.muted().contains(r)).toList()),
        keys(available));
  }

  private static List<String> keys(List<AlertRule> rules) {
    return rules.stream().map(AlertRule::key).toList();
  }

  private static ResponseEntity<ProblemDetail> noPerson() {
    return ResponseEntity.status(HttpStatus.NOT_FOUND)
        .contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .body(
            ProblemDetail.forStatusAndDetail(
                HttpStatus.NOT_FOUND,
                "An API token is not a person and has no subscription: call with HTTP basic as"
                    + " your user, or choose on the My alerts screen."));
  }
}

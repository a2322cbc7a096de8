package dev.tandem.api;

import dev.tandem.base.ReportingPeriod;
import dev.tandem.base.Scope;
import dev.tandem.base.WeekRange;
import io.swagger.v3.oas.annotations.Parameter;
import org.jspecify.annotations.Nullable;
import org.springdoc.core.annotations.ParameterObject;

/**
 * The {@code from}, {@code to} and {@code team} query parameters of the week-based reads (DESIGN
 * §5), read the same way by every endpoint that takes them.
 */
@ParameterObject
record WeeksAndTeam(
    @Parameter(description = "First ISO week", example = "2026-W22") @Nullable String from,
    @Parameter(description = "Last ISO week", example = "2026-W47") @Nullable String to,
    @Parameter(description = "A team key; the organisation when absent", example = "payments")
        @Nullable String team) {

  /** The weeks asked for, by the one rule of {@link ReportingPeriod#parse}. */
  WeekRange range(ReportingPeriod period) {
    return period.parse(from, to);
  }

  /** The scope asked for: the team of the (trimmed) key, or the organisation when absent. */
  Scope scope() {
    return Scope.of(team);
  }
}

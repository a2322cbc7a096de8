package dev.tandem.costs;

import java.math.BigDecimal;

/**
 * The currency every price is in, and the rates that turn what vendors report into usage-based
 * cost: a Kiro overage credit, a Copilot AI credit, a Cursor usage-based request, and one US dollar
 * (Claude Code reports its estimated cost in US cents).
 */
public record CostSettings(
    String currency,
    BigDecimal kiroCreditPrice,
    BigDecimal copilotCreditPrice,
    BigDecimal cursorRequestPrice,
    BigDecimal usdRate) {}

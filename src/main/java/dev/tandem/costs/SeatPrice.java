package dev.tandem.costs;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * A price-list entry: the monthly price of a tool's seat type from {@code validFrom} until the next
 * entry of the same tool and seat type.
 */
public record SeatPrice(
    String tool, String seatType, LocalDate validFrom, BigDecimal monthlyPrice) {}

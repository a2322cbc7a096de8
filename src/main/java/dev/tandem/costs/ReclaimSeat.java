package dev.tandem.costs;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * A seat still held by someone who has left: one to reclaim. {@code monthlyPrice} is the price of
 * the seat on the day it is listed (null: no price known).
 */
public record ReclaimSeat(
    String name,
    String email,
    String team,
    String tool,
    String seatType,
    LocalDate assignedOn,
    LocalDate leftOn,
    BigDecimal monthlyPrice) {}

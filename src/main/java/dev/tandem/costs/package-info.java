/** Seats and cost: seat lists, prices and cost per active developer; CostService is the door. */
@NullMarked
package dev.tandem.costs;

import org.jspecify.annotations.NullMarked;

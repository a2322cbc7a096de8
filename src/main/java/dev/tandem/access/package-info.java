/** Who may see which team's aggregates and individuals; small-group suppression. */
@NullMarked
package dev.tandem.access;

import org.jspecify.annotations.NullMarked;

/** Pure statistics: exact intervals and tests, least squares; no Spring, no database. */
@NullMarked
package dev.tandem.stats;

import org.jspecify.annotations.NullMarked;

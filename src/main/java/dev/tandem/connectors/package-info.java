/** Scheduled connectors that fetch vendor data and import it. */
@NullMarked
package dev.tandem.connectors;

import org.jspecify.annotations.NullMarked;

/** The one-page summary screen. */
@NullMarked
package dev.tandem.summary.ui;

import org.jspecify.annotations.NullMarked;

/** The reliability and incident screens. */
@NullMarked
package dev.tandem.reliability.ui;

import org.jspecify.annotations.NullMarked;

/** The adoption screen. */
@NullMarked
package dev.tandem.adoption.ui;

import org.jspecify.annotations.NullMarked;

/** The settings screen. */
@NullMarked
package dev.tandem.settings.ui;

import org.jspecify.annotations.NullMarked;

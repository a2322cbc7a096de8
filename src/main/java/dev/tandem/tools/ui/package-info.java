/** The tool catalogue screen. */
@NullMarked
package dev.tandem.tools.ui;

import org.jspecify.annotations.NullMarked;

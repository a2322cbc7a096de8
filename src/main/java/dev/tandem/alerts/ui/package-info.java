/** The alert screens. */
@NullMarked
package dev.tandem.alerts.ui;

import org.jspecify.annotations.NullMarked;

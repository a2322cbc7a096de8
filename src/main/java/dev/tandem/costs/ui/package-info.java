/** The seats and cost screens. */
@NullMarked
package dev.tandem.costs.ui;

import org.jspecify.annotations.NullMarked;

/** The connector screens. */
@NullMarked
package dev.tandem.connectors.ui;

import org.jspecify.annotations.NullMarked;

/** The roster screens. */
@NullMarked
package dev.tandem.roster.ui;

import org.jspecify.annotations.NullMarked;
